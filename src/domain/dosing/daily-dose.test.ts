import { describe, expect, it } from 'vitest';
import { DomainInputError } from '../errors.js';
import { computeDailyDose } from './daily-dose.js';

const codes = (warnings: ReadonlyArray<{ code: string }>): string[] => warnings.map((w) => w.code);

describe('weight-based daily dose (DOSE-NEAREST)', () => {
  it('makes 1 mg/kg/day for 70 kg as 70 mg = 40 + 30 with the food instruction', () => {
    const dose = computeDailyDose({ weightKg: 70, mgPerKgPerDay: 1, product: 'us-generic' });
    expect(dose).toMatchObject({ requestedMgPerDay: 70, mgPerDay: 70, capsules: [40, 30], actualMgPerKgPerDay: 1 });
    expect(codes(dose.warnings)).toEqual(['take_with_food']);
  });

  it('multiplies a decimal weight exactly (62.5 kg x 0.5 = 31.25 mg -> 30 mg)', () => {
    const dose = computeDailyDose({ weightKg: 62.5, mgPerKgPerDay: 0.5, product: 'absorica' });
    expect(dose.requestedMgPerDay).toBe(31.25);
    expect(dose.mgPerDay).toBe(30);
    expect(dose.actualMgPerKgPerDay).toBe(0.48);
    expect(codes(dose.warnings)).toEqual(['dose_not_exact', 'below_usual_range']);
  });

  it('gives the tie at 65 mg to 60 mg (safety), not 70 mg', () => {
    const dose = computeDailyDose({ weightKg: 65, mgPerKgPerDay: 1, product: 'us-generic' });
    expect(dose.mgPerDay).toBe(60);
    expect(dose.warnings[0]).toMatchObject({ code: 'dose_not_exact', ruleId: 'DOSE-NEAREST' });
  });

  it('uses the 25 and 35 mg capsules of the lines that have them', () => {
    expect(computeDailyDose({ weightKg: 65, mgPerKgPerDay: 1, product: 'us-generic-25-35' })).toMatchObject({ mgPerDay: 65, capsules: [40, 25] });
  });

  it('lists every finding of a once-daily, above-maximum dose', () => {
    const dose = computeDailyDose({ weightKg: 50, mgPerKgPerDay: 2.2, product: 'us-generic', dosesPerDay: 1 });
    expect(dose.mgPerDay).toBe(110);
    expect(codes(dose.warnings)).toEqual(['above_usual_range', 'above_maximum', 'once_daily_not_recommended', 'take_with_food']);
  });

  it('flags Absorica LD as not settled for mg/kg targets and Canada LD as having no known maximum', () => {
    expect(codes(computeDailyDose({ weightKg: 60, mgPerKgPerDay: 0.4, product: 'absorica-ld' }).warnings)).toEqual(['ld_equivalence_unsettled']);
    const ca = computeDailyDose({ weightKg: 60, mgPerKgPerDay: 0.4, product: 'absorica-ld-ca', dosesPerDay: 1 });
    expect(ca.mgPerDay).toBe(24);
    expect(codes(ca.warnings)).toEqual(['maximum_unknown', 'ld_equivalence_unsettled']);
  });

  it('warns when the request is above the daily mg bound', () => {
    const dose = computeDailyDose({ weightKg: 250, mgPerKgPerDay: 2, product: 'us-generic' });
    expect(dose.mgPerDay).toBe(400);
    expect(codes(dose.warnings)).toContain('above_daily_mg_bound');
    expect(codes(dose.warnings)).toContain('dose_not_exact');
  });

  it('rejects a weight or dose that is not positive, naming the field', () => {
    expect(() => computeDailyDose({ weightKg: -70, mgPerKgPerDay: 1, product: 'us-generic' })).toThrow(
      expect.objectContaining({ field: 'weightKg' }) as Error,
    );
    expect(() => computeDailyDose({ weightKg: 70, mgPerKgPerDay: 0, product: 'us-generic' })).toThrow(DomainInputError);
    expect(() => computeDailyDose({ weightKg: 70, mgPerKgPerDay: 1, product: 'nope' })).toThrow(
      expect.objectContaining({ code: 'unknown_product', field: 'product' }) as Error,
    );
  });

  it('refuses implausible weights and doses (unit-error guards), naming the field', () => {
    expect(computeDailyDose({ weightKg: 700, mgPerKgPerDay: 0.5, product: 'us-generic' }).mgPerDay).toBe(350);
    expect(() => computeDailyDose({ weightKg: 700.1, mgPerKgPerDay: 0.5, product: 'us-generic' })).toThrow(
      expect.objectContaining({ code: 'implausible_value', field: 'weightKg' }) as Error,
    );
    expect(() => computeDailyDose({ weightKg: 60, mgPerKgPerDay: 10.5, product: 'us-generic' })).toThrow(
      expect.objectContaining({ field: 'mgPerKgPerDay' }) as Error,
    );
  });
});
