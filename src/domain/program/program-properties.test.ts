import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, date, endOfDay } from '../calendar/index.js';
import { DomainInputError } from '../errors.js';
import { Temporal } from 'temporal-polyfill';
import type { Decision } from './decision.js';
import type { ProgramEvent } from './events.js';
import type { Patient, ProgramCase } from './program-case.js';
import type { PregnancyTestFacts } from './pregnancy-tests.js';
import {
  aClinic,
  aPatientWhoCanGetPregnant,
  aPatientWhoCannotGetPregnant,
  aUsCase,
  at,
  authorization,
  dispenseEvent,
  enrolledWithCourse,
  firstCourseEvents,
  followPlan,
  issueAuthorization,
  prescription,
  pregnancyTest,
  questions,
} from './testing.js';
import { decideProgramCase, planProgramCase } from './packs/index.js';
import { timelineOf } from './timeline.js';

/** Treated for one month, second prescription ready on `day` (test, questions, prescription). */
function secondMonth(day: string): ProgramEvent[] {
  return [
    ...firstCourseEvents(),
    authorization('rx-2026-02-05', at('2026-02-06'), '2026-02-11'),
    dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '15:00')),
    { id: 'first-dose', kind: 'first_dose', on: date('2026-02-06') },
    pregnancyTest(day),
    questions(day),
    prescription(day, { id: 'rx-2' }),
  ];
}

const settingArb = fc.constantFrom<PregnancyTestFacts['setting']>('clia_lab', 'medical_setting', 'home');
const resultArb = fc.constantFrom<PregnancyTestFacts['result']>('negative', 'negative', 'negative', 'positive', 'unknown', 'invalid');
const clinicArb = fc.record({
  discretion: fc.boolean(),
  optedIn: fc.boolean(),
  e: fc.constantFrom('2025-06-01', '2026-02-20', '2026-08-08'),
});

/** Random variations of realistic cases: facts dropped, tests altered, action moved in time. */
const caseArb = fc
  .record({
    scenario: fc.constantFrom('first', 'second', 'dispense', 'cannot'),
    drop: fc.array(fc.integer({ min: 0, max: 14 }).map((n) => n === 0), { minLength: 30, maxLength: 30 }),
    testSetting: settingArb,
    testResult: resultArb,
    sensitivity: fc.constantFrom(undefined, 20, 25, 26, 50),
    shiftMinutes: fc.integer({ min: 0, max: 8 * 24 * 60 }),
    clinic: clinicArb,
  })
  .map((r): ProgramCase => {
    const clinic = aClinic({
      settings: {
        enforcementDiscretionHomeTests: r.clinic.discretion,
        homeTestOptIn: { optedIn: r.clinic.optedIn, antiFalsificationProcedure: 'photo with ID' },
        usModificationDate: date(r.clinic.e),
      },
    });
    const alter = (e: ProgramEvent): ProgramEvent =>
      e.kind === 'pregnancy_test' && e.id === 'test-2026-02-05' ? { ...e, setting: r.testSetting, result: r.testResult, sensitivityMiuPerMl: r.sensitivity } : e;
    const keep = (events: ProgramEvent[]): ProgramEvent[] => events.filter((e, i) => !(r.drop[i] ?? false) || e.kind === 'prescription' || e.kind === 'authorization_issued').map(alter);
    const when = at('2026-02-05', '10:00').add({ minutes: r.shiftMinutes });
    switch (r.scenario) {
      case 'first':
        return aUsCase({ clinic, events: keep(firstCourseEvents()), action: issueAuthorization('rx-2026-02-05', when) });
      case 'second':
        return aUsCase({ clinic, events: keep(secondMonth('2026-03-06')), action: issueAuthorization('rx-2', when.add({ hours: 24 * 30 })) });
      case 'dispense': {
        const events = keep([...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-05', '09:30'), '2026-02-11')]);
        const d = dispenseEvent('auth-rx-2026-02-05', when, { dndDate: date('2026-02-11') });
        return aUsCase({ clinic, events, action: { kind: 'dispense', at: d.at, dispense: { ...d } } });
      }
      case 'cannot':
        return aUsCase({
          clinic,
          patient: aPatientWhoCannotGetPregnant(),
          events: keep([...enrolledWithCourse('2026-01-05', { canGetPregnant: false }), { id: 'visit', kind: 'office_visit', on: date('2026-02-01') }, { id: 'c', kind: 'counselling', on: date('2026-02-01') }, prescription('2026-02-01')]),
          action: issueAuthorization('rx-2026-02-01', when),
        });
    }
  });

function judge(c: ProgramCase): Decision | undefined {
  try {
    return decideProgramCase(c);
  } catch (error) {
    if (error instanceof DomainInputError) return undefined; // a dropped fact broke a reference: not a case
    throw error;
  }
}

describe('programme engine properties', () => {
  it('never lists a blocking reason in an allowed decision, and never blocks without one', () => {
    const seen = { allowed: 0, blocked: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        const d = judge(c);
        if (d === undefined) return;
        expect(d.outcome === 'allowed').toBe(d.unmet.length === 0);
        if (d.outcome === 'allowed' && c.action.kind === 'issue_authorization') {
          expect(d.window).toBeDefined();
          const lastDay = date(d.window?.lastDayToCollect ?? '1970-01-01');
          expect(Temporal.Instant.compare(c.action.at, endOfDay(lastDay, 'America/New_York'))).toBeLessThanOrEqual(0);
        }
        if (d.outcome === 'blocked') expect(d.window).toBeUndefined();
        seen[d.outcome] += 1;
      }),
      { numRuns: 300 },
    );
    expect(seen.allowed).toBeGreaterThan(10);
    expect(seen.blocked).toBeGreaterThan(10);
  });

  it('allows no authorization or dispense after a positive test until the course is stopped or the patient re-qualified', () => {
    let judged = 0;
    fc.assert(
      fc.property(
        caseArb.filter((c) => c.action.kind !== 'record_pregnancy_test'),
        fc.integer({ min: 0, max: 40 * 24 * 60 }),
        fc.boolean(),
        (c, minutesAfterStart, laterNegative) => {
          const positiveAt = at('2026-01-05', '00:00').add({ minutes: minutesAfterStart });
          if (Temporal.Instant.compare(positiveAt, c.action.at) > 0) return;
          const positive: ProgramEvent = { ...pregnancyTest('2026-01-05', { id: 'positive' }), collectedAt: positiveAt, result: 'positive' };
          const negative: ProgramEvent = { ...pregnancyTest('2026-01-05', { id: 'after' }), collectedAt: c.action.at.subtract({ minutes: 1 }) };
          const events = [...c.events, positive, ...(laterNegative ? [negative] : [])];
          const d = judge({ ...c, events });
          if (d === undefined) return;
          expect(d.outcome).toBe('blocked');
          expect(d.unmet.map((u) => u.code)).toContain('positive_pregnancy_test');
          judged += 1;
        },
      ),
      { numRuns: 300 },
    );
    expect(judged).toBeGreaterThan(100);
  });

  it('allows the pickup of a feasible plan once its dated steps are followed', () => {
    let followedPlans = 0;
    const stateArb = fc.record({
      patient: fc.constantFrom<Patient>(aPatientWhoCanGetPregnant(), aPatientWhoCannotGetPregnant()),
      progress: fc.constantFrom('course', 'methods', 'screened', 'confirmed', 'treated'),
      nowOffset: fc.integer({ min: 0, max: 60 }),
      intendedOffset: fc.integer({ min: 0, max: 45 }),
      e: fc.constantFrom('2025-06-01', '2026-02-20', '2026-08-08'),
    });
    fc.assert(
      fc.property(stateArb, (s) => {
        const can = s.patient.risk.category === 'can_get_pregnant';
        const events: ProgramEvent[] = can
          ? {
              course: enrolledWithCourse('2026-01-05'),
              methods: [...enrolledWithCourse('2026-01-05'), ...firstCourseEvents().filter((e) => e.kind === 'contraception_started')],
              screened: firstCourseEvents().filter((e) => e.id !== 'test-2026-02-05' && e.kind !== 'prescription' && e.kind !== 'comprehension_questions'),
              confirmed: firstCourseEvents(),
              treated: secondMonth('2026-03-06').filter((e) => e.id !== 'rx-2' && e.kind !== 'comprehension_questions'),
            }[s.progress]
          : enrolledWithCourse('2026-01-05', { canGetPregnant: false });
        const nowDay = addDays(date('2026-01-05'), s.nowOffset);
        const now = at(nowDay.toString(), '07:00');
        const clinic = aClinic({ settings: { usModificationDate: date(s.e) } });
        const all = { jurisdiction: 'US' as const, clinic, patient: s.patient, events };
        // only what is known now: the plan starts from today's facts
        const base = { ...all, events: timelineOf({ ...all, action: { kind: 'finish_course', at: now } }).events };
        const intended = addDays(nowDay, s.intendedOffset);
        const answer = planProgramCase({ ...base, request: { kind: 'pickup', at: now, intendedPickup: intended, pharmacyId: 'ph-1' } });
        if (answer.kind !== 'pickup_plan' || answer.plannedPickup === undefined || answer.obstacles.length > 0) return;
        const day = answer.plannedPickup;
        const followed = followPlan({ ...base, action: { kind: 'finish_course', at: now } }, answer.steps);
        const rx = followed.prescriptionId ?? [...base.events].reverse().find((e) => e.kind === 'prescription')?.id;
        expect(rx).toBeDefined();
        const authorized = decideProgramCase({ ...base, events: followed.events, action: { kind: 'issue_authorization', at: at(day, '21:00'), prescriptionId: rx ?? '' } });
        expect(authorized.unmet).toEqual([]);
        const lastDay = authorized.window?.lastDayToCollect ?? day;
        const withAuth = [...followed.events, authorization(rx ?? '', at(day, '21:00'), lastDay, 'auth-followed')];
        const quantity = withAuth.find((e): e is Extract<ProgramEvent, { kind: 'prescription' }> => e.kind === 'prescription' && e.id === rx)?.quantity ?? 0;
        const d = dispenseEvent('auth-followed', at(day, '21:30'), { id: 'dispense-followed', quantity, dndDate: date(lastDay) });
        expect(decideProgramCase({ ...base, events: withAuth, action: { kind: 'dispense', at: d.at, dispense: { ...d } } }).unmet).toEqual([]);
        if (answer.feasible) expect(answer.plannedPickup).toBe(intended.toString());
        followedPlans += 1;
      }),
      { numRuns: 200 },
    );
    // the property must be exercised, not skipped by the filters above
    expect(followedPlans).toBeGreaterThan(100);
  });
});
