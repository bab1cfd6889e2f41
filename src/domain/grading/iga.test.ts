import { describe, expect, it } from 'vitest';
import { assessIgaSuccess, IGA_GRADES } from './iga.js';

describe('IGA treatment success (GRADE-IGA)', () => {
  it('labels the five grades clear to severe', () => {
    expect(IGA_GRADES.map((g) => g.label)).toEqual(['clear', 'almost clear', 'mild', 'moderate', 'severe']);
  });

  it('is a success from 3 (moderate) to 1 (almost clear): 2 grades below baseline', () => {
    expect(assessIgaSuccess({ baseline: 3, current: 1 })).toMatchObject({ success: true, improvement: 2, unmet: [] });
  });

  it('is not a success from 2 (mild) to 1 (almost clear): only 1 grade below baseline', () => {
    const result = assessIgaSuccess({ baseline: 2, current: 1 });
    expect(result.success).toBe(false);
    expect(result.unmet).toEqual([expect.stringMatching(/at least 2/)]);
  });

  it('is a success from 2 (mild) to 0 (clear)', () => {
    expect(assessIgaSuccess({ baseline: 2, current: 0 }).success).toBe(true);
  });

  it('is not a success at 2 (mild) even 2 grades below a severe baseline', () => {
    const result = assessIgaSuccess({ baseline: 4, current: 2 });
    expect(result).toMatchObject({ success: false, improvement: 2 });
    expect(result.unmet).toEqual([expect.stringMatching(/not clear or almost clear/)]);
  });

  it('lists both unmet conditions when the acne got worse', () => {
    expect(assessIgaSuccess({ baseline: 2, current: 3 }).unmet).toHaveLength(2);
  });

  it('refuses grade 5 and grade 1.5, naming the field', () => {
    expect(() => assessIgaSuccess({ baseline: 5, current: 1 })).toThrow(expect.objectContaining({ field: 'baseline' }));
    expect(() => assessIgaSuccess({ baseline: 3, current: 1.5 })).toThrow(expect.objectContaining({ field: 'current' }));
  });
});
