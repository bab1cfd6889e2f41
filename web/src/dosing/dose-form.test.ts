import { describe, expect, it } from 'vitest';
import { calculateDose, emptyDoseForm, groupCapsules, type DoseFormValues } from './dose-form.js';

const form = (overrides: Partial<DoseFormValues>): DoseFormValues => ({ ...emptyDoseForm, ...overrides });

function calculation(values: DoseFormValues) {
  const outcome = calculateDose(values);
  if (!outcome.ok) throw new Error(`expected a calculation, got ${JSON.stringify(outcome.problems)}`);
  return outcome.calculation;
}

describe('the dose calculator form', () => {
  it('turns 70 kg at 0.5 mg/kg/day of US generic into 30 mg a day as one 30 mg capsule, the nearest lower dose to 35 mg', () => {
    const { daily, plan, warnings } = calculation(form({ weightKg: '70', mgPerKgPerDay: '0.5', startDate: '2026-01-05' }));
    expect(daily.requestedMgPerDay).toBe(35);
    expect(daily.mgPerDay).toBe(30);
    expect(daily.capsules).toEqual([30]);
    expect(daily.actualMgPerKgPerDay).toBe(0.43);
    expect(plan.targetMg).toBe(8400);
    expect(plan.totalDays).toBe(280);
    expect(plan.endDate).toBe('2026-10-11');
    expect(warnings.map((w) => `${w.ruleId} ${w.code}`)).toEqual([
      'DOSE-NEAREST dose_not_exact',
      'DOSE-RANGE below_usual_range',
      'DOSE-FOOD take_with_food',
      'DOSE-COURSE-LENGTH course_longer_than_usual',
    ]);
  });

  it('gives no end date without a start date, and still the days to the target', () => {
    const { plan } = calculation(form({ weightKg: '70', mgPerKgPerDay: '0.5' }));
    expect(plan.endDate).toBeUndefined();
    expect(plan.totalDays).toBe(280);
  });

  it('uses the chosen cumulative target of 150 mg/kg', () => {
    const { plan } = calculation(form({ weightKg: '70', mgPerKgPerDay: '1', targetMgPerKg: '150' }));
    expect(plan.targetMg).toBe(10_500);
    expect(plan.totalDays).toBe(150);
  });

  it('runs titration phases first and keeps their own range findings', () => {
    const { plan, warnings } = calculation(
      form({ weightKg: '70', mgPerKgPerDay: '0.5', startDate: '2026-01-05', phases: [{ mgPerDay: '20', days: '28' }] }),
    );
    expect(plan.phases.map((p) => [p.kind, p.mgPerDay, p.days])).toEqual([
      ['fixed', 20, 28],
      ['final', 30, 262],
    ]);
    expect(plan.totalDays).toBe(290);
    expect(plan.endDate).toBe('2026-10-21');
    expect(warnings.filter((w) => w.code === 'below_usual_range').map((w) => w.phaseIndex)).toEqual([undefined, 0]);
  });

  it('reads a decimal comma as a decimal point', () => {
    expect(calculation(form({ weightKg: '70,5', mgPerKgPerDay: '1' })).daily.requestedMgPerDay).toBe(70.5);
  });

  it('reports every field problem at once, each on its own field', () => {
    const outcome = calculateDose(form({ weightKg: '', mgPerKgPerDay: 'half', startDate: '2026-02-30', targetMgPerKg: '999' }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'weightKg:required',
      'mgPerKgPerDay:notANumber',
      'targetMgPerKg:required',
      'startDate:invalidDate',
    ]);
  });

  it('refuses a weight above 700 kg and a dose above 10 mg/kg/day as unit errors, and accepts the bounds', () => {
    const refused = calculateDose(form({ weightKg: '700.1', mgPerKgPerDay: '10.01' }));
    expect(refused.ok ? [] : refused.problems).toEqual([
      { field: 'weightKg', code: 'tooLarge', max: 700 },
      { field: 'mgPerKgPerDay', code: 'tooLarge', max: 10 },
    ]);
    expect(calculateDose(form({ weightKg: '40', mgPerKgPerDay: '10' })).ok).toBe(true);
    expect(calculateDose(form({ weightKg: '0', mgPerKgPerDay: '1' })).ok).toBe(false);
  });

  it('refuses a titration dose the capsules cannot make, naming the nearest one they can', () => {
    const outcome = calculateDose(form({ weightKg: '70', mgPerKgPerDay: '0.5', phases: [{ mgPerDay: '35', days: '1.5' }] }));
    expect(outcome.ok ? [] : outcome.problems).toEqual([
      { field: 'phases.0.days', code: 'notWhole' },
      { field: 'phases.0.mgPerDay', code: 'notAchievable', requestedMg: 35, nearestMg: 30 },
    ]);
  });

  it('groups the capsules of a day by strength', () => {
    expect(groupCapsules([40, 20, 20])).toEqual([
      { strengthMg: 40, count: 1 },
      { strengthMg: 20, count: 2 },
    ]);
    expect(groupCapsules([])).toEqual([]);
  });
});
