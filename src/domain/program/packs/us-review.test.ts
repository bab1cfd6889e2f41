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
import {
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
