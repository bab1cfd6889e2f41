import { describe, expect, it } from 'vitest';
import { date } from '../calendar/index.js';
import { planCourse } from '../dosing/index.js';
import { labSchedule, labScheduleForPlan } from './lab-schedule.js';

const start = date('2026-03-01');
const end = date('2026-07-31');

describe('lab schedule (LAB-SCHEDULE)', () => {
  it('schedules the reduced profile by default: baseline in the 30 days before the start, recheck at 8 weeks', () => {
    expect(labSchedule({ startDate: start, endDate: end })).toEqual([
      {
        kind: 'baseline',
        tests: ['ALT', 'AST', 'FASTING_TG', 'LIPID_PANEL'],
        windowStart: '2026-01-30',
        dueDate: '2026-03-01',
        reason: 'baseline, within 30 days before the start',
        ruleId: 'LAB-SCHEDULE',
      },
      {
        kind: 'recheck',
        tests: ['ALT', 'AST', 'FASTING_TG', 'LIPID_PANEL'],
        dueDate: '2026-04-26',
        reason: 'recheck at 8 weeks (no dose rise before then)',
        ruleId: 'LAB-SCHEDULE',
      },
    ]);
  });

  it('rechecks at the peak dose when it comes before 8 weeks, and at 8 weeks when the peak is on or after it', () => {
    expect(labSchedule({ startDate: start, endDate: end, peakDoseDate: date('2026-04-25') })[1]?.dueDate).toBe('2026-04-25');
    expect(labSchedule({ startDate: start, endDate: end, peakDoseDate: date('2026-04-26') })[1]?.dueDate).toBe('2026-04-26');
    expect(labSchedule({ startDate: start, endDate: end, peakDoseDate: date('2026-04-27') })[1]?.dueDate).toBe('2026-04-26');
  });

  it('rechecks a course that starts at its peak dose at 8 weeks, not on the start day', () => {
    expect(labSchedule({ startDate: start, endDate: end, peakDoseDate: start })[1]?.dueDate).toBe('2026-04-26');
  });

  it('rechecks a course that ends before 8 weeks on its last day', () => {
    const [, recheck] = labSchedule({ startDate: start, endDate: date('2026-04-20') });
    expect(recheck?.dueDate).toBe('2026-04-20');
    expect(recheck?.reason).toContain('last day');
  });

  it('adds CBC only when asked', () => {
    expect(labSchedule({ startDate: start, endDate: end }).some((item) => item.tests.includes('CBC'))).toBe(false);
    expect(labSchedule({ startDate: start, endDate: end, includeCbc: true }).every((item) => item.tests.includes('CBC'))).toBe(true);
  });

  it('schedules the SmPC profile at baseline, 1 month, then every 3 months up to the end date', () => {
    const items = labSchedule({ startDate: date('2026-01-31'), endDate: date('2026-08-31'), profile: 'smpc' });
    expect(items.map((i) => [i.kind, i.dueDate])).toEqual([
      ['baseline', '2026-01-31'],
      ['recheck', '2026-02-28'],
      ['recheck', '2026-05-31'],
      ['recheck', '2026-08-31'],
    ]);
    const shorter = labSchedule({ startDate: date('2026-01-31'), endDate: date('2026-08-30'), profile: 'smpc' });
    expect(shorter.map((i) => i.dueDate)).toEqual(['2026-01-31', '2026-02-28', '2026-05-31']);
  });

  it('refuses an end before the start and a peak-dose date outside the course', () => {
    expect(() => labSchedule({ startDate: start, endDate: date('2026-02-28') })).toThrow(expect.objectContaining({ field: 'endDate' }) as Error);
    expect(() => labSchedule({ startDate: start, endDate: end, peakDoseDate: date('2026-08-01') })).toThrow(expect.objectContaining({ field: 'peakDoseDate' }) as Error);
  });
});

describe('lab schedule from a course plan (LAB-SCHEDULE with DOSE-PLAN)', () => {
  it('rechecks a titrated plan on the first day of its peak dose', () => {
    const plan = planCourse({ weightKg: 60, product: 'us-generic', phases: [{ mgPerDay: 20, days: 28 }], finalMgPerDay: 60, startDate: date('2026-03-01') });
    const items = labScheduleForPlan(plan);
    expect(items.map((i) => [i.kind, i.dueDate])).toEqual([
      ['baseline', '2026-03-01'],
      ['recheck', '2026-03-29'],
    ]);
    expect(labScheduleForPlan(plan, { profile: 'smpc' }).map((i) => i.dueDate)).toEqual(['2026-03-01', '2026-04-01', '2026-07-01']);
  });

  it('refuses a plan without a start date', () => {
    const plan = planCourse({ weightKg: 60, product: 'us-generic', finalMgPerDay: 60 });
    expect(() => labScheduleForPlan(plan)).toThrow(expect.objectContaining({ field: 'startDate' }) as Error);
  });
});
