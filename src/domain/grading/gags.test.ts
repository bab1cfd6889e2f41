import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GAGS_REGIONS, gagsBand, gagsBandRank, scoreGags, type GagsInput } from './gags.js';

const zero: GagsInput = { forehead: 0, rightCheek: 0, leftCheek: 0, nose: 0, chin: 0, chestAndUpperBack: 0 };

describe('GAGS (GRADE-GAGS)', () => {
  it('multiplies each lesion grade by its area factor and adds them up', () => {
    const result = scoreGags({ forehead: 1, rightCheek: 2, leftCheek: 3, nose: 4, chin: 1, chestAndUpperBack: 2 });
    // 2x1 + 2x2 + 2x3 + 1x4 + 1x1 + 3x2
    expect(result.score).toBe(23);
    expect(result.local.map((l) => [l.region, l.factor, l.score])).toEqual([
      ['forehead', 2, 2],
      ['rightCheek', 2, 4],
      ['leftCheek', 2, 6],
      ['nose', 1, 4],
      ['chin', 1, 1],
      ['chestAndUpperBack', 3, 6],
    ]);
    expect(result.local[3]?.lesion).toBe('nodules');
  });

  it('scores 0 as no acne and all nodules as 44, very severe', () => {
    expect(scoreGags(zero)).toMatchObject({ score: 0, band: 'none' });
    expect(scoreGags({ forehead: 4, rightCheek: 4, leftCheek: 4, nose: 4, chin: 4, chestAndUpperBack: 4 })).toMatchObject({
      score: 44,
      band: 'verySevere',
    });
  });

  it.each([
    [1, 'mild', { ...zero, chin: 1 }],
    [18, 'mild', { ...zero, forehead: 4, rightCheek: 4, nose: 2 }],
    [19, 'moderate', { ...zero, forehead: 4, rightCheek: 4, nose: 3 }],
    [30, 'moderate', { ...zero, forehead: 4, rightCheek: 4, leftCheek: 4, chin: 3, nose: 3 }],
    [31, 'severe', { ...zero, forehead: 4, rightCheek: 4, leftCheek: 4, chin: 4, nose: 3 }],
    [38, 'severe', { ...zero, forehead: 4, rightCheek: 4, leftCheek: 4, chin: 4, nose: 4, chestAndUpperBack: 2 }],
    [39, 'verySevere', { ...zero, forehead: 4, rightCheek: 4, leftCheek: 4, chin: 4, nose: 2, chestAndUpperBack: 3 }],
  ])('pins the band edge: score %i is %s', (score, band, input) => {
    expect(scoreGags(input)).toMatchObject({ score, band });
  });

  it('refuses a lesion grade of 5, -1 or 2.5, naming the region', () => {
    expect(() => scoreGags({ ...zero, nose: 5 })).toThrow(expect.objectContaining({ field: 'nose' }));
    expect(() => scoreGags({ ...zero, chin: -1 })).toThrow(expect.objectContaining({ field: 'chin' }));
    expect(() => scoreGags({ ...zero, forehead: 2.5 })).toThrow(expect.objectContaining({ field: 'forehead' }));
  });

  it('never lowers the score or the band when one region grade rises (property)', () => {
    const grade = fc.integer({ min: 0, max: 4 });
    const input = fc.record({
      forehead: grade,
      rightCheek: grade,
      leftCheek: grade,
      nose: grade,
      chin: grade,
      chestAndUpperBack: grade,
    });
    fc.assert(
      fc.property(input, fc.constantFrom(...GAGS_REGIONS), (base, region) => {
        fc.pre(base[region] < 4);
        const before = scoreGags(base);
        const after = scoreGags({ ...base, [region]: base[region] + 1 });
        expect(after.score).toBeGreaterThan(before.score);
        expect(gagsBandRank(after.band)).toBeGreaterThanOrEqual(gagsBandRank(before.band));
      }),
    );
  });

  it('has a band that never gets milder as the score grows (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 43 }), (score) => {
        expect(gagsBandRank(gagsBand(score + 1))).toBeGreaterThanOrEqual(gagsBandRank(gagsBand(score)));
      }),
    );
  });
});
