import { describe, expect, it } from 'vitest';
import { gradeLeeds } from './leeds.js';

describe('Leeds revised (GRADE-LEEDS)', () => {
  it('accepts face 1-12 with comedonal A-C, chest 1-8 and back 1-8 at both ends', () => {
    expect(gradeLeeds({ faceInflammatory: 1, faceComedonal: 'A', chest: 1, back: 1 })).toMatchObject({ faceInflammatory: 1, faceComedonal: 'A' });
    expect(gradeLeeds({ faceInflammatory: 12, faceComedonal: 'c', chest: 8, back: 8 }).summary).toBe(
      'face 12/12 (comedonal C), chest 8/8, back 8/8',
    );
  });

  it('refuses face 0 and 13, chest 9, back 0 and comedonal D, naming the field', () => {
    expect(() => gradeLeeds({ faceInflammatory: 0 })).toThrow(expect.objectContaining({ field: 'faceInflammatory' }));
    expect(() => gradeLeeds({ faceInflammatory: 13 })).toThrow(expect.objectContaining({ field: 'faceInflammatory' }));
    expect(() => gradeLeeds({ chest: 9 })).toThrow(expect.objectContaining({ field: 'chest' }));
    expect(() => gradeLeeds({ back: 0 })).toThrow(expect.objectContaining({ field: 'back' }));
    expect(() => gradeLeeds({ faceComedonal: 'D' })).toThrow(expect.objectContaining({ field: 'faceComedonal' }));
  });

  it('keeps sites that were not graded apart and refuses a grading with no site', () => {
    expect(gradeLeeds({ back: 3 }).summary).toBe('face not graded, chest not graded, back 3/8');
    expect(() => gradeLeeds({})).toThrow(/at least one site/);
  });

  it('refers to the copyrighted photographs without embedding them', () => {
    expect(gradeLeeds({ chest: 2 }).notice).toMatch(/not reproduced/);
  });
});
