import { describe, expect, it } from 'vitest';
import { gradeScars, SCAR_GRADES } from './scars.js';

describe('Goodman & Baron qualitative scar grades (GRADE-SCARS)', () => {
  it('names grades 1-4 macular, mild, moderate, severe', () => {
    expect(SCAR_GRADES.map((g) => g.label)).toEqual(['macular', 'mild', 'moderate', 'severe']);
  });

  it('describes grade 3 as flattening on stretching and grade 4 as not', () => {
    expect(gradeScars({ grade: 3 }).description).toMatch(/flatten when the skin is stretched/);
    expect(gradeScars({ grade: 4 }).description).toMatch(/do not flatten/);
  });

  it('refuses grade 0 and grade 5, and reports the quantitative score as not implemented', () => {
    expect(() => gradeScars({ grade: 0 })).toThrow(expect.objectContaining({ field: 'grade' }));
    expect(() => gradeScars({ grade: 5 })).toThrow(expect.objectContaining({ field: 'grade' }));
    expect(gradeScars({ grade: 1 }).quantitative).toMatch(/not implemented/);
  });
});
