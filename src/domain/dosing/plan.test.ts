import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { date } from '../calendar/index.js';
import { DomainInputError } from '../errors.js';
import { planCourse } from './plan.js';

const codes = (warnings: ReadonlyArray<{ code: string }>): string[] => warnings.map((w) => w.code);

describe('constant-dose plan (DOSE-PLAN, DOSE-TARGET)', () => {
  it('reaches 120 mg/kg for 60 kg at 60 mg/day in exactly 120 days', () => {
    const plan = planCourse({ weightKg: 60, product: 'us-generic', finalMgPerDay: 60 });
    expect(plan).toMatchObject({ targetMgPerKg: 120, targetMg: 7200, totalDays: 120, finalCumulativeMg: 7200, finalCumulativeMgPerKg: 120 });
    expect(plan.phases).toEqual([
      { kind: 'final', mgPerDay: 60, days: 120, capsules: [40, 20], mgPerKgPerDay: 1, firstDay: 1, lastDay: 120, cumulativeMgAtEnd: 7200 },
    ]);
  });

  it('rounds the days up and exceeds the target by less than one day (7200 mg at 70 mg/day = 103 days, 7210 mg)', () => {
    const plan = planCourse({ weightKg: 60, targetMgPerKg: 120, product: 'us-generic', finalMgPerDay: 70 });
    expect(plan.totalDays).toBe(103);
    expect(plan.finalCumulativeMg).toBe(7210);
  });

  it('takes the target from a decimal weight exactly and rounds it up to whole mg (62.35 kg x 150 = 9352.5 -> 9353 mg)', () => {
    const plan = planCourse({ weightKg: 62.35, targetMgPerKg: 150, product: 'us-generic', finalMgPerDay: 60 });
    expect(plan.targetMg).toBe(9353);
    expect(plan.totalDays).toBe(156);
    expect(plan.finalCumulativeMg).toBe(9360);
  });

  it('offers 220 mg/kg as a target (70 kg -> 15400 mg)', () => {
    expect(planCourse({ weightKg: 70, targetMgPerKg: 220, product: 'absorica', finalMgPerDay: 70 }).totalDays).toBe(220);
  });
});

describe('titrated plan (DOSE-PLAN)', () => {
  it('subtracts the fixed phases and runs the final phase until the target', () => {
    const plan = planCourse({
      weightKg: 60,
      product: 'us-generic',
      phases: [
        { mgPerDay: 20, days: 30 },
        { mgPerDay: 40, days: 30 },
      ],
      finalMgPerDay: 60,
    });
    expect(plan.totalDays).toBe(150);
    expect(plan.finalCumulativeMg).toBe(7200);
    expect(plan.phases.map((p) => [p.kind, p.mgPerDay, p.days, p.firstDay, p.lastDay, p.cumulativeMgAtEnd])).toEqual([
      ['fixed', 20, 30, 1, 30, 600],
      ['fixed', 40, 30, 31, 60, 1800],
      ['final', 60, 90, 61, 150, 7200],
    ]);
    // 20 mg/day is 0.33 mg/kg/day (below 0.5); 40 and 60 mg/day are inside 0.5-1
    expect(plan.warnings.filter((w) => w.code === 'below_usual_range').map((w) => w.phaseIndex)).toEqual([0]);
  });

  it('says when the fixed phases already reach the target and drops the final phase', () => {
    const plan = planCourse({ weightKg: 10, product: 'us-generic', phases: [{ mgPerDay: 40, days: 40 }], finalMgPerDay: 40 });
    expect(plan.targetMg).toBe(1200);
    expect(plan.totalDays).toBe(40);
    expect(plan.phases).toHaveLength(1);
    expect(plan.warnings).toContainEqual(expect.objectContaining({ code: 'target_reached_before_final_phase', ruleId: 'DOSE-PLAN', phaseIndex: 0 }));
    expect(plan.warnings.find((w) => w.code === 'target_reached_before_final_phase')?.message).toContain('day 30');
  });

  it('rejects a phase dose the capsules cannot make, naming the phase and the nearest total', () => {
    let caught: unknown;
    try {
      planCourse({ weightKg: 60, product: 'us-generic', phases: [{ mgPerDay: 20, days: 10 }, { mgPerDay: 25, days: 10 }], finalMgPerDay: 60 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainInputError);
    expect(caught).toMatchObject({ code: 'dose_not_achievable', field: 'phases.1.mgPerDay' });
    expect((caught as Error).message).toContain('nearest achievable: 20 mg/day');
  });

  it('accepts 25 mg for a product that has 25 mg capsules', () => {
    const plan = planCourse({ weightKg: 60, product: 'absorica', phases: [{ mgPerDay: 25, days: 10 }], finalMgPerDay: 60 });
    expect(plan.phases[0]?.capsules).toEqual([25]);
  });

  it('rejects an unachievable final dose, a zero-day phase and a bad target, naming each field', () => {
    expect(() => planCourse({ weightKg: 60, product: 'eu-generic', finalMgPerDay: 45 })).toThrow(expect.objectContaining({ field: 'finalMgPerDay' }) as Error);
    expect(() => planCourse({ weightKg: 60, product: 'us-generic', phases: [{ mgPerDay: 20, days: 0 }], finalMgPerDay: 60 })).toThrow(
      expect.objectContaining({ field: 'phases.0.days' }) as Error,
    );
    expect(() => planCourse({ weightKg: 60, targetMgPerKg: 0, product: 'us-generic', finalMgPerDay: 60 })).toThrow(
      expect.objectContaining({ field: 'targetMgPerKg' }) as Error,
    );
    expect(() => planCourse({ weightKg: 0, product: 'us-generic', finalMgPerDay: 60 })).toThrow(expect.objectContaining({ field: 'weightKg' }) as Error);
  });

  it("ends less than one day's dose above the target (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 1500 }),
        fc.constantFrom(120, 150, 220),
        fc.array(fc.record({ mgPerDay: fc.constantFrom(10, 20, 30), days: fc.integer({ min: 1, max: 30 }) }), { maxLength: 3 }),
        fc.constantFrom(40, 60, 70, 80),
        (tenthsKg, target, phases, finalMgPerDay) => {
          const plan = planCourse({ weightKg: tenthsKg / 10, targetMgPerKg: target, product: 'us-generic', phases, finalMgPerDay });
          const fixedMg = phases.reduce((sum, p) => sum + p.mgPerDay * p.days, 0);
          expect(plan.totalDays).toBe(plan.phases.reduce((sum, p) => sum + p.days, 0));
          expect(plan.finalCumulativeMg).toBeGreaterThanOrEqual(Math.max(plan.targetMg, fixedMg));
          if (fixedMg < plan.targetMg) expect(plan.finalCumulativeMg - plan.targetMg).toBeLessThan(finalMgPerDay);
        },
      ),
    );
  });
});

describe('plan calendar (DOSE-END-DATE) and plan warnings', () => {
  it('projects the end date from the start and pushes it by missed days inside the course', () => {
    const plan = planCourse({
      weightKg: 60,
      product: 'us-generic',
      finalMgPerDay: 60,
      startDate: date('2026-03-01'),
      missedDates: [date('2026-02-27'), date('2026-03-05'), date('2026-03-05'), date('2026-12-31')],
    });
    expect(plan.startDate).toBe('2026-03-01');
    expect(plan.endDate).toBe('2026-06-29');
    expect(plan.countedMissedDates).toEqual(['2026-03-05']);
  });

  it('refuses a phase longer than 10 years and a target above 1000 mg/kg (unit-error guards)', () => {
    expect(() => planCourse({ weightKg: 60, product: 'us-generic', phases: [{ mgPerDay: 20, days: 3651 }], finalMgPerDay: 60 })).toThrow(
      expect.objectContaining({ code: 'implausible_value', field: 'phases.0.days' }) as Error,
    );
    expect(() => planCourse({ weightKg: 60, targetMgPerKg: 1001, product: 'us-generic', finalMgPerDay: 60 })).toThrow(
      expect.objectContaining({ field: 'targetMgPerKg' }) as Error,
    );
  });

  it('gives the first day of the highest dose as the peak-dose date, after missed days', () => {
    const plan = planCourse({
      weightKg: 60,
      product: 'us-generic',
      phases: [{ mgPerDay: 20, days: 28 }],
      finalMgPerDay: 60,
      startDate: date('2026-03-01'),
      missedDates: [date('2026-03-10')],
    });
    expect(plan.peakDoseDate).toBe('2026-03-30');
  });

  it('has no end date without a start date, and refuses missed dates or a previous course without one', () => {
    expect(planCourse({ weightKg: 60, product: 'us-generic', finalMgPerDay: 60 }).endDate).toBeUndefined();
    expect(() => planCourse({ weightKg: 60, product: 'us-generic', finalMgPerDay: 60, missedDates: [date('2026-03-05')] })).toThrow(
      expect.objectContaining({ field: 'startDate' }) as Error,
    );
    expect(() => planCourse({ weightKg: 60, product: 'us-generic', finalMgPerDay: 60, previousCourseLastDoseDate: date('2026-01-01') })).toThrow(
      expect.objectContaining({ field: 'startDate' }) as Error,
    );
  });

  it('warns on a retreatment 55 days after the previous course, not at 56', () => {
    const base = { weightKg: 60, product: 'us-generic', finalMgPerDay: 60, previousCourseLastDoseDate: date('2026-01-10') } as const;
    expect(codes(planCourse({ ...base, startDate: date('2026-03-06') }).warnings)).toContain('retreatment_too_early');
    expect(codes(planCourse({ ...base, startDate: date('2026-03-07') }).warnings)).not.toContain('retreatment_too_early');
  });

  it('lists every finding for a once-daily US plan that is too long', () => {
    const plan = planCourse({ weightKg: 100, targetMgPerKg: 150, product: 'us-generic', finalMgPerDay: 40, dosesPerDay: 1 });
    expect(codes(plan.warnings)).toEqual(['below_usual_range', 'course_longer_than_usual', 'once_daily_not_recommended', 'take_with_food']);
  });

  it('shows raw mg for Absorica LD with a conventional-equivalent labelled as an assumption', () => {
    const plan = planCourse({ weightKg: 60, product: 'absorica-ld', finalMgPerDay: 48 });
    expect(plan.finalCumulativeMg).toBe(7200);
    expect(plan.conventionalEquivalentCumulativeMg).toBe(9000);
    expect(codes(plan.warnings)).toContain('ld_equivalence_unsettled');
    expect(planCourse({ weightKg: 60, product: 'absorica', finalMgPerDay: 60 }).conventionalEquivalentCumulativeMg).toBeUndefined();
  });
});
