import { describe, expect, it } from 'vitest';
import { date, type Instant } from '../../../calendar/index.js';
import type { Decision } from '../../decision.js';
import type { ProgramEvent } from '../../events.js';
import type { CourseCalendar, PickupPlan, PlanRequest } from '../../planning.js';
import type { Patient, ProgramCase } from '../../program-case.js';
import {
  aClinic,
  aPatientWhoCanGetPregnant,
  aPatientWhoCannotGetPregnant,
  at,
  authorization,
  dispenseEvent,
  enrolledWithCourse,
  firstCourseEvents,
  followPlan,
  pregnancyTest,
  twoMethods,
} from '../../testing.js';
import { decideProgramCase, planProgramCase } from '../index.js';

const fresh = (): ProgramEvent[] => [...enrolledWithCourse('2026-01-05'), ...twoMethods('2026-01-05'), pregnancyTest('2026-01-05', { purpose: 'screening' })];

function plan(events: ProgramEvent[], request: PlanRequest, patient: Patient = aPatientWhoCanGetPregnant(), clinic = aClinic()): PickupPlan | CourseCalendar {
  return planProgramCase({ jurisdiction: 'US', clinic, patient, events, request });
}
function pickupPlan(events: ProgramEvent[], now: Instant, intended: string, patient?: Patient, clinic = aClinic()): PickupPlan {
  const answer = plan(events, { kind: 'pickup', at: now, intendedPickup: date(intended), pharmacyId: 'ph-1' }, patient, clinic);
  if (answer.kind !== 'pickup_plan') throw new Error('expected a pickup plan');
  return answer;
}
/** Follows the plan and asks the engine for the authorization at the planned pickup. */
function followAndAuthorize(base: Omit<ProgramCase, 'action'>, p: PickupPlan): Decision {
  const day = p.plannedPickup ?? p.intendedPickup;
  const followed = followPlan({ ...base, action: { kind: 'finish_course', at: at(day) } }, p.steps);
  const rx = followed.prescriptionId ?? [...base.events].reverse().find((e) => e.kind === 'prescription')?.id ?? 'none';
  return decideProgramCase({ ...base, events: followed.events, action: { kind: 'issue_authorization', at: at(day, '21:00'), prescriptionId: rx } });
}
const codesOf = (p: PickupPlan): string[] => p.steps.map((s) => s.code);

describe('planner: pickup plans (US packs)', () => {
  it('plans the confirmation test, questions and prescription for an intended first pickup', () => {
    const p = pickupPlan(fresh(), at('2026-01-20'), '2026-02-08');
    expect(p.feasible).toBe(true);
    expect(p.plannedPickup).toBe('2026-02-08');
    const confirmation = p.steps.find((s) => s.code === 'confirmation_test');
    expect(confirmation).toMatchObject({ earliest: '2026-02-05', latest: '2026-02-08' });
    expect(codesOf(p)).toEqual(['confirmation_test', 'comprehension_questions', 'write_prescription', 'request_authorization', 'obtain_rma_and_dispense']);
    expect(followAndAuthorize({ jurisdiction: 'US', clinic: aClinic(), patient: aPatientWhoCanGetPregnant(), events: fresh() }, p).outcome).toBe('allowed');
  });

  it('gives the earliest feasible pickup when the intended one is too early (one month of contraception)', () => {
    const p = pickupPlan(fresh(), at('2026-01-20'), '2026-02-01');
    expect(p.feasible).toBe(false);
    expect(p.plannedPickup).toBe('2026-02-05');
  });

  it('starts contraception and the screening test today when nothing is done yet', () => {
    const p = pickupPlan(enrolledWithCourse('2026-01-05'), at('2026-01-05', '08:30'), '2026-01-10');
    expect(p.plannedPickup).toBe('2026-02-05');
    expect(p.steps.slice(0, 3).map((s) => [s.code, s.on])).toEqual([
      ['start_two_methods', '2026-01-05'],
      ['screening_test', '2026-01-05'],
      ['confirmation_test', '2026-02-05'],
    ]);
  });

  it('plans the monthly test inside the 7 days before the pickup', () => {
    const events = [
      ...firstCourseEvents(),
      authorization('rx-2026-02-05', at('2026-02-06'), '2026-02-11'),
      dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '15:00')),
      { id: 'dose', kind: 'first_dose', on: date('2026-02-06') } as const,
    ];
    const p = pickupPlan(events, at('2026-02-20'), '2026-03-08');
    expect(p.feasible).toBe(true);
    expect(p.steps.find((s) => s.code === 'monthly_test')).toMatchObject({ earliest: '2026-03-02', latest: '2026-03-08' });
    expect(followAndAuthorize({ jurisdiction: 'US', clinic: aClinic(), patient: aPatientWhoCanGetPregnant(), events }, p).outcome).toBe('allowed');
  });

  it('waits out the 19-day lockout after a missed first window under the 2021 pack', () => {
    const p = pickupPlan(firstCourseEvents(), at('2026-02-15'), '2026-02-16');
    expect(p.plannedPickup).toBe('2026-02-24');
  });

  it('repeats at once after a missed first window under the 2026 pack', () => {
    const clinic = aClinic({ settings: { usModificationDate: date('2025-06-01') } });
    expect(pickupPlan(firstCourseEvents(), at('2026-02-15'), '2026-02-16', undefined, clinic).plannedPickup).toBe('2026-02-16');
  });

  it('plans the office visit inside the 30 days before pickup for a patient who cannot get pregnant (2021)', () => {
    const p = pickupPlan(enrolledWithCourse('2026-01-05', { canGetPregnant: false }), at('2026-01-06'), '2026-03-01', aPatientWhoCannotGetPregnant());
    expect(p.feasible).toBe(true);
    expect(p.steps.find((s) => s.code === 'office_visit')).toMatchObject({ earliest: '2026-01-31', latest: '2026-03-01' });
  });

  it('plans only the prescription for a patient who cannot get pregnant (2026)', () => {
    const clinic = aClinic({ settings: { usModificationDate: date('2025-06-01') } });
    const p = pickupPlan(enrolledWithCourse('2026-01-05', { canGetPregnant: false }), at('2026-01-06'), '2026-03-01', aPatientWhoCannotGetPregnant(), clinic);
    expect(codesOf(p)).toEqual(['write_prescription', 'request_authorization', 'obtain_rma_and_dispense']);
  });

  it('reports a positive test as an obstacle and proposes no pickup day', () => {
    const p = pickupPlan([...fresh(), pregnancyTest('2026-01-15', { id: 'pos', result: 'positive' })], at('2026-01-20'), '2026-02-08');
    expect(p.feasible).toBe(false);
    expect(p.plannedPickup).toBeUndefined();
    expect(p.obstacles.map((o) => o.code)).toContain('positive_pregnancy_test');
  });

  it('lists a missing enrollment as an obstacle with its date, keeping the plan', () => {
    const p = pickupPlan(fresh().filter((e) => e.kind !== 'enrollment'), at('2026-01-20'), '2026-02-08');
    expect(p.feasible).toBe(false);
    expect(p.plannedPickup).toBe('2026-02-08');
    expect(p.obstacles.map((o) => o.code)).toEqual(['patient_not_enrolled']);
    expect(codesOf(p)[0]).toBe('patient_not_enrolled');
  });
});

describe('planner: the calendar of a first course', () => {
  const calendar = (screeningOn: string, clinic = aClinic()): CourseCalendar => {
    const answer = plan([], { kind: 'first_course', screeningOn: date(screeningOn), months: 5 }, aPatientWhoCanGetPregnant(), clinic);
    if (answer.kind !== 'course_calendar') throw new Error('expected a calendar');
    return answer;
  };

  it('lays out screening, confirmation one calendar month later, monthly pickups and the end dates', () => {
    const c = calendar('2026-01-31');
    const on = (code: string): Array<string | undefined> => c.entries.filter((e) => e.code === code).map((e) => e.on);
    expect(on('screening_test')).toEqual(['2026-01-31']);
    expect(on('confirmation_test')).toEqual(['2026-02-28']);
    expect(on('monthly_test')).toEqual(['2026-03-30', '2026-04-29', '2026-05-29', '2026-06-28']);
    expect(on('last_dose')).toEqual(['2026-07-27']);
    expect(on('post_treatment_test')).toEqual(['2026-08-26']);
    expect(on('contraception_until')).toEqual(['2026-08-27']);
    expect(c.pack.id).toBe('us-ipledge-2021');
  });

  it('names the medical setting for a course under the 2026 pack', () => {
    const c = calendar('2026-09-01');
    expect(c.pack.id).toBe('us-ipledge-2026');
    expect(c.entries[0]?.text).toContain('medical setting');
  });

  it('gives a first pickup that the engine allows when the calendar is followed', () => {
    const c = calendar('2026-01-05');
    const base = { jurisdiction: 'US' as const, clinic: aClinic(), patient: aPatientWhoCanGetPregnant(), events: enrolledWithCourse('2026-01-05') };
    const upToFirstPickup = c.entries.slice(0, c.entries.findIndex((e) => e.code === 'collect') + 1);
    const followed = followPlan({ ...base, action: { kind: 'finish_course', at: at('2026-02-05') } }, upToFirstPickup);
    const d = decideProgramCase({ ...base, events: followed.events, action: { kind: 'issue_authorization', at: at('2026-02-05', '21:00'), prescriptionId: followed.prescriptionId ?? '' } });
    expect(d.outcome).toBe('allowed');
  });
});
