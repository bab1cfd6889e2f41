import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainInputError } from '../errors.js';
import { buildCapsuleTable, capsuleCombination, isBetterCombination, nearestAchievable } from './capsules.js';
import { decimal } from './decimal.js';

const US = [10, 20, 30, 40];

/** Every multiset of strengths summing to `total`, by plain recursion (for small totals). */
function allCombinations(total: number, strengths: readonly number[], maxPart = Number.POSITIVE_INFINITY): number[][] {
  if (total === 0) return [[]];
  const result: number[][] = [];
  for (const s of [...strengths].sort((a, b) => b - a)) {
    if (s > total || s > maxPart) continue;
    for (const rest of allCombinations(total - s, strengths, s)) result.push([s, ...rest]);
  }
  return result;
}

function bruteForceBest(total: number, strengths: readonly number[]): number[] | undefined {
  let best: number[] | undefined;
  for (const c of allCombinations(total, strengths)) if (best === undefined || isBetterCombination(c, best)) best = c;
  return best;
}

describe('capsule combination (DOSE-CAPSULES)', () => {
  it('makes 60 mg from 10/20/30/40 as 40 + 20, not 30 + 30', () => {
    expect(capsuleCombination(buildCapsuleTable(US), 60)).toEqual([40, 20]);
  });

  it('uses the fewest capsules before preferring larger ones', () => {
    const table = buildCapsuleTable([10, 20, 25, 30, 35, 40]);
    expect(capsuleCombination(table, 50)).toEqual([40, 10]);
    expect(capsuleCombination(table, 75)).toEqual([40, 35]);
    expect(capsuleCombination(table, 45)).toEqual([35, 10]);
    expect(capsuleCombination(buildCapsuleTable([8, 16, 20, 24, 28, 32]), 48)).toEqual([32, 16]);
    expect(capsuleCombination(buildCapsuleTable([5, 10, 20, 40]), 35)).toEqual([20, 10, 5]);
  });

  it('has no combination for a total the strengths cannot make', () => {
    const table = buildCapsuleTable(US);
    expect(capsuleCombination(table, 25)).toBeUndefined();
    expect(capsuleCombination(table, 0)).toBeUndefined();
    expect(capsuleCombination(table, 10.5)).toBeUndefined();
    expect(capsuleCombination(table, 410)).toBeUndefined();
  });

  it('makes exactly 400 mg but nothing above the default 400 mg bound', () => {
    const table = buildCapsuleTable([10, 20]);
    expect(capsuleCombination(table, 400)).toEqual(Array(20).fill(20));
    expect(table.best).toHaveLength(401);
  });

  it('builds the 400 mg table quickly', () => {
    const started = performance.now();
    for (let i = 0; i < 20; i += 1) buildCapsuleTable([10, 20, 25, 30, 35, 40]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('rejects a daily bound that is not a whole number in range or is below the smallest capsule', () => {
    expect(() => buildCapsuleTable(US, 0)).toThrow(DomainInputError);
    expect(() => buildCapsuleTable(US, 2001)).toThrow(DomainInputError);
    expect(() => buildCapsuleTable(US, 9)).toThrow(DomainInputError);
    expect(() => buildCapsuleTable(US, 10.5)).toThrow(DomainInputError);
    expect(() => buildCapsuleTable([], 400)).toThrow(DomainInputError);
    expect(buildCapsuleTable(US, 10).maxDailyMg).toBe(10);
  });

  it('always sums to the total and matches a brute force on small totals (property)', () => {
    const strengths = fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(strengths, fc.integer({ min: 1, max: 90 }), (s, total) => {
        const table = buildCapsuleTable(s, 90);
        const chosen = capsuleCombination(table, total);
        const expected = bruteForceBest(total, s);
        expect(chosen).toEqual(expected);
        if (chosen !== undefined) {
          expect(chosen.reduce((a, b) => a + b, 0)).toBe(total);
          expect(chosen.every((c) => s.includes(c))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never finds a combination with fewer capsules for the real products (property)', () => {
    const products = [US, [10, 20, 25, 30, 35, 40], [8, 16, 20, 24, 28, 32], [8, 16, 24, 32], [5, 10, 20, 40], [10, 20]];
    fc.assert(
      fc.property(fc.constantFrom(...products), fc.integer({ min: 1, max: 120 }), (s, total) => {
        const chosen = capsuleCombination(buildCapsuleTable(s), total);
        const combos = allCombinations(total, s);
        if (chosen === undefined) {
          expect(combos).toHaveLength(0);
          return;
        }
        expect(Math.min(...combos.map((c) => c.length))).toBe(chosen.length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('nearest achievable dose (DOSE-NEAREST)', () => {
  const table = buildCapsuleTable(US);

  it('keeps an exactly achievable dose', () => {
    expect(nearestAchievable(table, decimal('70'))).toEqual({ mgPerDay: 70, capsules: [40, 30], exact: true, capped: false });
  });

  it('rounds 64 mg down to 60 and 66 mg up to 70', () => {
    expect(nearestAchievable(table, decimal('64')).mgPerDay).toBe(60);
    expect(nearestAchievable(table, decimal('66')).mgPerDay).toBe(70);
    expect(nearestAchievable(table, decimal('65.01')).mgPerDay).toBe(70);
  });

  it('gives a tie between 60 and 70 mg to the lower total (65 mg -> 60 mg)', () => {
    const nearest = nearestAchievable(table, decimal('65'));
    expect(nearest.mgPerDay).toBe(60);
    expect(nearest.exact).toBe(false);
  });

  it('gives a tie between 10 and 20 mg to 10 mg for the EU 10/20 product', () => {
    expect(nearestAchievable(buildCapsuleTable([10, 20]), decimal('15')).mgPerDay).toBe(10);
  });

  it('gives the smallest capsule when the request is below it (0 mg is not a dose)', () => {
    expect(nearestAchievable(table, decimal('4')).mgPerDay).toBe(10);
    expect(nearestAchievable(table, decimal('0.5')).mgPerDay).toBe(10);
  });

  it('stops at the daily bound and says so when the request is above it', () => {
    const nearest = nearestAchievable(table, decimal('401'));
    expect(nearest).toMatchObject({ mgPerDay: 400, capped: true, exact: false });
    expect(nearestAchievable(table, decimal('400')).capped).toBe(false);
  });

  it('is never farther from the request than another achievable total (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40000 }), (hundredths) => {
        const requested = hundredths / 100;
        const nearest = nearestAchievable(table, decimal(String(requested)));
        const distance = Math.abs(nearest.mgPerDay - requested);
        for (let mg = 10; mg <= 400; mg += 10) {
          const other = Math.abs(mg - requested);
          expect(other > distance || (other === distance && mg >= nearest.mgPerDay)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
