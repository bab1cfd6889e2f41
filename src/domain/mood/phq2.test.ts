import { describe, expect, it } from 'vitest';
import { assessPhq2 } from './phq2.js';

describe('stand-alone PHQ-2', () => {
  it('is positive at 3 and still requires the full PHQ-9 (MOOD-PHQ2)', () => {
    expect(assessPhq2([1, 'LA6570-1'])).toMatchObject({
      total: 3,
      positive: true,
      fullPhq9Required: true,
      panelLoinc: '55757-9',
      totalLoinc: '55758-7',
    });
  });

  it('is negative at 2 and never reads as reassurance about self-harm', () => {
    const result = assessPhq2([1, 1]);
    expect(result.positive).toBe(false);
    expect(result.message).toMatch(/self-harm/);
  });

  it('is incomplete with a missing item and refuses three answers', () => {
    expect(assessPhq2([null, 3])).toMatchObject({ total: null, positive: null, incomplete: true });
    expect(() => assessPhq2([1, 1, 1])).toThrow(/exactly 2/);
  });
});
