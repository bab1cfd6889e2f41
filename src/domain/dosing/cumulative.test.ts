import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, date } from '../calendar/index.js';
import { DomainInputError } from '../errors.js';
import { cumulativeDose, type DoseRecord } from './cumulative.js';

const d = date;

describe('cumulative dose actually taken (DOSE-CUMULATIVE)', () => {
  it('adds the doses taken and divides by the baseline weight', () => {
    const result = cumulativeDose({
      weightKg: 60,
      doses: [
        { date: d('2026-03-01'), mg: 60 },
        { date: d('2026-03-02'), mg: 60 },
        { date: d('2026-03-04'), mg: 40 },
      ],
    });
    expect(result).toMatchObject({ ruleId: 'DOSE-CUMULATIVE', totalMg: 160, mgPerKg: 2.67, baselineMgPerKg: 2.67, dosesCounted: 3, daysWithDose: 3, missedEntries: 0 });
    expect(result.basis).toEqual({ kind: 'baseline', weightKg: 60 });
    expect(result.firstDoseDate).toBe('2026-03-01');
    expect(result.lastDoseDate).toBe('2026-03-04');
  });

  it('never counts a missed dose, whether marked taken: false or mg: 0', () => {
    const result = cumulativeDose({
      weightKg: 60,
      doses: [
        { date: d('2026-03-01'), mg: 60 },
        { date: d('2026-03-02'), mg: 60, taken: false },
        { date: d('2026-03-03'), mg: 0 },
      ],
    });
    expect(result).toMatchObject({ totalMg: 60, dosesCounted: 1, daysWithDose: 1, missedEntries: 2 });
  });

  it('counts two divided doses on one day when they carry dose index 1 and 2', () => {
    const result = cumulativeDose({
      weightKg: 50,
      doses: [
        { date: d('2026-03-01'), mg: 20, doseIndex: 1 },
        { date: d('2026-03-01'), mg: 20, doseIndex: 2 },
      ],
    });
    expect(result).toMatchObject({ totalMg: 40, dosesCounted: 2, daysWithDose: 1 });
  });

  it('refuses the same dose of the same day twice, naming the entry', () => {
    const twice = (): unknown =>
      cumulativeDose({
        weightKg: 50,
        doses: [
          { date: d('2026-03-01'), mg: 20 },
          { date: d('2026-03-01'), mg: 20 },
        ],
      });
    expect(twice).toThrow(DomainInputError);
    expect(twice).toThrow(expect.objectContaining({ code: 'duplicate_dose', field: 'doses.1' }) as Error);
    expect(() =>
      cumulativeDose({ weightKg: 50, doses: [{ date: d('2026-03-01'), mg: 20, doseIndex: 2 }, { date: d('2026-03-01'), mg: 0, taken: false, doseIndex: 2 }] }),
    ).toThrow(expect.objectContaining({ field: 'doses.1' }) as Error);
  });

  it('refuses mg that are not whole and non-negative', () => {
    expect(() => cumulativeDose({ weightKg: 50, doses: [{ date: d('2026-03-01'), mg: -10 }] })).toThrow(expect.objectContaining({ field: 'doses.0.mg' }) as Error);
    expect(() => cumulativeDose({ weightKg: 50, doses: [{ date: d('2026-03-01'), mg: 10.5 }] })).toThrow(expect.objectContaining({ field: 'doses.0.mg' }) as Error);
  });

  it('shows the weight history in date order without re-basing unless asked', () => {
    const result = cumulativeDose({
      weightKg: 60,
      doses: [{ date: d('2026-03-01'), mg: 600 }],
      weightHistory: [
        { date: d('2026-05-01'), weightKg: 75 },
        { date: d('2026-03-01'), weightKg: 60 },
      ],
    });
    expect(result.weightHistory).toEqual([
      { date: '2026-03-01', weightKg: 60 },
      { date: '2026-05-01', weightKg: 75 },
    ]);
    expect(result.mgPerKg).toBe(10);
    expect(result.basis.kind).toBe('baseline');
  });

  it('re-bases mg/kg on a later weight only when asked, keeping the baseline figure', () => {
    const result = cumulativeDose({
      weightKg: 60,
      doses: [{ date: d('2026-03-01'), mg: 600 }],
      weightHistory: [{ date: d('2026-05-01'), weightKg: 75 }],
      rebaseOnWeightDate: d('2026-05-01'),
      targetMgPerKg: 120,
    });
    expect(result).toMatchObject({ mgPerKg: 8, baselineMgPerKg: 10, basis: { kind: 'rebased', weightKg: 75, date: '2026-05-01' } });
    expect(result.target).toEqual({ targetMgPerKg: 120, targetMg: 9000, remainingMg: 8400, reached: false });
  });

  it('refuses a rebase on a date with no recorded weight and two weights on one date', () => {
    expect(() => cumulativeDose({ weightKg: 60, doses: [], rebaseOnWeightDate: d('2026-05-01') })).toThrow(
      expect.objectContaining({ code: 'unknown_weight_date', field: 'rebaseOnWeightDate' }) as Error,
    );
    expect(() =>
      cumulativeDose({ weightKg: 60, doses: [], weightHistory: [{ date: d('2026-05-01'), weightKg: 70 }, { date: d('2026-05-01'), weightKg: 71 }] }),
    ).toThrow(expect.objectContaining({ code: 'duplicate_weight', field: 'weightHistory.1' }) as Error);
  });

  it('reports the target as reached on exactly the target mg', () => {
    const doses = Array.from({ length: 120 }, (_, i) => ({ date: addDays(d('2026-03-01'), i), mg: 60 }));
    expect(cumulativeDose({ weightKg: 60, doses, targetMgPerKg: 120 }).target).toEqual({ targetMgPerKg: 120, targetMg: 7200, remainingMg: 0, reached: true });
    expect(cumulativeDose({ weightKg: 60, doses: doses.slice(1), targetMgPerKg: 120 }).target?.reached).toBe(false);
  });

  it('shows Absorica LD raw mg with a conventional-equivalent labelled as an assumption [U]', () => {
    const result = cumulativeDose({ weightKg: 60, doses: [{ date: d('2026-03-01'), mg: 32 }, { date: d('2026-03-02'), mg: 8 }], product: 'absorica-ld' });
    expect(result.totalMg).toBe(40);
    expect(result.conventionalEquivalent).toMatchObject({ ruleId: 'DOSE-LD-EQUIVALENT', totalMg: 50, mgPerKg: 0.83 });
    expect(result.conventionalEquivalent?.label).toMatch(/assumption \[U\]/);
    expect(cumulativeDose({ weightKg: 60, doses: [], product: 'absorica' }).conventionalEquivalent).toBeUndefined();
  });

  it('never changes the total when missed entries are added to a log (property)', () => {
    const day = fc.integer({ min: 0, max: 200 }).map((n) => addDays(d('2026-01-01'), n));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ date: day, mg: fc.integer({ min: 0, max: 80 }) }), { selector: (r) => r.date.toString(), maxLength: 60 }),
        fc.uniqueArray(fc.record({ date: day, mg: fc.integer({ min: 0, max: 80 }), zero: fc.boolean() }), { selector: (r) => r.date.toString(), maxLength: 30 }),
        (taken, missed) => {
          const before = cumulativeDose({ weightKg: 60, doses: taken });
          // missed entries go in as dose 2 of their day, so they never collide with the taken ones
          const missedEntries: DoseRecord[] = missed.map((m) => (m.zero ? { date: m.date, mg: 0, doseIndex: 2 } : { date: m.date, mg: m.mg, taken: false, doseIndex: 2 }));
          const after = cumulativeDose({ weightKg: 60, doses: [...taken, ...missedEntries] });
          expect(after.totalMg).toBe(before.totalMg);
          expect(after.totalMg).toBe(taken.reduce((sum, t) => sum + t.mg, 0));
          expect(after.missedEntries).toBe(before.missedEntries + missed.length);
        },
      ),
    );
  });
});
