import { describe, expect, it } from 'vitest';
import { countLesions } from './lesion-counts.js';

const face = { openComedones: 10, closedComedones: 5, papules: 4, pustules: 3, nodules: 1 };

describe('lesion counts (GRADE-LESIONS)', () => {
  it('derives non-inflammatory (comedones), inflammatory (papules, pustules, nodules) and total per region', () => {
    expect(countLesions({ face }).regions.face).toEqual({ ...face, nonInflammatory: 15, inflammatory: 8, total: 23 });
  });

  it('sums the counted regions and keeps an uncounted region apart from zero lesions', () => {
    const chest = { openComedones: 0, closedComedones: 0, papules: 0, pustules: 0, nodules: 0 };
    const result = countLesions({ face, chest });
    expect(result.regions.back).toBeNull();
    expect(result.regions.chest?.total).toBe(0);
    expect(result.regionsCounted).toEqual(['face', 'chest']);
    expect(result.overall).toMatchObject({ nonInflammatory: 15, inflammatory: 8, total: 23 });
  });

  it('adds all three regions', () => {
    const back = { openComedones: 1, closedComedones: 1, papules: 1, pustules: 1, nodules: 1 };
    expect(countLesions({ face, chest: back, back }).overall).toMatchObject({ nodules: 3, total: 33 });
  });

  it('refuses a negative or fractional count and an empty input, naming the field', () => {
    expect(() => countLesions({ face: { ...face, papules: -1 } })).toThrow(expect.objectContaining({ field: 'face.papules' }));
    expect(() => countLesions({ back: { ...face, nodules: 0.5 } })).toThrow(expect.objectContaining({ field: 'back.nodules' }));
    expect(() => countLesions({})).toThrow(/at least one region/);
  });
});
