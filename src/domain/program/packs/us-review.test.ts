/**
 * Independent review of the US packs against program-rules.md: each `describe` names the rule it
 * checks; the tests pin boundaries the pack tests did not, and every bug found by the review has a
 * test here that failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { date } from '../../calendar/index.js';
import type { Decision } from '../decision.js';
import type { ProgramEvent } from '../events.js';
import type { ProgramCase } from '../program-case.js';
import type { RiskBasis } from '../risk.js';
import {
  CANNOT_GET_PREGNANT,
  aClinic,
  aPatientWhoCannotGetPregnant,
  aUsCase,
  at,
  authorization,
  dispenseEvent,
  enrolledWithCourse,
  firstCourseEvents,
  issueAuthorization,
  prescription,
  pregnancyTest,
  questions,
  testFacts,
  twoMethods,
} from '../testing.js';
import { decideProgramCase } from './index.js';

const codes = (d: Decision): string[] => d.unmet.map((u) => u.code);
const earliest = (d: Decision, code: string): string | undefined => d.unmet.find((u) => u.code === code)?.earliestDate;
const decide = (c: ProgramCase): Decision => decideProgramCase(c);
const dispenseAction = (d: ReturnType<typeof dispenseEvent>): ProgramCase['action'] => ({ kind: 'dispense', at: d.at, dispense: { ...d } });

/** One month dispensed (2026-02-06), then this month's negative test, questions and prescriptions on 2026-03-06. */
function treatedThenTestedOn(day: string, extra: ProgramEvent[] = []): ProgramEvent[] {
  return [
    ...firstCourseEvents(),
    authorization('rx-2026-02-05', at('2026-02-06'), '2026-02-11'),
    dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '15:00')),
    { id: 'first-dose', kind: 'first_dose', on: date('2026-02-06') },
    pregnancyTest(day),
    questions(day),
    ...extra,
  ];
}

describe('US6 and US1: one negative test qualifies one dispense', () => {
  const twoPrescriptions = treatedThenTestedOn('2026-03-06', [
    prescription('2026-03-06', { id: 'rx-a' }),
    prescription('2026-03-06', { id: 'rx-b' }),
    authorization('rx-a', at('2026-03-07', '08:00'), '2026-03-12', 'auth-a'),
    authorization('rx-b', at('2026-03-07', '09:00'), '2026-03-12', 'auth-b'),
  ]);

  it('refuses a second 30-day dispense qualified by the same monthly test (two prescriptions authorized on it)', () => {
    const first = dispenseEvent('auth-a', at('2026-03-07', '10:00'), { id: 'dispense-a' });
    expect(decide(aUsCase({ events: twoPrescriptions, action: dispenseAction(first) })).outcome).toBe('allowed');
    const second = dispenseEvent('auth-b', at('2026-03-07', '11:00'), { id: 'dispense-b' });
    const d = decide(aUsCase({ events: [...twoPrescriptions, first], action: dispenseAction(second) }));
    expect(codes(d)).toEqual(['qualifying_test_already_used']);
    expect(d.unmet[0]?.ruleId).toBe('US6');
    expect(d.nextSteps.map((s) => s.who)).toContain('pharmacy');
  });

  it('refuses a second dispense qualified by the same confirmation test in the first month', () => {
    const events = [
      ...firstCourseEvents(),
      prescription('2026-02-05', { id: 'rx-b' }),
      authorization('rx-2026-02-05', at('2026-02-06', '08:00'), '2026-02-11'),
      authorization('rx-b', at('2026-02-06', '09:00'), '2026-02-11', 'auth-b'),
      dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '10:00')),
    ];
    const second = dispenseEvent('auth-b', at('2026-02-06', '11:00'), { id: 'dispense-b' });
    expect(codes(decide(aUsCase({ events, action: dispenseAction(second) })))).toEqual(['qualifying_test_already_used']);
  });

  it('still allows the next month’s dispense once a new test qualified a new authorization', () => {
    const events = treatedThenTestedOn('2026-03-06', [prescription('2026-03-06', { id: 'rx-a' }), authorization('rx-a', at('2026-03-07', '08:00'), '2026-03-12', 'auth-a')]);
    const d = dispenseEvent('auth-a', at('2026-03-07', '10:00'), { id: 'dispense-a' });
    expect(decide(aUsCase({ events, action: dispenseAction(d) })).outcome).toBe('allowed');
  });
});

describe('US5 at the dispense: two methods in use, not interrupted since the authorization', () => {
  const issued = [...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-06', '09:00'), '2026-02-11')];
  const dispenseOn = (events: ProgramEvent[], day = '2026-02-07'): Decision =>
    decide(aUsCase({ events, action: dispenseAction(dispenseEvent('auth-rx-2026-02-05', at(day, '15:00'))) }));

  it('refuses a dispense when a method was stopped after the authorization (first dose still to come)', () => {
    const stopped: ProgramEvent = { id: 'stop', kind: 'contraception_stopped', on: date('2026-02-07'), method: 'iud_copper' };
    const d = dispenseOn([...issued, stopped]);
    expect(codes(d)).toEqual(['two_methods_not_in_use']);
    expect(d.unmet[0]?.ruleId).toBe('US5');
  });

  it('refuses a dispense when the methods were interrupted after the authorization, even if resumed', () => {
    const gap: ProgramEvent[] = [
      { id: 'stop', kind: 'contraception_stopped', on: date('2026-02-07'), method: 'iud_copper' },
      { id: 'restart', kind: 'contraception_started', on: date('2026-02-08'), method: 'implant' },
    ];
    expect(codes(dispenseOn([...issued, ...gap], '2026-02-08'))).toEqual(['two_methods_interrupted']);
  });

  it('allows a switch of method on one day without a gap', () => {
    const swap: ProgramEvent[] = [
      { id: 'restart', kind: 'contraception_started', on: date('2026-02-07'), method: 'implant' },
      { id: 'stop', kind: 'contraception_stopped', on: date('2026-02-07'), method: 'iud_copper' },
    ];
    expect(dispenseOn([...issued, ...swap]).outcome).toBe('allowed');
  });

  it('needs no contraception at the dispense for a patient who cannot get pregnant', () => {
    const events: ProgramEvent[] = [
      ...enrolledWithCourse('2026-01-05', { canGetPregnant: false }),
      { id: 'visit', kind: 'office_visit', on: date('2026-02-01') },
      { id: 'counsel', kind: 'counselling', on: date('2026-02-01') },
      prescription('2026-02-01'),
      authorization('rx-2026-02-01', at('2026-02-02'), '2026-03-02'),
    ];
    const d = dispenseEvent('auth-rx-2026-02-01', at('2026-02-02', '15:00'));
    expect(decide(aUsCase({ patient: aPatientWhoCannotGetPregnant(), events, action: dispenseAction(d) })).outcome).toBe('allowed');
  });
});

describe('US14: an authorization open at a positive test is never dispensed', () => {
  const positive = pregnancyTest('2026-02-07', { id: 'positive', result: 'positive', time: '08:00' });
  const issued = [...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-06', '09:00'), '2026-02-11')];
  const dispenseAt = (events: ProgramEvent[]): Decision =>
    decide(aUsCase({ events, action: dispenseAction(dispenseEvent('auth-rx-2026-02-05', at('2026-02-07', '15:00'))) }));

  it('refuses to dispense an authorization issued before a positive test, even after a re-qualification', () => {
    const requalified: ProgramEvent = { id: 'requalified', kind: 'requalified', at: at('2026-02-07', '12:00'), reason: 'false positive ruled out' };
    const d = dispenseAt([...issued, positive, requalified]);
    expect(codes(d)).toEqual(['authorization_open_at_positive_test']);
    expect(d.unmet[0]?.ruleId).toBe('US14');
  });

  it('refuses to dispense an authorization issued while an earlier positive test was not yet cleared', () => {
    const earlyPositive = pregnancyTest('2026-02-06', { id: 'positive', result: 'positive', time: '07:00' });
    const requalified: ProgramEvent = { id: 'requalified', kind: 'requalified', at: at('2026-02-07', '12:00'), reason: 'false positive ruled out' };
    expect(codes(dispenseAt([...issued, earlyPositive, requalified]))).toEqual(['authorization_open_at_positive_test']);
  });

  it('dispenses an authorization issued after the re-qualification and a new negative test', () => {
    const events: ProgramEvent[] = [
      ...firstCourseEvents(),
      pregnancyTest('2026-02-05', { id: 'positive', result: 'positive', time: '07:00' }),
      { id: 'requalified', kind: 'requalified', at: at('2026-02-05', '08:00'), reason: 'false positive ruled out' },
      pregnancyTest('2026-02-24', { id: 'screening-again' }),
      pregnancyTest('2026-03-15', { id: 'confirmation-again' }),
      questions('2026-03-15'),
      prescription('2026-03-15', { id: 'rx-again' }),
      authorization('rx-again', at('2026-03-15', '15:00'), '2026-03-21', 'auth-again'),
    ];
    const d = dispenseEvent('auth-again', at('2026-03-16', '15:00'), { id: 'dispense-again' });
    expect(decide(aUsCase({ events, action: dispenseAction(d) })).outcome).toBe('allowed');
  });
});

describe('DECISION 9: every unmet requirement, even when the referenced fact is not there yet', () => {
  it('lists the positive test and the other requirements when the prescription is not recorded yet', () => {
    const events = [
      ...firstCourseEvents().filter((e) => e.id !== 'enrollment'),
      pregnancyTest('2026-02-06', { id: 'positive', result: 'positive', time: '08:00' }),
      prescription('2026-02-07', { id: 'rx-later' }),
    ];
    const d = decide(aUsCase({ events, action: issueAuthorization('rx-later', at('2026-02-06', '15:00')) }));
    expect(codes(d)).toEqual(expect.arrayContaining(['prescription_not_recorded', 'patient_not_enrolled', 'positive_pregnancy_test']));
    expect(d.nextSteps.map((s) => s.code)).toContain('stop_drug_now');
  });

  it('lists the positive test and the pharmacy duties when the authorization is not issued yet', () => {
    const events = [
      ...firstCourseEvents(),
      authorization('rx-2026-02-05', at('2026-02-07'), '2026-02-11'),
      pregnancyTest('2026-02-06', { id: 'positive', result: 'positive', time: '08:00' }),
    ];
    const d = dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '15:00'), { rmaNumber: undefined });
    const decision = decide(aUsCase({ events, action: dispenseAction(d) }));
    expect(codes(decision)).toEqual(expect.arrayContaining(['authorization_not_issued', 'rma_missing', 'positive_pregnancy_test']));
    expect(decision.nextSteps.map((s) => s.code)).toContain('stop_drug_now');
  });
});

describe('US3, US4 and DECISION 9 when a test is recorded as the confirmation', () => {
  const record = (events: ProgramEvent[], specimenDay: string, recordedOn = specimenDay): Decision =>
    decide(aUsCase({ events, action: { kind: 'record_pregnancy_test', at: at(recordedOn, '18:00'), test: testFacts(specimenDay, { id: 'candidate', purpose: 'confirmation' }) } }));

  it('lists the missing two methods next to the missing screening test, with the earliest confirmation as max(+19 days, one month of methods)', () => {
    const d = record(enrolledWithCourse('2026-01-05'), '2026-01-10');
    expect(codes(d)).toEqual(['screening_test_missing', 'two_methods_not_in_use']);
    // not protected today (2026-01-10): one month of methods from today = 2026-02-10, later than +19 days (2026-01-29)
    expect(earliest(d, 'screening_test_missing')).toBe('2026-02-10');
    expect(earliest(d, 'two_methods_not_in_use')).toBe('2026-02-10');
  });

  it('keeps +19 days as the earliest confirmation when the month of methods is reached sooner', () => {
    const d = record([...enrolledWithCourse('2026-01-05'), ...twoMethods('2025-12-01')], '2026-01-10');
    expect(codes(d)).toEqual(['screening_test_missing']);
    expect(earliest(d, 'screening_test_missing')).toBe('2026-01-29');
  });

  it('dates the month of methods from the recording day when two methods are still not in use then', () => {
    const events = [...enrolledWithCourse('2026-01-01'), pregnancyTest('2026-01-01', { purpose: 'screening' })];
    const d = record(events, '2026-01-20', '2026-01-25');
    expect(codes(d)).toEqual(['two_methods_not_in_use']);
    expect(earliest(d, 'two_methods_not_in_use')).toBe('2026-02-25');
  });

  it('dates the month of methods from their start when they began after the specimen but before the recording', () => {
    const events = [...enrolledWithCourse('2026-01-01'), pregnancyTest('2026-01-01', { purpose: 'screening' }), ...twoMethods('2026-01-22')];
    const d = record(events, '2026-01-20', '2026-01-25');
    expect(earliest(d, 'two_methods_not_in_use')).toBe('2026-02-22');
  });
});

describe('DECISION 8: an unknown test result blocks whenever it was collected', () => {
  it('blocks on a test with an unknown result collected before the course started', () => {
    const events = [pregnancyTest('2026-01-02', { id: 'pending', result: 'unknown' }), ...firstCourseEvents()];
    const d = decide(aUsCase({ events, action: issueAuthorization('rx-2026-02-05', at('2026-02-06')) }));
    expect(codes(d)).toEqual(['pregnancy_test_result_unknown']);
  });

  it('blocks a new course while a test of the previous course has no result, and not once it is recorded invalid', () => {
    const previous: ProgramEvent[] = [
      ...firstCourseEvents(),
      pregnancyTest('2026-03-01', { id: 'pending', result: 'unknown' }),
      { id: 'stop', kind: 'course_stopped', on: date('2026-03-02'), reason: 'patient_decision' },
    ];
    const start = (events: ProgramEvent[]): Decision => decide(aUsCase({ events, action: { kind: 'start_course', at: at('2026-06-01'), prescriberId: 'dr-1' } }));
    expect(codes(start(previous))).toEqual(['pregnancy_test_result_unknown']);
    const resolved = previous.map((e) => (e.id === 'pending' ? pregnancyTest('2026-03-01', { id: 'pending', result: 'invalid' }) : e));
    expect(start(resolved).outcome).toBe('allowed');
  });
});

describe('DECISION-RISK-CHANGE: a change to "can get pregnant" restarts the full sequence', () => {
  it('restarts it even when the change is recorded on the day of a dispense (no monthly shortcut)', () => {
    const events: ProgramEvent[] = [
      ...enrolledWithCourse('2026-01-05', { canGetPregnant: false }),
      { id: 'visit', kind: 'office_visit', on: date('2026-02-10') },
      { id: 'counsel', kind: 'counselling', on: date('2026-02-10') },
      prescription('2026-02-10'),
      authorization('rx-2026-02-10', at('2026-02-10', '09:00'), '2026-03-11'),
      dispenseEvent('auth-rx-2026-02-10', at('2026-02-10', '10:00')),
      { id: 'change', kind: 'risk_category_changed', on: date('2026-02-10'), assessment: { category: 'can_get_pregnant', basis: [] } },
      ...twoMethods('2026-02-10'),
      pregnancyTest('2026-03-09'),
      questions('2026-03-09'),
      prescription('2026-03-09'),
    ];
    const d = decide(aUsCase({ patient: aPatientWhoCannotGetPregnant(), events, action: issueAuthorization('rx-2026-03-09', at('2026-03-09', '15:00')) }));
    // the 2026-03-09 test is the new screening test: the confirmation follows 19 days later
    expect(codes(d)).toEqual(['confirmation_test_missing', 'comprehension_questions_not_done']);
    expect(earliest(d, 'confirmation_test_missing')).toBe('2026-03-28');
  });
});

describe('DECISION-SECOND-COURSE at the dispense', () => {
  const secondCourse: ProgramEvent[] = [
    ...firstCourseEvents(),
    authorization('rx-2026-02-05', at('2026-02-06', '09:00'), '2026-02-11'),
    { id: 'stop', kind: 'course_stopped', on: date('2026-02-07'), reason: 'patient_decision' },
    { id: 'course-2', kind: 'course_started', on: date('2026-02-08') },
  ];

  it('refuses to dispense an authorization of a stopped course once a new course has started', () => {
    const d = decide(aUsCase({ events: secondCourse, action: dispenseAction(dispenseEvent('auth-rx-2026-02-05', at('2026-02-09', '15:00'))) }));
    expect(codes(d)).toEqual(['authorization_from_previous_course']);
    expect(d.unmet[0]?.ruleId).toBe('DECISION-SECOND-COURSE');
  });

  it('refuses it as well for a patient who cannot get pregnant', () => {
    const events: ProgramEvent[] = [
      ...enrolledWithCourse('2026-01-05', { canGetPregnant: false }),
      { id: 'visit', kind: 'office_visit', on: date('2026-02-01') },
      { id: 'counsel', kind: 'counselling', on: date('2026-02-01') },
      prescription('2026-02-01'),
      authorization('rx-2026-02-01', at('2026-02-02'), '2026-03-02'),
      { id: 'stop', kind: 'course_stopped', on: date('2026-02-03'), reason: 'adverse_effect' },
      { id: 'course-2', kind: 'course_started', on: date('2026-02-10') },
    ];
    const d = dispenseEvent('auth-rx-2026-02-01', at('2026-02-11', '15:00'));
    expect(codes(decide(aUsCase({ patient: aPatientWhoCannotGetPregnant(), events, action: dispenseAction(d) })))).toEqual(['authorization_from_previous_course']);
  });
});

describe('US7, DECISION 2 and DECISION 5 across time zones, DST and month ends (pinned)', () => {
  const honolulu = 'Pacific/Honolulu';
  /** A first course whose confirmation specimen is collected at `time` local time on 2026-02-05. */
  const localCourse = (zone: string, time: string): ProgramEvent[] => [
    ...enrolledWithCourse('2026-01-05'),
    ...twoMethods('2026-01-05'),
    pregnancyTest('2026-01-05', { purpose: 'screening' }),
    pregnancyTest('2026-02-05', { purpose: 'confirmation', collectedAt: at('2026-02-05', time, zone) }),
    questions('2026-02-06'),
    prescription('2026-02-05'),
  ];
  const authorizeIn = (zone: string, time: string, day: string, when: string): Decision =>
    decide(aUsCase({ clinic: aClinic({ timeZone: zone }), events: localCourse(zone, time), action: issueAuthorization('rx-2026-02-05', at(day, when, zone)) }));

  it('counts Day 1 as the Honolulu day of a late-evening specimen (already the next day in New York) and closes at 23:59:59 New York time', () => {
    // 21:30 HST on 2026-02-05 is 02:30 EST on 2026-02-06: Day 1 stays 2026-02-05, Day 7 is 2026-02-11
    const allowed = authorizeIn(honolulu, '21:30', '2026-02-11', '18:59');
    expect(allowed.window).toEqual({
      firstInstant: '2026-02-11T23:59:00-05:00[America/New_York]',
      lastInstant: '2026-02-11T23:59:59-05:00[America/New_York]',
      lastDayToCollect: '2026-02-11',
    });
    // 19:01 HST on Day 7 is already 00:01 EST on Day 8
    expect(codes(authorizeIn(honolulu, '21:30', '2026-02-11', '19:01'))).toContain('test_window_closed');
  });

  it('counts Day 1 as the local specimen day even where New York is still on the previous day (Guam)', () => {
    // 08:00 ChST on 2026-02-05 is 17:00 EST on 2026-02-04; Day 1 is the day the specimen was collected there
    const d = authorizeIn('Pacific/Guam', '08:00', '2026-02-12', '10:00');
    expect(d.window?.lastDayToCollect).toBe('2026-02-11');
    expect(d.window?.lastInstant).toBe('2026-02-11T23:59:59-05:00[America/New_York]');
    expect(codes(authorizeIn('Pacific/Guam', '08:00', '2026-02-12', '15:01'))).toContain('test_window_closed');
  });

  it('judges a Los Angeles specimen collected late on the eve of E by the 2021 pack (its own day), while New York is already on E', () => {
    const la = 'America/Los_Angeles';
    const d = decide(
      aUsCase({
        clinic: aClinic({ timeZone: la }),
        events: enrolledWithCourse('2026-07-01'),
        action: { kind: 'record_pregnancy_test', at: at('2026-08-07', '23:00', la), test: testFacts('2026-08-07', { id: 'late', purpose: 'screening', collectedAt: at('2026-08-07', '22:00', la) }) },
      }),
    );
    expect(d.pack.id).toBe('us-ipledge-2021');
    expect(d.actionDate).toBe('2026-08-07');
  });

  it('runs a window over a month end: specimen 2026-01-28, last day 2026-02-03', () => {
    const events = firstCourseEvents('2025-12-20', '2026-01-28');
    expect(decide(aUsCase({ events, action: issueAuthorization('rx-2026-01-28', at('2026-02-03', '23:59')) })).window?.lastDayToCollect).toBe('2026-02-03');
    expect(codes(decide(aUsCase({ events, action: issueAuthorization('rx-2026-01-28', at('2026-02-04', '00:00')) })))).toContain('test_window_closed');
  });

  it('counts 19 days in calendar days across the spring-forward change (18 blocked, 19 allowed)', () => {
    const sequence = (confirmation: string): Decision =>
      decide(
        aUsCase({
          events: [...enrolledWithCourse('2026-02-01'), ...twoMethods('2026-01-01'), pregnancyTest('2026-02-25', { purpose: 'screening' }), pregnancyTest(confirmation), questions(confirmation), prescription(confirmation)],
          action: issueAuthorization(`rx-${confirmation}`, at(confirmation, '15:00')),
        }),
      );
    expect(earliest(sequence('2026-03-15'), 'confirmation_test_missing')).toBe('2026-03-16');
    expect(sequence('2026-03-16').outcome).toBe('allowed');
  });
});

describe('DECISION 9: the earliest confirmation day is max(screening + 19 days, contraception start + 1 calendar month)', () => {
  const withScreening = (screening: string, methodsFrom: string, today: string): Decision =>
    decide(
      aUsCase({
        events: [...enrolledWithCourse('2025-11-01'), ...twoMethods(methodsFrom), pregnancyTest(screening, { purpose: 'screening' }), prescription(today)],
        action: issueAuthorization(`rx-${today}`, at(today, '15:00')),
      }),
    );

  it('takes the month of two methods when it ends later (methods 2026-01-20, screening 2026-01-10: 2026-02-20)', () => {
    expect(earliest(withScreening('2026-01-10', '2026-01-20', '2026-01-21'), 'confirmation_test_missing')).toBe('2026-02-20');
  });

  it('takes screening + 19 days when it ends later (methods 2025-12-01, screening 2026-01-10: 2026-01-29)', () => {
    expect(earliest(withScreening('2026-01-10', '2025-12-01', '2026-01-11'), 'confirmation_test_missing')).toBe('2026-01-29');
  });

  it('clamps the month at a month end (methods 2026-01-31: 2026-02-28)', () => {
    expect(earliest(withScreening('2026-01-31', '2026-01-31', '2026-02-01'), 'confirmation_test_missing')).toBe('2026-02-28');
  });
});

describe('US5 and section 2: what counts as two methods (pinned)', () => {
  const withMethods = (methods: Parameters<typeof twoMethods>[1]): Decision =>
    decide(
      aUsCase({
        events: [...firstCourseEvents().filter((e) => e.kind !== 'contraception_started'), ...twoMethods('2026-01-05', methods)],
        action: issueAuthorization('rx-2026-02-05', at('2026-02-06')),
      }),
    );

  it('does not count the mini-pill as the second method either (IUD + mini-pill is one method)', () => {
    expect(codes(withMethods(['iud_hormonal', 'progestin_only_pill']))).toContain('two_methods_not_in_use');
  });

  it('counts two primary methods, and a primary method with a diaphragm, cervical cap or sponge with spermicide', () => {
    expect(withMethods(['implant', 'partner_vasectomy']).outcome).toBe('allowed');
    expect(withMethods(['vaginal_ring', 'diaphragm_with_spermicide']).outcome).toBe('allowed');
    expect(withMethods(['patch', 'cervical_cap_with_spermicide']).outcome).toBe('allowed');
    expect(withMethods(['injection', 'vaginal_sponge_with_spermicide']).outcome).toBe('allowed');
  });

  it('does not count a non-latex or female condom as a secondary method', () => {
    expect(codes(withMethods(['combined_oral_pill', 'male_condom_non_latex']))).toContain('two_methods_not_in_use');
    expect(codes(withMethods(['combined_oral_pill', 'female_condom']))).toContain('two_methods_not_in_use');
  });
});

describe('Section 2: who cannot get pregnant in the US (pinned)', () => {
  const authorizeWith = (basis: RiskBasis[]): Decision =>
    decide(
      aUsCase({
        patient: aPatientWhoCannotGetPregnant({ risk: { ...CANNOT_GET_PREGNANT, basis } }),
        events: [
          ...enrolledWithCourse('2026-01-05', { canGetPregnant: false }),
          { id: 'visit', kind: 'office_visit', on: date('2026-02-01') },
          { id: 'counsel', kind: 'counselling', on: date('2026-02-01') },
          prescription('2026-02-01'),
        ],
        action: issueAuthorization('rx-2026-02-01', at('2026-02-02')),
      }),
    );

  it('accepts 12 consecutive months after menopause, not 11', () => {
    expect(authorizeWith([{ kind: 'post_menopausal', consecutiveMonths: 12 }]).outcome).toBe('allowed');
    expect(codes(authorizeWith([{ kind: 'post_menopausal', consecutiveMonths: 11 }]))).toEqual(['risk_category_basis_insufficient']);
  });

  it('accepts a total hysterectomy (or hysterectomy with bilateral oophorectomy), not a hysterectomy or an oophorectomy alone', () => {
    expect(authorizeWith([{ kind: 'total_hysterectomy' }]).outcome).toBe('allowed');
    expect(authorizeWith([{ kind: 'hysterectomy' }, { kind: 'bilateral_oophorectomy' }]).outcome).toBe('allowed');
    expect(codes(authorizeWith([{ kind: 'hysterectomy' }]))).toEqual(['risk_category_basis_insufficient']);
    expect(codes(authorizeWith([{ kind: 'bilateral_oophorectomy' }]))).toEqual(['risk_category_basis_insufficient']);
  });

  it('does not accept pre-menarche, nor tubal ligation with another insufficient basis (blocked, not an input error)', () => {
    expect(codes(authorizeWith([{ kind: 'pre_menarche' }]))).toEqual(['risk_category_basis_insufficient']);
    expect(codes(authorizeWith([{ kind: 'tubal_ligation' }, { kind: 'pre_menarche' }]))).toEqual(['risk_category_basis_insufficient']);
  });

  it('needs a confirmation by the prescriber or a health professional, not the patient’s report', () => {
    const d = decide(
      aUsCase({
        patient: aPatientWhoCannotGetPregnant({ risk: { ...CANNOT_GET_PREGNANT, confirmedBy: 'patient_report' } }),
        events: [...enrolledWithCourse('2026-01-05', { canGetPregnant: false }), { id: 'visit', kind: 'office_visit', on: date('2026-02-01') }, { id: 'counsel', kind: 'counselling', on: date('2026-02-01') }, prescription('2026-02-01')],
        action: issueAuthorization('rx-2026-02-01', at('2026-02-02')),
      }),
    );
    expect(codes(d)).toEqual(['risk_category_unconfirmed']);
  });
});

describe('US2: certification dates (pinned)', () => {
  it('needs the prescriber certified on the authorization day: certified that day allowed, the day after blocked', () => {
    const certifiedOn = (day: string): Decision =>
      decide(
        aUsCase({
          events: firstCourseEvents().map((e) => (e.id === 'cert-dr-1' ? { id: 'cert-dr-1', kind: 'prescriber_certified' as const, on: date(day), prescriberId: 'dr-1' } : e)),
          action: issueAuthorization('rx-2026-02-05', at('2026-02-06')),
        }),
      );
    expect(certifiedOn('2026-02-06').outcome).toBe('allowed');
    expect(codes(certifiedOn('2026-02-07'))).toEqual(['prescriber_not_certified']);
  });

  it('refuses a dispense by a pharmacy whose certification ended the day before', () => {
    const events = [
      ...firstCourseEvents().map((e) => (e.id === 'cert-ph-1' ? { id: 'cert-ph-1', kind: 'pharmacy_certified' as const, on: date('2021-01-01'), pharmacyId: 'ph-1', until: date('2026-02-06') } : e)),
      authorization('rx-2026-02-05', at('2026-02-06', '09:00'), '2026-02-11'),
    ];
    const on = (day: string): Decision => decide(aUsCase({ events, action: dispenseAction(dispenseEvent('auth-rx-2026-02-05', at(day, '15:00'))) }));
    expect(on('2026-02-06').outcome).toBe('allowed');
    expect(codes(on('2026-02-07'))).toEqual(['pharmacy_not_certified']);
  });
});

describe('US14: nothing is allowed after a positive test until the course is stopped or the patient re-qualified (pinned)', () => {
  const positive = pregnancyTest('2026-02-06', { id: 'positive', result: 'positive', time: '08:00' });
  const events = [...firstCourseEvents(), positive];
  const actions: Array<[string, ProgramCase['action']]> = [
    ['writing a prescription', { kind: 'write_prescription', at: at('2026-02-06', '12:00'), prescription: { ...prescription('2026-02-06', { id: 'rx-new' }) } }],
    ['recording a negative test', { kind: 'record_pregnancy_test', at: at('2026-02-06', '12:00'), test: testFacts('2026-02-06', { id: 'negative', time: '11:00' }) }],
    ['closing the course as complete', { kind: 'finish_course', at: at('2026-02-06', '12:00') }],
    ['enrolling again', { kind: 'enroll', at: at('2026-02-06', '12:00'), prescriberId: 'dr-1' }],
  ];
  it.each(actions)('blocks %s and shows the US14 steps', (_name, action) => {
    const d = decide(aUsCase({ events, action }));
    expect(codes(d)).toContain('positive_pregnancy_test');
    expect(d.nextSteps.map((s) => s.code)).toEqual(expect.arrayContaining(['stop_drug_now', 'reverse_open_authorizations', 'refer_to_ob_gyn', 'report_pregnancy']));
  });

  it('blocks starting a new course until the course is stopped', () => {
    const stopped = [...events, { id: 'stop', kind: 'course_stopped', on: date('2026-02-06'), reason: 'pregnancy' } as const];
    const start = (facts: ProgramEvent[]): Decision => decide(aUsCase({ events: facts, action: { kind: 'start_course', at: at('2026-02-07'), prescriberId: 'dr-1' } }));
    expect(codes(start(events))).toEqual(expect.arrayContaining(['positive_pregnancy_test', 'course_already_open']));
    expect(start(stopped).outcome).toBe('allowed');
  });
});
