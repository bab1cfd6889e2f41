import { describe, expect, it } from 'vitest';
import { date } from '../../calendar/index.js';
import { DomainInputError } from '../../errors.js';
import type { Decision } from '../decision.js';
import type { ProgramEvent } from '../events.js';
import type { ProgramCase } from '../program-case.js';
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
const decide = (c: ProgramCase): Decision => decideProgramCase(c);
const firstAuth = (when = at('2026-02-06'), events: ProgramEvent[] = firstCourseEvents()): ProgramCase =>
  aUsCase({ events, action: issueAuthorization('rx-2026-02-05', when) });
const without = (events: ProgramEvent[], id: string): ProgramEvent[] => events.filter((e) => e.id !== id);
const replace = (events: ProgramEvent[], id: string, next: ProgramEvent): ProgramEvent[] => events.map((e) => (e.id === id ? next : e));

/** First dispense on 2026-02-06, then a monthly test on 2026-03-06 and a new prescription. */
function secondMonthEvents(test = pregnancyTest('2026-03-06'), extra: ProgramEvent[] = []): ProgramEvent[] {
  return [
    ...firstCourseEvents(),
    authorization('rx-2026-02-05', at('2026-02-06'), '2026-02-11'),
    dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '15:00')),
    { id: 'first-dose', kind: 'first_dose', on: date('2026-02-06') },
    test,
    questions('2026-03-06'),
    prescription('2026-03-06'),
    ...extra,
  ];
}
const secondAuth = (when = at('2026-03-07'), events = secondMonthEvents()): ProgramCase =>
  aUsCase({ events, action: issueAuthorization('rx-2026-03-06', when) });

describe('us-ipledge-2021: the pack in force', () => {
  it('is chosen for a US action before the modification date E', () => {
    expect(decide(firstAuth()).pack).toEqual({ id: 'us-ipledge-2021', version: '1.0.0', jurisdiction: 'US', zone: 'America/New_York' });
  });

  it('allows the first authorization of a complete sequence with a window ending on Day 7 (DND date)', () => {
    const d = decide(firstAuth());
    expect(d.outcome).toBe('allowed');
    expect(d.unmet).toEqual([]);
    expect(d.window).toEqual({
      firstInstant: '2026-02-06T10:00:00-05:00[America/New_York]',
      lastInstant: '2026-02-11T23:59:59-05:00[America/New_York]',
      lastDayToCollect: '2026-02-11',
    });
    expect(d.nextSteps.map((s) => s.who)).toEqual(['pharmacy', 'patient', 'pharmacy']);
  });
});

describe('US1 and DECISION 7: supply and refills', () => {
  it('allows exactly a 30-day supply (60 x 20 mg at 40 mg/day)', () => {
    expect(decide(firstAuth()).outcome).toBe('allowed');
  });

  it('blocks a 30.5-day supply (61 x 20 mg at 40 mg/day), comparing exactly', () => {
    const events = replace(firstCourseEvents(), 'rx-2026-02-05', prescription('2026-02-05', { quantity: 61 }));
    expect(codes(decide(firstAuth(at('2026-02-06'), events)))).toEqual(['days_supply_over_30']);
  });

  it('refuses a prescription written with a refill (DECISION 7) but accepts one without', () => {
    const write = (refills: number): Decision =>
      decide(aUsCase({ events: firstCourseEvents(), action: { kind: 'write_prescription', at: at('2026-02-05', '11:00'), prescription: { ...prescription('2026-02-05', { id: 'rx-new', refills }) } } }));
    expect(codes(write(1))).toEqual(['refills_not_allowed']);
    expect(write(1).unmet[0]?.ruleId).toBe('DECISION-7');
    expect(write(0).outcome).toBe('allowed');
  });

  it('refuses a second dispense against the same prescription (DECISION 7)', () => {
    const events = [
      ...firstCourseEvents(),
      authorization('rx-2026-02-05', at('2026-02-06'), '2026-02-11'),
      dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '15:00')),
    ];
    expect(codes(decide(firstAuth(at('2026-02-07'), events)))).toContain('prescription_already_dispensed');
  });
});

describe('US2: certification, activation and enrollment', () => {
  it('blocks when the prescriber is not certified, or the certification ended before the action', () => {
    const uncertified = without(firstCourseEvents(), 'cert-dr-1');
    expect(codes(decide(firstAuth(at('2026-02-06'), uncertified)))).toEqual(['prescriber_not_certified']);
    const ended = replace(firstCourseEvents(), 'cert-dr-1', { id: 'cert-dr-1', kind: 'prescriber_certified', on: date('2021-01-01'), prescriberId: 'dr-1', until: date('2026-02-05') });
    expect(codes(decide(firstAuth(at('2026-02-06'), ended)))).toEqual(['prescriber_not_certified']);
  });

  it('blocks a patient who is not enrolled', () => {
    expect(codes(decide(firstAuth(at('2026-02-06'), without(firstCourseEvents(), 'enrollment'))))).toEqual(['patient_not_enrolled']);
  });

  it('accepts a pharmacy activation through the day before its anniversary and refuses it on the anniversary', () => {
    const dispenseOn = (day: string): Decision => {
      const events = [
        ...replace(firstCourseEvents(), 'act-ph-1-2026-01-05', { id: 'act', kind: 'pharmacy_activated', on: date('2025-02-06'), pharmacyId: 'ph-1' }),
        authorization('rx-2026-02-05', at('2026-02-05', '12:00'), '2026-02-11'),
      ];
      const d = dispenseEvent('auth-rx-2026-02-05', at(day, '15:00'), { dndDate: date('2026-02-11') });
      return decide(aUsCase({ events, action: { kind: 'dispense', at: d.at, dispense: { ...d } } }));
    };
    expect(dispenseOn('2026-02-05').outcome).toBe('allowed');
    expect(codes(dispenseOn('2026-02-06'))).toEqual(['pharmacy_activation_expired']);
  });

  it('refuses a pharmacy that is not certified', () => {
    const events = [...without(firstCourseEvents(), 'cert-ph-1'), authorization('rx-2026-02-05', at('2026-02-06'), '2026-02-11')];
    const d = dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '15:00'));
    expect(codes(decide(aUsCase({ events, action: { kind: 'dispense', at: d.at, dispense: { ...d } } })))).toEqual(['pharmacy_not_certified']);
  });
});

describe('US3 and DECISION 3: screening, confirmation 19 days later, sensitivity', () => {
  const withConfirmation = (day: string): ProgramEvent[] => [
    ...enrolledWithCourse('2026-01-01'),
    ...twoMethods('2025-12-01'),
    pregnancyTest('2026-01-01', { purpose: 'screening' }),
    pregnancyTest(day, { purpose: 'confirmation' }),
    questions(day),
    prescription(day),
  ];
  const auth = (day: string): Decision => decide(aUsCase({ events: withConfirmation(day), action: issueAuthorization(`rx-${day}`, at(day, '15:00')) }));

  it('blocks a confirmation test 18 days after screening and names the earliest day (day 19)', () => {
    const d = auth('2026-01-19');
    expect(codes(d)).toEqual(['confirmation_test_missing', 'comprehension_questions_not_done']);
    expect(d.unmet[0]?.earliestDate).toBe('2026-01-20');
  });

  it('allows a confirmation test exactly 19 days after screening', () => {
    expect(auth('2026-01-20').outcome).toBe('allowed');
  });

  it('blocks when there is no screening test, and treats a lone test as the screening test', () => {
    const none = without(without(firstCourseEvents(), 'test-2026-01-05'), 'test-2026-02-05');
    expect(codes(decide(firstAuth(at('2026-02-06'), none)))).toContain('screening_test_missing');
    const lone = decide(firstAuth(at('2026-02-06'), without(firstCourseEvents(), 'test-2026-01-05')));
    expect(codes(lone)).toContain('confirmation_test_missing');
    expect(lone.unmet.find((u) => u.code === 'confirmation_test_missing')?.earliestDate).toBe('2026-02-24');
  });

  it('accepts a test that detects 25 mIU/mL and refuses one that detects only 26', () => {
    const judge = (sensitivity: number): Decision =>
      decide(aUsCase({ events: without(firstCourseEvents(), 'test-2026-02-05'), action: { kind: 'record_pregnancy_test', at: at('2026-02-05', '12:00'), test: testFacts('2026-02-05', { id: 'new', purpose: 'confirmation', sensitivityMiuPerMl: sensitivity }) } }));
    expect(judge(25).outcome).toBe('allowed');
    expect(judge(20).outcome).toBe('allowed');
    expect(codes(judge(26))).toEqual(['test_sensitivity_insufficient']);
  });
});

describe('US4, US5 and DECISION 1: two methods for one calendar month', () => {
  const sequence = (methodsFrom: string, confirmation: string): Decision =>
    decide(
      aUsCase({
        events: [
          ...enrolledWithCourse('2026-01-01'),
          ...twoMethods(methodsFrom),
          pregnancyTest('2026-01-01', { purpose: 'screening' }),
          pregnancyTest(confirmation, { purpose: 'confirmation' }),
          questions(confirmation),
          prescription(confirmation),
        ],
        action: issueAuthorization(`rx-${confirmation}`, at(confirmation, '15:00')),
      }),
    );

  it('counts contraception started 2026-01-10 as one month old on 2026-02-10, not 2026-02-09', () => {
    expect(codes(sequence('2026-01-10', '2026-02-09'))).toContain('confirmation_test_missing');
    expect(sequence('2026-01-10', '2026-02-09').unmet[0]?.earliestDate).toBe('2026-02-10');
    expect(sequence('2026-01-10', '2026-02-10').outcome).toBe('allowed');
  });

  it('counts 31 January + 1 month as 28 February', () => {
    expect(codes(sequence('2026-01-31', '2026-02-27'))).toContain('confirmation_test_missing');
    expect(sequence('2026-01-31', '2026-02-28').outcome).toBe('allowed');
  });

  it('does not count the mini-pill as a primary method, nor two secondary methods as two methods', () => {
    const withMethods = (methods: Parameters<typeof twoMethods>[1]): Decision =>
      decide(firstAuth(at('2026-02-06'), [...without(without(firstCourseEvents(), 'iud_copper-2026-01-05'), 'male_latex_condom-2026-01-05'), ...twoMethods('2026-01-05', methods)]));
    expect(codes(withMethods(['progestin_only_pill', 'male_latex_condom']))).toContain('two_methods_not_in_use');
    expect(codes(withMethods(['male_latex_condom', 'diaphragm_with_spermicide']))).toContain('two_methods_not_in_use');
    expect(withMethods(['combined_oral_pill', 'male_latex_condom']).outcome).toBe('allowed');
  });

  it('accepts a documented commitment to abstinence and warns the prescriber', () => {
    const events = [
      ...without(without(firstCourseEvents(), 'iud_copper-2026-01-05'), 'male_latex_condom-2026-01-05'),
      { id: 'abstinence', kind: 'abstinence_committed', on: date('2026-01-05') } as const,
    ];
    const d = decide(firstAuth(at('2026-02-06'), events));
    expect(d.outcome).toBe('allowed');
    expect(d.warnings.map((w) => w.code)).toEqual(['abstinence_chosen']);
  });

  it('blocks the next month when a method was stopped during treatment', () => {
    const events = secondMonthEvents(pregnancyTest('2026-03-06'), [{ id: 'stop', kind: 'contraception_stopped', on: date('2026-03-06'), method: 'iud_copper' }]);
    expect(codes(decide(secondAuth(at('2026-03-07'), events)))).toContain('two_methods_not_in_use');
  });
});

describe('US6: monthly test, comprehension questions, prescription after the test', () => {
  it('allows the second month with a new negative test, questions and a new prescription', () => {
    const d = decide(secondAuth());
    expect(d.outcome).toBe('allowed');
    expect(d.window?.lastDayToCollect).toBe('2026-03-12');
  });

  it('blocks when the questions are missing, unanswered (DECISION 8) or answered incorrectly', () => {
    expect(codes(decide(firstAuth(at('2026-02-06'), without(firstCourseEvents(), 'questions-2026-02-05-12:00'))))).toEqual(['comprehension_questions_not_done']);
    const unanswered = replace(firstCourseEvents(), 'questions-2026-02-05-12:00', questions('2026-02-05', '12:00', 'unanswered'));
    expect(decide(firstAuth(at('2026-02-06'), unanswered)).unmet.map((u) => [u.code, u.ruleId])).toEqual([['comprehension_questions_unanswered', 'DECISION-8']]);
    const wrong = replace(firstCourseEvents(), 'questions-2026-02-05-12:00', questions('2026-02-05', '12:00', 'incorrect'));
    expect(codes(decide(firstAuth(at('2026-02-06'), wrong)))).toEqual(['comprehension_questions_incorrect']);
  });

  it('blocks a prescription written before the qualifying test', () => {
    const events = replace(firstCourseEvents(), 'rx-2026-02-05', prescription('2026-02-04', { id: 'rx-2026-02-05' }));
    expect(codes(decide(firstAuth(at('2026-02-06'), events)))).toEqual(['prescription_before_test']);
  });

  it('needs a new test after the last dispense: last month’s test does not qualify a new prescription', () => {
    const events = secondMonthEvents(pregnancyTest('2026-02-05', { id: 'dup' })).filter((e) => e.id !== 'dup');
    const noNewTest = decide(aUsCase({ events: [...events, prescription('2026-02-07', { id: 'rx-x' })], action: issueAuthorization('rx-x', at('2026-02-08')) }));
    expect(codes(noNewTest)).toContain('monthly_test_missing');
  });
});

describe('US7, DECISION 2 and DECISION 5: the 7-day window closes 23:59 New York time', () => {
  it('allows on Day 7 at 23:59 and blocks on Day 8 at 00:01 (New York)', () => {
    expect(decide(firstAuth(at('2026-02-11', '23:59'))).outcome).toBe('allowed');
    expect(codes(decide(firstAuth(at('2026-02-12', '00:01'))))).toContain('test_window_closed');
  });

  it('counts Day 1 in the clinic zone and still closes at 23:59 New York time (Los Angeles clinic)', () => {
    const la = 'America/Los_Angeles';
    const events = [
      ...enrolledWithCourse('2026-01-05'),
      ...twoMethods('2026-01-05'),
      pregnancyTest('2026-01-05', { purpose: 'screening' }),
      pregnancyTest('2026-02-05', { purpose: 'confirmation', collectedAt: at('2026-02-05', '21:30', la) }),
      questions('2026-02-06'),
      prescription('2026-02-05'),
    ];
    const clinic = aClinic({ timeZone: la });
    const judge = (when: ReturnType<typeof at>): Decision => decide(aUsCase({ clinic, events, action: issueAuthorization('rx-2026-02-05', when) }));
    expect(judge(at('2026-02-11', '20:59', la)).window?.lastDayToCollect).toBe('2026-02-11');
    expect(codes(judge(at('2026-02-11', '21:01', la)))).toContain('test_window_closed');
  });

  it('closes at 23:59 EDT when Day 7 is the spring-forward day 2026-03-08', () => {
    const events = firstCourseEvents('2026-01-20', '2026-03-02');
    const judge = (day: string, time: string): Decision => decide(aUsCase({ events, action: issueAuthorization('rx-2026-03-02', at(day, time)) }));
    const allowed = judge('2026-03-08', '23:59');
    expect(allowed.outcome).toBe('allowed');
    expect(allowed.window?.lastInstant).toBe('2026-03-08T23:59:59-04:00[America/New_York]');
    expect(judge('2026-03-09', '00:01').outcome).toBe('blocked');
  });
});

describe('US8 and US9: missed windows', () => {
  it('lets a later month restart at once with a new test (US8)', () => {
    const events = secondMonthEvents(pregnancyTest('2026-03-06'));
    expect(codes(decide(secondAuth(at('2026-03-13', '09:00'), events)))).toContain('test_window_closed');
    const retest = [...events, pregnancyTest('2026-03-14'), questions('2026-03-14'), prescription('2026-03-14')];
    expect(decide(aUsCase({ events: retest, action: issueAuthorization('rx-2026-03-14', at('2026-03-14', '15:00')) })).outcome).toBe('allowed');
  });

  it('locks out for 19 days after a missed first window: day 18 does not count, day 19 does (US9)', () => {
    const repeat = (day: string): Decision =>
      decide(aUsCase({ events: [...firstCourseEvents(), pregnancyTest(day), questions(day), prescription(day)], action: issueAuthorization(`rx-${day}`, at(day, '15:00')) }));
    const early = repeat('2026-02-23');
    expect(codes(early)).toEqual(['test_window_closed', 'repeat_test_during_lockout', 'comprehension_questions_not_done']);
    expect(early.unmet[0]?.earliestDate).toBe('2026-02-24');
    expect(repeat('2026-02-24').outcome).toBe('allowed');
  });
});

describe('US10: patients who cannot get pregnant (2021)', () => {
  const cannot = (visit: string, pickup: string, extra: ProgramEvent[] = []): Decision =>
    decide(
      aUsCase({
        patient: aPatientWhoCannotGetPregnant(),
        events: [
          ...enrolledWithCourse('2026-01-05', { canGetPregnant: false }),
          { id: 'visit', kind: 'office_visit', on: date(visit) },
          { id: 'counsel', kind: 'counselling', on: date(visit) },
          prescription(visit),
          ...extra,
        ],
        action: issueAuthorization(`rx-${visit}`, at(pickup)),
      }),
    );

  it('allows pickup on day 30 of the office visit window and blocks it on day 31', () => {
    const d = cannot('2026-02-01', '2026-03-02');
    expect(d.outcome).toBe('allowed');
    expect(d.window?.lastDayToCollect).toBe('2026-03-02');
    expect(codes(cannot('2026-02-01', '2026-03-03'))).toEqual(['office_visit_window_closed']);
  });

  it('needs counselling documented each month (since the office visit)', () => {
    const d = decide(
      aUsCase({
        patient: aPatientWhoCannotGetPregnant(),
        events: [...enrolledWithCourse('2026-01-05', { canGetPregnant: false }), { id: 'visit', kind: 'office_visit', on: date('2026-02-01') }, prescription('2026-02-01')],
        action: issueAuthorization('rx-2026-02-01', at('2026-02-02')),
      }),
    );
    expect(codes(d)).toEqual(['monthly_counselling_missing']);
  });

  it('needs no pregnancy test or questions', () => {
    expect(cannot('2026-02-01', '2026-02-02').unmet).toEqual([]);
  });
});

describe('US11: where tests are done (2021)', () => {
  const withConfirmationIn = (setting: 'home' | 'medical_setting', discretion: boolean): Decision => {
    const events = replace(firstCourseEvents(), 'test-2026-02-05', pregnancyTest('2026-02-05', { setting }));
    return decide(aUsCase({ clinic: aClinic({ settings: { enforcementDiscretionHomeTests: discretion } }), events, action: issueAuthorization('rx-2026-02-05', at('2026-02-06')) }));
  };

  it('refuses a home or non-CLIA test without the enforcement-discretion flag', () => {
    expect(codes(withConfirmationIn('home', false))).toContain('test_not_in_clia_lab');
    expect(codes(withConfirmationIn('medical_setting', false))).toContain('test_not_in_clia_lab');
  });

  it('accepts them under the enforcement-discretion flag, with a warning', () => {
    const d = withConfirmationIn('home', true);
    expect(d.outcome).toBe('allowed');
    expect(d.warnings.map((w) => w.code)).toEqual(['test_under_enforcement_discretion']);
  });
});

describe('US12: end of treatment', () => {
  const finish = (day: string, tests: ProgramEvent[]): Decision =>
    decide(
      aUsCase({
        events: [...secondMonthEvents(), { id: 'last', kind: 'last_dose', on: date('2026-03-31') }, ...tests],
        action: { kind: 'finish_course', at: at(day) },
      }),
    );

  it('lists the end-of-treatment and 30-day tests, contraception and blood-donation dates', () => {
    const d = finish('2026-04-01', []);
    expect(codes(d)).toEqual(['end_of_treatment_test_missing', 'post_treatment_test_missing', 'contraception_period_not_over', 'blood_donation_period_not_over']);
    expect(d.courseEnd).toEqual({
      lastDoseOn: '2026-03-31',
      endOfTreatmentTest: { from: '2026-03-24', by: '2026-04-07', done: false },
      postTreatmentTest: { from: '2026-04-30', done: false },
      contraceptionUntil: '2026-04-30',
      noBloodDonationUntil: '2026-04-30',
    });
  });

  it('does not count a post-treatment test 29 days after the last dose, and counts one at 30 days', () => {
    const end = pregnancyTest('2026-04-01', { purpose: 'end_of_treatment' });
    expect(codes(finish('2026-04-30', [end, pregnancyTest('2026-04-29', { purpose: 'post_treatment' })]))).toEqual(['post_treatment_test_missing']);
    expect(finish('2026-04-30', [end, pregnancyTest('2026-04-30', { purpose: 'post_treatment' })]).outcome).toBe('allowed');
  });

  it('judges a recorded post-treatment test by its day: 29 days too early, 30 days valid', () => {
    const record = (day: string): Decision =>
      decide(aUsCase({ events: [...secondMonthEvents(), { id: 'last', kind: 'last_dose', on: date('2026-03-31') }], action: { kind: 'record_pregnancy_test', at: at(day, '12:00'), test: testFacts(day, { id: 'post', purpose: 'post_treatment' }) } }));
    expect(codes(record('2026-04-29'))).toEqual(['post_treatment_test_too_early']);
    expect(record('2026-04-29').unmet[0]?.earliestDate).toBe('2026-04-30');
    expect(record('2026-04-30').outcome).toBe('allowed');
  });
});

describe('US13: pharmacy duties at each dispense', () => {
  const dispenseWith = (overrides: Parameters<typeof dispenseEvent>[2]): Decision => {
    const events = [...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-06'), '2026-02-11')];
    const d = dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '15:00'), overrides);
    return decide(aUsCase({ events, action: { kind: 'dispense', at: d.at, dispense: { ...d } } }));
  };

  it('allows a dispense with RMA, DND date, Medication Guide and the prescribed quantity', () => {
    expect(dispenseWith({}).outcome).toBe('allowed');
  });

  it('lists every missing pharmacy duty at once', () => {
    const d = dispenseWith({ rmaNumber: undefined, dndDate: undefined, medicationGuideGiven: undefined, quantity: 56 });
    expect(codes(d)).toEqual(['rma_missing', 'dnd_date_missing', 'medication_guide_not_given', 'quantity_mismatch']);
    expect(d.nextSteps.map((s) => s.who)).toContain('pharmacy');
  });

  it('refuses a dispense after the DND date at 23:59 New York time', () => {
    expect(codes(dispenseWith({ dndDate: date('2026-02-05') }))).toEqual(['dnd_date_passed']);
  });

  it('refuses a dispense after the authorization expired and asks for a reversal', () => {
    const events = [...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-06'), '2026-02-11')];
    const d = dispenseEvent('auth-rx-2026-02-05', at('2026-02-12', '00:01'), { dndDate: date('2026-02-12') });
    const decision = decide(aUsCase({ events, action: { kind: 'dispense', at: d.at, dispense: { ...d } } }));
    expect(codes(decision)).toEqual(['authorization_expired']);
    expect(decision.nextSteps[0]?.text).toMatch(/Reverse/);
  });
});

describe('US14: a positive pregnancy test at any stage', () => {
  const positiveAt = (day: string): ProgramEvent => pregnancyTest(day, { id: `pos-${day}`, result: 'positive', time: '08:00' });

  it('blocks the first authorization when the screening test was positive', () => {
    const events = replace(firstCourseEvents(), 'test-2026-01-05', pregnancyTest('2026-01-05', { result: 'positive' }));
    expect(codes(decide(firstAuth(at('2026-02-06'), events)))).toContain('positive_pregnancy_test');
  });

  it('blocks the first authorization when the confirmation test was positive', () => {
    const events = replace(firstCourseEvents(), 'test-2026-02-05', pregnancyTest('2026-02-05', { result: 'positive' }));
    const d = decide(firstAuth(at('2026-02-06'), events));
    expect(codes(d)).toContain('positive_pregnancy_test');
    expect(d.nextSteps.slice(0, 4).map((s) => s.code)).toEqual(['stop_drug_now', 'reverse_open_authorizations', 'refer_to_ob_gyn', 'report_pregnancy']);
  });

  it('blocks a monthly authorization after a positive monthly test, even with a later negative test', () => {
    const events = secondMonthEvents(pregnancyTest('2026-03-06'), [positiveAt('2026-03-06'), pregnancyTest('2026-03-07', { id: 'neg-after' })]);
    expect(codes(decide(secondAuth(at('2026-03-07', '15:00'), events)))).toContain('positive_pregnancy_test');
  });

  it('blocks a dispense and names the open authorization to reverse', () => {
    const events = [...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-06'), '2026-02-11'), positiveAt('2026-02-07')];
    const d = dispenseEvent('auth-rx-2026-02-05', at('2026-02-07', '15:00'));
    const decision = decide(aUsCase({ events, action: { kind: 'dispense', at: d.at, dispense: { ...d } } }));
    expect(codes(decision)).toEqual(['positive_pregnancy_test']);
    expect(decision.nextSteps.find((s) => s.code === 'reverse_open_authorizations')?.text).toContain('auth-rx-2026-02-05');
  });

  it('blocks when an end-of-treatment or post-treatment test is positive', () => {
    const base = [...secondMonthEvents(), { id: 'last', kind: 'last_dose', on: date('2026-03-31') } as const];
    const record = (day: string, purpose: 'end_of_treatment' | 'post_treatment'): Decision =>
      decide(aUsCase({ events: base, action: { kind: 'record_pregnancy_test', at: at(day, '12:00'), test: testFacts(day, { id: 'p', purpose, result: 'positive' }) } }));
    expect(codes(record('2026-04-01', 'end_of_treatment'))).toEqual(['positive_pregnancy_test']);
    expect(codes(record('2026-05-01', 'post_treatment'))).toEqual(['positive_pregnancy_test']);
  });

  it('blocks enrollment when the screening test is positive', () => {
    const events = [...enrolledWithCourse('2026-01-05').filter((e) => e.kind !== 'enrollment'), positiveAt('2026-01-05')];
    const d = decide(aUsCase({ events, action: { kind: 'enroll', at: at('2026-01-05', '12:00'), prescriberId: 'dr-1' } }));
    expect(codes(d)).toEqual(['positive_pregnancy_test']);
  });

  it('allows a new course after the course was recorded stopped for the pregnancy, and then the full sequence', () => {
    const stopped = [...secondMonthEvents(), positiveAt('2026-03-10'), { id: 'stop', kind: 'course_stopped', on: date('2026-03-10'), reason: 'pregnancy' } as const];
    expect(codes(decide(secondAuth(at('2026-03-11'), stopped)))).toContain('course_stopped');
    expect(decide(aUsCase({ events: stopped, action: { kind: 'start_course', at: at('2027-01-04'), prescriberId: 'dr-1' } })).outcome).toBe('allowed');
    const newCourse = [
      ...stopped,
      { id: 'course-2', kind: 'course_started', on: date('2027-01-04') } as const,
      pregnancyTest('2027-01-04', { purpose: 'screening' }),
      pregnancyTest('2027-02-04', { purpose: 'confirmation' }),
      questions('2027-02-04'),
      prescription('2027-02-04'),
    ];
    expect(decide(aUsCase({ events: newCourse, action: issueAuthorization('rx-2027-02-04', at('2027-02-05')) })).outcome).toBe('allowed');
  });

  it('lifts the block once the patient is re-qualified and a new negative test follows', () => {
    const events = secondMonthEvents(pregnancyTest('2026-03-05', { id: 'old' }), [
      positiveAt('2026-03-05'),
      { id: 'requalify', kind: 'requalified', at: at('2026-03-06', '08:00'), reason: 'false positive ruled out by quantitative serum hCG' },
    ]);
    expect(decide(secondAuth(at('2026-03-07'), events)).outcome).toBe('allowed');
  });
});

describe('DECISION 6: one open authorization per prescription, one dispense per authorization', () => {
  const issued = [...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-06'), '2026-02-11')];

  it('refuses a second authorization while the first is open and allows it after a reversal', () => {
    expect(codes(decide(firstAuth(at('2026-02-07'), issued)))).toEqual(['authorization_already_open']);
    const reversed = [...issued, { id: 'rev', kind: 'authorization_reversed', at: at('2026-02-07', '09:00'), authorizationId: 'auth-rx-2026-02-05' } as const];
    expect(decide(firstAuth(at('2026-02-07'), reversed)).outcome).toBe('allowed');
  });

  it('refuses a second dispense against the same authorization', () => {
    const events = [...issued, dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '15:00'))];
    const d = dispenseEvent('auth-rx-2026-02-05', at('2026-02-07', '15:00'), { id: 'second' });
    expect(codes(decide(aUsCase({ events, action: { kind: 'dispense', at: d.at, dispense: { ...d } } })))).toEqual(['authorization_already_used']);
  });
});

describe('DECISION 8: missing data never allows', () => {
  const missing: Array<[string, () => ProgramCase, string]> = [
    ['an unknown risk category', () => ({ ...firstAuth(), patient: { risk: { category: 'unknown', basis: [] } } }), 'risk_category_unknown'],
    ['an unconfirmed "cannot get pregnant"', () => ({ ...firstAuth(), patient: { risk: { ...CANNOT_GET_PREGNANT, confirmedBy: undefined } } }), 'risk_category_unconfirmed'],
    ['an unknown test result', () => firstAuth(at('2026-02-06'), [...firstCourseEvents(), pregnancyTest('2026-02-05', { id: 'pending', result: 'unknown', time: '07:00' })]), 'pregnancy_test_result_unknown'],
    ['an unknown test sensitivity', () => firstAuth(at('2026-02-06'), replace(firstCourseEvents(), 'test-2026-02-05', pregnancyTest('2026-02-05', { sensitivityMiuPerMl: undefined }))), 'test_sensitivity_unknown'],
    ['an unanswered question', () => firstAuth(at('2026-02-06'), replace(firstCourseEvents(), 'questions-2026-02-05-12:00', questions('2026-02-05', '12:00', 'unanswered'))), 'comprehension_questions_unanswered'],
    ['no contraception', () => firstAuth(at('2026-02-06'), firstCourseEvents().filter((e) => e.kind !== 'contraception_started')), 'two_methods_not_in_use'],
    ['no course', () => firstAuth(at('2026-02-06'), without(firstCourseEvents(), 'course-2026-01-05')), 'no_open_course'],
    ['no last dose at finish', () => aUsCase({ events: secondMonthEvents(), action: { kind: 'finish_course', at: at('2026-05-01') } }), 'last_dose_unknown'],
  ];
  it.each(missing)('blocks with %s', (_name, build, code) => {
    const d = decide(build());
    expect(d.outcome).toBe('blocked');
    expect(codes(d)).toContain(code);
  });
});

describe('DECISION 9: every unmet requirement, with rule id and earliest date', () => {
  it('lists all problems of a case at once', () => {
    const events = [
      ...without(without(firstCourseEvents(), 'enrollment'), 'cert-dr-1'),
      pregnancyTest('2026-02-05', { id: 'pending', result: 'unknown', time: '07:00' }),
    ].map((e) => (e.id === 'rx-2026-02-05' ? prescription('2026-02-05', { refills: 2, quantity: 90 }) : e));
    const d = decide(firstAuth(at('2026-02-06'), events));
    expect(codes(d)).toEqual(['patient_not_enrolled', 'prescriber_not_certified', 'days_supply_over_30', 'refills_not_allowed', 'pregnancy_test_result_unknown']);
    expect(d.unmet.every((u) => u.ruleId.length > 0 && u.staffMessage.length > 0 && u.patientMessage.length > 0)).toBe(true);
    expect(d.unmet.every((u) => u.earliestDate === '2026-02-06')).toBe(true);
  });
});

describe('DECISION-SECOND-COURSE and DECISION-RISK-CHANGE', () => {
  it('needs the full pre-treatment sequence again for a second course', () => {
    const events = [
      ...secondMonthEvents(),
      { id: 'stop', kind: 'course_stopped', on: date('2026-04-30'), reason: 'completed' } as const,
      { id: 'course-2', kind: 'course_started', on: date('2026-06-01') } as const,
      pregnancyTest('2026-06-02'),
      questions('2026-06-02'),
      prescription('2026-06-02'),
    ];
    const d = decide(aUsCase({ events, action: issueAuthorization('rx-2026-06-02', at('2026-06-02', '15:00')) }));
    expect(codes(d)).toContain('confirmation_test_missing');
    expect(d.unmet.find((u) => u.code === 'confirmation_test_missing')?.earliestDate).toBe('2026-06-21');
  });

  it('allows a new course only when the previous one is closed, with a warning about the full sequence', () => {
    const open = decide(aUsCase({ events: secondMonthEvents(), action: { kind: 'start_course', at: at('2026-05-01'), prescriberId: 'dr-1' } }));
    expect(codes(open)).toEqual(['course_already_open']);
    const closed = decide(aUsCase({ events: [...secondMonthEvents(), { id: 'stop', kind: 'course_stopped', on: date('2026-04-30'), reason: 'completed' }], action: { kind: 'start_course', at: at('2026-05-01'), prescriberId: 'dr-1' } }));
    expect(closed.outcome).toBe('allowed');
    expect(closed.warnings.map((w) => w.code)).toEqual(['second_course_full_sequence']);
  });

  it('restarts the pre-treatment sequence when the category changes from cannot to can get pregnant', () => {
    const events: ProgramEvent[] = [
      ...enrolledWithCourse('2026-01-05', { canGetPregnant: false }),
      { id: 'visit', kind: 'office_visit', on: date('2026-02-01') },
      prescription('2026-02-01'),
      { id: 'change', kind: 'risk_category_changed', on: date('2026-02-10'), assessment: { category: 'can_get_pregnant', basis: [] } },
      ...twoMethods('2026-02-10'),
      prescription('2026-02-11'),
    ];
    const d = decide(aUsCase({ patient: aPatientWhoCannotGetPregnant(), events, action: issueAuthorization('rx-2026-02-11', at('2026-02-11')) }));
    expect(codes(d)).toEqual(['screening_test_missing', 'confirmation_test_missing', 'comprehension_questions_not_done']);
    expect(d.warnings.map((w) => w.code)).toContain('risk_change_restarts_sequence');
  });
});

describe('input the engine cannot judge', () => {
  it('rejects "cannot get pregnant" based on tubal ligation alone, naming the field', () => {
    const c = { ...firstAuth(), patient: { risk: { category: 'cannot_get_pregnant' as const, basis: [{ kind: 'tubal_ligation' as const }], confirmedBy: 'prescriber' as const } } };
    expect(() => decide(c)).toThrow(DomainInputError);
    expect(() => decide(c)).toThrow(/tubal ligation/);
    try {
      decide(c);
    } catch (error) {
      expect((error as DomainInputError).field).toBe('patient.risk.basis');
    }
  });

  it('rejects an unknown LOINC code and a reference to a missing prescription', () => {
    const badLoinc = firstAuth(at('2026-02-06'), replace(firstCourseEvents(), 'test-2026-02-05', pregnancyTest('2026-02-05', { loinc: '1234-5' })));
    expect(() => decide(badLoinc)).toThrow(/1234-5/);
    expect(() => decide(aUsCase({ events: firstCourseEvents(), action: issueAuthorization('nope', at('2026-02-06')) }))).toThrow(/nope/);
  });

  it('refuses to decide a UK case dated before any UK pack is in force (the EU and UK packs judge the others)', () => {
    expect(() => decide({ ...firstAuth(at('2023-10-30')), jurisdiction: 'UK', clinic: aClinic({ timeZone: 'Europe/London' }) })).toThrow(/no rule pack is in force/);
  });
});
