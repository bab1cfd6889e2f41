import { describe, expect, it } from 'vitest';
import { date } from '../../calendar/index.js';
import { DomainInputError } from '../../errors.js';
import type { Decision } from '../decision.js';
import type { ProgramEvent } from '../events.js';
import type { ClinicSettings, ProgramCase } from '../program-case.js';
import type { PregnancyTestFacts } from '../pregnancy-tests.js';
import {
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
const OPTED_IN: Partial<ClinicSettings> = { homeTestOptIn: { optedIn: true, antiFalsificationProcedure: 'photo with ID, read live on video by a nurse' } };
/** E moved before the scenario dates, so the same dated scenarios run under the 2026 pack. */
const clinic2026 = (settings: Partial<ClinicSettings> = {}) => aClinic({ settings: { usModificationDate: date('2025-06-01'), ...OPTED_IN, ...settings } });
const case2026 = (o: Partial<ProgramCase> & Pick<ProgramCase, 'action'>): ProgramCase => aUsCase({ clinic: clinic2026(), ...o });
const decide = (c: ProgramCase): Decision => decideProgramCase(c);
const replace = (events: ProgramEvent[], id: string, next: ProgramEvent): ProgramEvent[] => events.map((e) => (e.id === id ? next : e));
const without = (events: ProgramEvent[], id: string): ProgramEvent[] => events.filter((e) => e.id !== id);
const HOME_EVIDENCE = { photoRef: 'photo-1', brand: 'BrandX', readAt: at('2026-03-06', '09:10'), readBy: 'nurse-7' };

function treatedEvents(extra: ProgramEvent[] = []): ProgramEvent[] {
  return [
    ...firstCourseEvents(),
    authorization('rx-2026-02-05', at('2026-02-06'), '2026-02-11'),
    dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '15:00')),
    { id: 'first-dose', kind: 'first_dose', on: date('2026-02-06') },
    ...extra,
  ];
}
const monthly = (test: ProgramEvent, settings: Partial<ClinicSettings> = {}, extra: ProgramEvent[] = []): Decision =>
  decide(
    aUsCase({
      clinic: clinic2026(settings),
      events: treatedEvents([test, questions('2026-03-06'), prescription('2026-03-06'), ...extra]),
      action: issueAuthorization('rx-2026-03-06', at('2026-03-07')),
    }),
  );

describe('us-ipledge-2026: the pack in force from date E', () => {
  const authOn = (day: string, time: string, settings: Partial<ClinicSettings> = {}): Decision =>
    decide(
      aUsCase({
        clinic: aClinic({ settings }),
        events: firstCourseEvents('2026-07-01', '2026-08-05'),
        action: issueAuthorization('rx-2026-08-05', at(day, time)),
      }),
    );

  it('switches from 2021 to 2026 at midnight New York time on E (default 2026-08-08)', () => {
    expect(authOn('2026-08-07', '23:59').pack.id).toBe('us-ipledge-2021');
    expect(authOn('2026-08-08', '00:01').pack.id).toBe('us-ipledge-2026');
  });

  it('takes E from the clinic configuration (a postponed E keeps the 2021 pack)', () => {
    expect(authOn('2026-08-09', '10:00', { usModificationDate: date('2026-09-01') }).pack.id).toBe('us-ipledge-2021');
  });

  it('rejects an E that precedes the 2021 program', () => {
    expect(() => authOn('2026-08-09', '10:00', { usModificationDate: date('2021-12-01') })).toThrow(DomainInputError);
  });

  it('judges each action of a case spanning E by the pack of its own date, and a test by its specimen date', () => {
    // confirmation 2026-08-05 (2021 pack), window missed; a repeat on 2026-08-13 is 8 days later
    const base = firstCourseEvents('2026-07-01', '2026-08-05');
    const repeat = (day: string): Decision =>
      decide(aUsCase({ events: [...base, pregnancyTest(day), questions(day), prescription(day)], action: issueAuthorization(`rx-${day}`, at(day, '15:00')) }));
    expect(repeat('2026-08-13').outcome).toBe('allowed'); // 2026 pack: repeat at once (US9)
    const e2027 = { usModificationDate: date('2027-01-01') };
    const under2021 = decide(aUsCase({ clinic: aClinic({ settings: e2027 }), events: [...base, pregnancyTest('2026-08-13'), questions('2026-08-13'), prescription('2026-08-13')], action: issueAuthorization('rx-2026-08-13', at('2026-08-13', '15:00')) }));
    expect(codes(under2021)).toContain('repeat_test_during_lockout');
  });

  it('keeps counting a home test taken under 2021 enforcement discretion before E, with its warning', () => {
    const events = replace(firstCourseEvents('2026-07-01', '2026-08-05'), 'test-2026-08-05', pregnancyTest('2026-08-05', { setting: 'home' }));
    const d = decide(aUsCase({ clinic: aClinic({ settings: { enforcementDiscretionHomeTests: true } }), events, action: issueAuthorization('rx-2026-08-05', at('2026-08-09')) }));
    expect(d.pack.id).toBe('us-ipledge-2026');
    expect(d.outcome).toBe('allowed');
    expect(d.warnings.map((w) => w.code)).toEqual(['test_under_enforcement_discretion']);
  });
});

describe('US11 (2026): medical setting before treatment, home tests after with opt-in and evidence', () => {
  it('accepts a pre-treatment test in a medical setting without a CLIA certificate', () => {
    const events = replace(firstCourseEvents(), 'test-2026-02-05', pregnancyTest('2026-02-05', { setting: 'medical_setting' }));
    expect(decide(case2026({ events, action: issueAuthorization('rx-2026-02-05', at('2026-02-06')) })).outcome).toBe('allowed');
  });

  it('refuses a pre-treatment home test even with the opt-in', () => {
    const events = replace(firstCourseEvents(), 'test-2026-02-05', pregnancyTest('2026-02-05', { setting: 'home', homeEvidence: HOME_EVIDENCE }));
    expect(codes(decide(case2026({ events, action: issueAuthorization('rx-2026-02-05', at('2026-02-06')) })))).toContain('test_not_in_medical_setting');
  });

  it('accepts a monthly home test with the opt-in, a procedure and complete evidence', () => {
    expect(monthly(pregnancyTest('2026-03-06', { setting: 'home', homeEvidence: HOME_EVIDENCE })).outcome).toBe('allowed');
  });

  it('refuses a monthly home test without the opt-in or without an anti-falsification procedure', () => {
    const home = pregnancyTest('2026-03-06', { setting: 'home', homeEvidence: HOME_EVIDENCE });
    expect(codes(monthly(home, { homeTestOptIn: { optedIn: false } }))).toContain('home_test_not_opted_in');
    expect(codes(monthly(home, { homeTestOptIn: { optedIn: true } }))).toContain('home_test_not_opted_in');
  });

  it('names every missing piece of home-test evidence', () => {
    const d = monthly(pregnancyTest('2026-03-06', { setting: 'home', homeEvidence: { brand: 'BrandX' } }));
    expect(d.unmet.find((u) => u.code === 'home_test_evidence_missing')?.staffMessage).toContain('photo, time read, who read it');
  });

  it('refuses a home test after the first dispense while no dose has been taken yet', () => {
    const events = without(treatedEvents([pregnancyTest('2026-03-06', { setting: 'home', homeEvidence: HOME_EVIDENCE }), questions('2026-03-06'), prescription('2026-03-06')]), 'first-dose');
    expect(codes(decide(case2026({ events, action: issueAuthorization('rx-2026-03-06', at('2026-03-07')) })))).toContain('test_not_in_medical_setting');
  });

  it('accepts a home post-treatment test with the opt-in', () => {
    const events = treatedEvents([{ id: 'last', kind: 'last_dose', on: date('2026-03-01') }]);
    const test: PregnancyTestFacts = testFacts('2026-03-31', { id: 'post', purpose: 'post_treatment', setting: 'home', homeEvidence: HOME_EVIDENCE });
    expect(decide(case2026({ events, action: { kind: 'record_pregnancy_test', at: at('2026-03-31', '12:00'), test } })).outcome).toBe('allowed');
  });
});

describe('US9 (2026): a missed first window is repeated at once, in a medical setting', () => {
  const repeat = (day: string, setting: 'clia_lab' | 'home' = 'clia_lab'): Decision =>
    decide(case2026({ events: [...firstCourseEvents(), pregnancyTest(day, { setting, homeEvidence: HOME_EVIDENCE }), questions(day), prescription(day)], action: issueAuthorization(`rx-${day}`, at(day, '15:00')) }));

  it('names the day after the closed window as the earliest repeat', () => {
    const d = decide(case2026({ events: firstCourseEvents(), action: issueAuthorization('rx-2026-02-05', at('2026-02-12', '00:01')) }));
    expect(d.unmet[0]).toMatchObject({ code: 'test_window_closed', ruleId: 'US9', earliestDate: '2026-02-12' });
  });

  it('accepts a repeat the day after the window closed (no 19-day lockout)', () => {
    expect(repeat('2026-02-12').outcome).toBe('allowed');
  });

  it('refuses the repeat at home because no dose has been taken yet', () => {
    expect(codes(repeat('2026-02-12', 'home'))).toContain('test_not_in_medical_setting');
  });
});

describe('US10 (2026): cannot get pregnant, counselling at enrollment only, no 30-day window', () => {
  const cannotEvents = (rxDay: string): ProgramEvent[] => [...enrolledWithCourse('2026-01-05', { canGetPregnant: false }), prescription(rxDay)];

  it('allows pickup 60 days after the enrollment visit with no new visit nor monthly counselling', () => {
    const d = decide(case2026({ patient: aPatientWhoCannotGetPregnant(), events: cannotEvents('2026-03-01'), action: issueAuthorization('rx-2026-03-01', at('2026-03-06')) }));
    expect(d.outcome).toBe('allowed');
    expect(d.nextSteps.find((s) => s.code === 'collect_by')?.ruleId).toBe('DECISION-CGP-2026');
  });

  it('collects until day 30 of the prescription (DECISION-CGP-2026) and not on day 31', () => {
    const judge = (day: string): Decision => decide(case2026({ patient: aPatientWhoCannotGetPregnant(), events: cannotEvents('2026-03-01'), action: issueAuthorization('rx-2026-03-01', at(day, '23:59')) }));
    expect(judge('2026-03-30').window?.lastDayToCollect).toBe('2026-03-30');
    expect(codes(judge('2026-03-31'))).toEqual(['prescription_pickup_period_over']);
  });

  it('still checks enrollment and prescriber certification', () => {
    const events = without(without(cannotEvents('2026-03-01'), 'enrollment'), 'cert-dr-1');
    expect(codes(decide(case2026({ patient: aPatientWhoCannotGetPregnant(), events, action: issueAuthorization('rx-2026-03-01', at('2026-03-02')) })))).toEqual(['patient_not_enrolled', 'prescriber_not_certified']);
  });

  it('requires counselling at enrollment', () => {
    const events = without(enrolledWithCourse('2026-01-05', { canGetPregnant: false }), 'counselling-2026-01-05').filter((e) => e.kind !== 'enrollment');
    const d = decide(case2026({ patient: aPatientWhoCannotGetPregnant(), events, action: { kind: 'enroll', at: at('2026-01-05', '12:00'), prescriberId: 'dr-1' } }));
    expect(codes(d)).toEqual(['enrollment_counselling_missing']);
  });
});

describe('us-ipledge-2026: shared US rules', () => {
  const first = (events = firstCourseEvents(), when = at('2026-02-06')): Decision => decide(case2026({ events, action: issueAuthorization('rx-2026-02-05', when) }));

  it('US1: blocks a 31-day supply', () => {
    expect(codes(first(replace(firstCourseEvents(), 'rx-2026-02-05', prescription('2026-02-05', { quantity: 62 }))))).toEqual(['days_supply_over_30']);
  });

  it('US2: blocks an enrolled patient whose prescriber is not certified', () => {
    expect(codes(first(without(firstCourseEvents(), 'cert-dr-1')))).toEqual(['prescriber_not_certified']);
  });

  it('US3: blocks a confirmation 18 days after screening and accepts 19 days', () => {
    const seq = (confirmation: string): Decision =>
      decide(case2026({ events: [...enrolledWithCourse('2026-01-01'), ...twoMethods('2025-12-01'), pregnancyTest('2026-01-01'), pregnancyTest(confirmation), questions(confirmation), prescription(confirmation)], action: issueAuthorization(`rx-${confirmation}`, at(confirmation, '15:00')) }));
    expect(codes(seq('2026-01-19'))).toContain('confirmation_test_missing');
    expect(seq('2026-01-20').outcome).toBe('allowed');
  });

  it('US4/US5: needs one calendar month of two methods (31 January + 1 month = 28 February)', () => {
    const seq = (confirmation: string): Decision =>
      decide(case2026({ events: [...enrolledWithCourse('2026-01-01'), ...twoMethods('2026-01-31'), pregnancyTest('2026-01-01'), pregnancyTest(confirmation), questions(confirmation), prescription(confirmation)], action: issueAuthorization(`rx-${confirmation}`, at(confirmation, '15:00')) }));
    expect(codes(seq('2026-02-27'))).toContain('confirmation_test_missing');
    expect(seq('2026-02-28').outcome).toBe('allowed');
  });

  it('US6: blocks without comprehension questions', () => {
    expect(codes(first(without(firstCourseEvents(), 'questions-2026-02-05-12:00')))).toEqual(['comprehension_questions_not_done']);
  });

  it('US7: allows Day 7 at 23:59 and blocks Day 8 at 00:01 New York time', () => {
    expect(first(firstCourseEvents(), at('2026-02-11', '23:59')).outcome).toBe('allowed');
    expect(first(firstCourseEvents(), at('2026-02-12', '00:01')).outcome).toBe('blocked');
  });

  it('US7: closes at 23:59 EST when Day 7 is the fall-back day 2026-11-01', () => {
    const events = firstCourseEvents('2026-09-20', '2026-10-26');
    const judge = (day: string, time: string): Decision => decide(aUsCase({ events, action: issueAuthorization('rx-2026-10-26', at(day, time)) }));
    const allowed = judge('2026-11-01', '23:59');
    expect(allowed.pack.id).toBe('us-ipledge-2026');
    expect(allowed.window?.lastInstant).toBe('2026-11-01T23:59:59-05:00[America/New_York]');
    expect(judge('2026-11-02', '00:01').outcome).toBe('blocked');
  });

  it('US8: a later month restarts at once with a new test', () => {
    const d = monthly(pregnancyTest('2026-03-06'), {}, []);
    expect(d.outcome).toBe('allowed');
  });

  it('US12: lists end-of-treatment tests and the contraception and blood-donation dates', () => {
    const d = decide(case2026({ events: treatedEvents([{ id: 'last', kind: 'last_dose', on: date('2026-03-01') }]), action: { kind: 'finish_course', at: at('2026-03-02') } }));
    expect(codes(d)).toEqual(['end_of_treatment_test_missing', 'post_treatment_test_missing', 'contraception_period_not_over', 'blood_donation_period_not_over']);
    expect(d.courseEnd?.postTreatmentTest?.from).toBe('2026-03-31');
  });

  it('US13: refuses a dispense without the Medication Guide', () => {
    const events = [...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-06'), '2026-02-11')];
    const d = dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '15:00'), { medicationGuideGiven: false });
    expect(codes(decide(case2026({ events, action: { kind: 'dispense', at: d.at, dispense: { ...d } } })))).toEqual(['medication_guide_not_given']);
  });

  it('US14: blocks every later authorization after a positive home test', () => {
    expect(codes(monthly(pregnancyTest('2026-03-06', { setting: 'home', homeEvidence: HOME_EVIDENCE, result: 'positive' })))).toContain('positive_pregnancy_test');
  });

  it('DECISION 6 and 7: one open authorization per prescription, never a second dispense', () => {
    const events = [...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-06'), '2026-02-11')];
    expect(codes(first(events, at('2026-02-07')))).toEqual(['authorization_already_open']);
    expect(codes(first(treatedEvents(), at('2026-02-07')))).toContain('prescription_already_dispensed');
  });

  it('DECISION 8: an unknown risk category blocks', () => {
    const d = decide(case2026({ patient: { risk: { category: 'unknown', basis: [] } }, events: firstCourseEvents(), action: issueAuthorization('rx-2026-02-05', at('2026-02-06')) }));
    expect(codes(d)).toEqual(['risk_category_unknown']);
  });
});
