import { describe, expect, it } from 'vitest';
import { date, type Instant } from '../../../calendar/index.js';
import type { Decision } from '../../decision.js';
import type { FormKind, ProgramEvent } from '../../events.js';
import type { Jurisdiction } from '../../jurisdiction.js';
import type { CourseCalendar, PickupPlan } from '../../planning.js';
import type { Patient } from '../../program-case.js';
import { decideProgramCase, planProgramCase } from '../index.js';
import { ukFirstCourse } from '../uk/uk-testing.js';
import {
  LONDON,
  PARIS,
  aPatientNotOfChildbearingPotential,
  aPppClinic,
  aWomanOfChildbearingPotential,
  assessmentsOn,
  authorize,
  contraceptionFrom,
  dispenseAction,
  followPppPlan,
  pppAuthorization,
  pppDispense,
  pppPrescription,
  pppStart,
  supervisedTest,
  wall,
} from './ppp-testing.js';

const EU_FORM = 'eu_acknowledgement_form';
const zoneOf = (j: Jurisdiction): string => (j === 'UK' ? LONDON : PARIS);
const course = (extra: ProgramEvent[] = []): ProgramEvent[] => [...pppStart('2026-01-05', EU_FORM, { booklet: true }), ...contraceptionFrom('2026-01-05'), ...extra];
/** Dispensed on 2026-02-06 after a test and a prescription on 2026-02-05. */
const treated = (): ProgramEvent[] =>
  course([
    supervisedTest('2026-02-05', PARIS, { purpose: 'screening' }),
    pppPrescription('2026-02-05'),
    pppAuthorization('rx-2026-02-05', wall('2026-02-05', '15:00', PARIS), '2026-02-11'),
    pppDispense('auth-rx-2026-02-05', wall('2026-02-06', '10:00', PARIS)),
  ]);

function pickupPlan(events: ProgramEvent[], now: Instant, intended: string, j: Jurisdiction = 'EU', patient: Patient = aWomanOfChildbearingPotential()): PickupPlan {
  const answer = planProgramCase({ jurisdiction: j, clinic: aPppClinic(zoneOf(j)), patient, events, request: { kind: 'pickup', at: now, intendedPickup: date(intended), pharmacyId: 'ph-eu' } });
  if (answer.kind !== 'pickup_plan') throw new Error('expected a pickup plan');
  return answer;
}

/** Follows the plan, then asks the engine for the authorization and the dispense on the planned day. */
function followAndCollect(events: ProgramEvent[], p: PickupPlan, j: Jurisdiction = 'EU', form: FormKind = EU_FORM, patient: Patient = aWomanOfChildbearingPotential()): Decision[] {
  const zone = zoneOf(j);
  const day = p.plannedPickup ?? p.intendedPickup;
  const followed = followPppPlan(zone, events, p.steps, { prescriberId: 'derm-1', form });
  const rx = followed.prescriptionId ?? [...events].reverse().find((e) => e.kind === 'prescription')?.id ?? 'none';
  const base = { jurisdiction: j, clinic: aPppClinic(zone), patient };
  const authorization = decideProgramCase({ ...base, events: followed.events, action: authorize(rx, wall(day, '18:00', zone)) });
  const lastDay = authorization.window?.lastDayToCollect ?? day;
  const withAuth = [...followed.events, pppAuthorization(rx, wall(day, '18:00', zone), lastDay, 'auth-followed')];
  const dispense = decideProgramCase({ ...base, events: withAuth, action: dispenseAction(pppDispense('auth-followed', wall(day, '18:30', zone), { id: 'd-followed' })) });
  return [authorization, dispense];
}
const stepCodes = (p: PickupPlan): string[] => p.steps.map((s) => s.code);

describe('planner (EU/UK): pickup plans', () => {
  it('plans the supervised test in the 3 days before the prescription and the dispense for an intended first pickup', () => {
    const p = pickupPlan(course(), wall('2026-01-20', '09:00', PARIS), '2026-02-08');
    expect(p.feasible).toBe(true);
    expect(p.plannedPickup).toBe('2026-02-08');
    expect(stepCodes(p)).toEqual(['initial_pregnancy_test', 'write_prescription', 'request_authorization', 'checklist_and_dispense']);
    expect(p.steps[0]).toMatchObject({ earliest: '2026-02-05', latest: '2026-02-08', on: '2026-02-05' });
    expect(p.steps[1]).toMatchObject({ earliest: '2026-02-05', latest: '2026-02-08', on: '2026-02-08' });
    expect(followAndCollect(course(), p).map((d) => d.unmet)).toEqual([[], []]);
  });

  it('gives the earliest feasible pickup when the intended one comes before one month of contraception', () => {
    const p = pickupPlan(course(), wall('2026-01-20', '09:00', PARIS), '2026-02-01');
    expect(p.feasible).toBe(false);
    expect(p.plannedPickup).toBe('2026-02-05');
  });

  it('starts contraception today when there is none, and tests one calendar month later', () => {
    const events = pppStart('2026-01-31', EU_FORM);
    const p = pickupPlan(events, wall('2026-01-31', '09:00', PARIS), '2026-02-10');
    expect(p.plannedPickup).toBe('2026-02-28');
    expect(p.steps.slice(0, 2).map((s) => [s.code, s.on])).toEqual([
      ['start_contraception', '2026-01-31'],
      ['initial_pregnancy_test', '2026-02-28'],
    ]);
    expect(followAndCollect(events, p).map((d) => d.outcome)).toEqual(['allowed', 'allowed']);
  });

  it('plans the monthly test on the prescribing day or in the 3 days before it', () => {
    const p = pickupPlan(treated(), wall('2026-02-20', '09:00', PARIS), '2026-03-08');
    expect(p.feasible).toBe(true);
    expect(p.steps.find((s) => s.code === 'pregnancy_test')).toMatchObject({ earliest: '2026-03-05', latest: '2026-03-08', on: '2026-03-05' });
    expect(followAndCollect(treated(), p).map((d) => d.unmet)).toEqual([[], []]);
  });

  it('reuses a recorded test: only the prescription within 3 days of it, then the dispense within 7 days', () => {
    const events = [...treated(), supervisedTest('2026-03-06', PARIS, { id: 't-march' })];
    const p = pickupPlan(events, wall('2026-03-06', '12:00', PARIS), '2026-03-10');
    expect(p.feasible).toBe(true);
    expect(stepCodes(p)).toEqual(['write_prescription', 'request_authorization', 'checklist_and_dispense']);
    expect(p.steps[0]).toMatchObject({ on: '2026-03-06', latest: '2026-03-09' });
    expect(followAndCollect(events, p).map((d) => d.outcome)).toEqual(['allowed', 'allowed']);
  });

  it('reuses a recorded prescription inside its 7 days, and its test for a new prescription after them', () => {
    const events = [...treated(), supervisedTest('2026-03-06', PARIS, { id: 't-march' }), pppPrescription('2026-03-06', { id: 'rx-march' })];
    const p = pickupPlan(events, wall('2026-03-07', '12:00', PARIS), '2026-03-12');
    expect(stepCodes(p)).toEqual(['request_authorization', 'checklist_and_dispense']);
    // on day 8 the recorded prescription is over: a new one within 3 days of the recorded test
    const later = pickupPlan(events, wall('2026-03-07', '12:00', PARIS), '2026-03-13');
    expect(stepCodes(later)).toEqual(['write_prescription', 'request_authorization', 'checklist_and_dispense']);
    expect(later.steps[0]).toMatchObject({ on: '2026-03-07', latest: '2026-03-09' });
  });

  it('lists a missing acknowledgement form as a dated obstacle and keeps the plan', () => {
    const events = course().filter((e) => e.kind !== 'form_signed');
    const p = pickupPlan(events, wall('2026-01-20', '09:00', PARIS), '2026-02-08');
    expect(p.feasible).toBe(false);
    expect(p.plannedPickup).toBe('2026-02-08');
    expect(p.obstacles.map((o) => o.code)).toEqual(['acknowledgement_form_missing']);
    expect(stepCodes(p)[0]).toBe('acknowledgement_form_missing');
  });

  it('reports a positive test as an obstacle and proposes no pickup day', () => {
    const p = pickupPlan(course([supervisedTest('2026-01-15', PARIS, { id: 'pos', result: 'positive' })]), wall('2026-01-20', '09:00', PARIS), '2026-02-08');
    expect(p.feasible).toBe(false);
    expect(p.plannedPickup).toBeUndefined();
    expect(p.obstacles.map((o) => o.code)).toContain('positive_pregnancy_test');
  });

  it('plans only the prescription for a patient not of childbearing potential', () => {
    const events = pppStart('2026-01-05', EU_FORM);
    const p = pickupPlan(events, wall('2026-01-20', '09:00', PARIS), '2026-01-25', 'EU', aPatientNotOfChildbearingPotential());
    expect(p.feasible).toBe(true);
    expect(stepCodes(p)).toEqual(['write_prescription', 'request_authorization', 'checklist_and_dispense']);
    expect(followAndCollect(events, p, 'EU', EU_FORM, aPatientNotOfChildbearingPotential()).map((d) => d.outcome)).toEqual(['allowed', 'allowed']);
  });

  it('plans a French first prescription with the dermatologist', () => {
    const events = course([pppPrescription('2025-12-01', { id: 'old-gp', prescriberId: 'gp-1' })]);
    const p = pickupPlan(events, wall('2026-01-20', '09:00', PARIS), '2026-02-08', 'EU-FR');
    // the last recorded prescriber is a GP: verified with the GP, the plan would carry an EU6 obstacle
    expect(p.obstacles).toEqual([]);
    expect(p.feasible).toBe(true);
  });

  it('shows the UK assessments as dated obstacles when they are not recorded', () => {
    const events = ukFirstCourse('2026-02-05', { form: 'uk_acknowledgement_of_risk_2026', assessments: 'none' }).filter((e) => e.kind !== 'prescription' && e.kind !== 'pregnancy_test');
    const p = pickupPlan(events, wall('2026-01-20', '09:00', LONDON), '2026-02-08', 'UK');
    expect(p.obstacles.map((o) => o.code)).toEqual(['mental_health_assessment_missing', 'sexual_function_assessment_missing']);
    expect(p.plannedPickup).toBe('2026-02-08');
    const assessed = [...events, ...assessmentsOn('2026-01-20')];
    const ok = pickupPlan(assessed, wall('2026-01-20', '09:00', LONDON), '2026-02-08', 'UK');
    expect(ok.feasible).toBe(true);
    expect(followAndCollect(assessed, ok, 'UK', 'uk_acknowledgement_of_risk_2026').map((d) => d.outcome)).toEqual(['allowed', 'allowed']);
  });
});

describe('planner (EU/UK): the calendar of a first course', () => {
  const calendar = (j: Jurisdiction, opensOn: string): CourseCalendar => {
    const answer = planProgramCase({ jurisdiction: j, clinic: aPppClinic(zoneOf(j)), patient: aWomanOfChildbearingPotential(), events: [], request: { kind: 'first_course', screeningOn: date(opensOn), months: 5 } });
    if (answer.kind !== 'course_calendar') throw new Error('expected a calendar');
    return answer;
  };
  const on = (c: CourseCalendar, code: string): Array<string | undefined> => c.entries.filter((e) => e.code === code).map((e) => e.on);

  it('lays out contraception, the test one calendar month later, monthly prescriptions and the end dates', () => {
    const c = calendar('EU', '2026-01-31');
    expect(on(c, 'start_contraception')).toEqual(['2026-01-31']);
    expect(on(c, 'initial_pregnancy_test')).toEqual(['2026-02-28']);
    expect(on(c, 'pregnancy_test')).toEqual(['2026-03-30', '2026-04-29', '2026-05-29', '2026-06-28']);
    expect(c.entries.find((e) => e.code === 'pregnancy_test')).toMatchObject({ earliest: '2026-03-27', latest: '2026-03-30' });
    expect(on(c, 'last_dose')).toEqual(['2026-07-27']);
    expect(on(c, 'post_treatment_test')).toEqual(['2026-08-27']);
    expect(on(c, 'contraception_until')).toEqual(['2026-08-27']);
    expect(c.pack.id).toBe('eu-ppp-2018');
  });

  it('puts the French final test 5 weeks after the last dose and the booklet before the first prescription', () => {
    const c = calendar('EU-FR', '2026-01-31');
    expect(on(c, 'post_treatment_test')).toEqual(['2026-08-31']);
    expect(on(c, 'patient_booklet')).toEqual(['2026-02-28']);
    expect(on(c, 'dermatologist_prescribes')).toEqual(['2026-02-28']);
  });

  it('asks UK assessments before every prescription and the form of the pack of the first prescription', () => {
    const c = calendar('UK', '2026-01-10');
    expect(on(c, 'mental_health_assessment')).toHaveLength(5);
    expect(c.entries.find((e) => e.code === 'acknowledgement_form')?.text).toContain('uk_acknowledgement_of_risk_2026');
    expect(on(c, 'second_prescriber_agreement')).toEqual([]);
    expect(calendar('UK', '2025-10-01').entries.map((e) => e.code)).toContain('second_prescriber_agreement');
  });

  it('gives a first pickup that the engine allows when the calendar is followed', () => {
    for (const j of ['EU', 'EU-FR', 'EU-IT', 'UK'] as const) {
      const c = calendar(j, '2026-01-10');
      const upToFirstPickup = c.entries.slice(0, c.entries.findIndex((e) => e.code === 'checklist_and_dispense') + 1);
      const base = [{ id: 'enrollment', kind: 'enrollment', on: date('2026-01-10'), prescriberId: 'derm-1' } as const, { id: 'course', kind: 'course_started', on: date('2026-01-10') } as const];
      const form = j === 'UK' ? 'uk_acknowledgement_of_risk_2026' : EU_FORM;
      const followed = followPppPlan(zoneOf(j), base, upToFirstPickup, { prescriberId: 'derm-1', form });
      const d = decideProgramCase({ jurisdiction: j, clinic: aPppClinic(zoneOf(j)), patient: aWomanOfChildbearingPotential(), events: followed.events, action: authorize(followed.prescriptionId ?? '', wall('2026-02-10', '18:00', zoneOf(j))) });
      expect(d.unmet, j).toEqual([]);
    }
  });
});
