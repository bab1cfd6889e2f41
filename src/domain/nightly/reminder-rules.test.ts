import { describe, expect, it } from 'vitest';
import { date } from '../calendar/index.js';
import type { Decision, ProgramEvent } from '../program/index.js';
import { aClinic, aPatientWhoCanGetPregnant, at, enrolledWithCourse, pregnancyTest, twoMethods } from '../program/testing.js';
import type { CourseWork, WorkItem } from '../worklist/index.js';
import { nightlyCourse } from './course-schedule.js';
import { COLLECT_REMIND_DAYS_BEFORE, POST_TEST_LATE_DAYS, POST_TEST_REMIND_DAYS_BEFORE, remindersOf } from './reminder-rules.js';

const base = { zone: 'America/New_York', due: [], overdue: [], upcoming: [] };
const item = (code: string, from: string | undefined, by: string | undefined): WorkItem => ({ code, ruleId: 'WL-X', who: 'patient', staffText: '', patientText: '', from, by });
const pack = { id: 'us-ipledge-2021', version: '1', jurisdiction: 'US', zone: 'America/New_York' } as const;
const decision = (over: Partial<Decision>): Decision => ({ outcome: 'blocked', pack, action: { kind: 'issue_authorization', at: '' }, actionDate: '2026-03-01', unmet: [], warnings: [], nextSteps: [], ...over });

describe('RM-COLLECT: remind the patient 2 days before the last day to collect', () => {
  it('sends 2 days before the last day when the window is longer', () => {
    const work: CourseWork = { ...base, today: '2026-03-01', due: [item('collect_by', '2026-03-01', '2026-03-07')] };
    expect(COLLECT_REMIND_DAYS_BEFORE).toBe(2);
    expect(remindersOf(work).reminders).toEqual([{ kind: 'collect_by', ruleId: 'RM-COLLECT', recipient: 'patient', dueOn: '2026-03-07', sendOn: '2026-03-05', messageKey: 'reminder.collect_by' }]);
  });

  it('never sends before the authorization was issued (a window shorter than 2 days)', () => {
    const work: CourseWork = { ...base, today: '2026-03-06', due: [item('collect_by', '2026-03-06', '2026-03-07')] };
    expect(remindersOf(work).reminders.map((r) => r.sendOn)).toEqual(['2026-03-06']);
    const exact: CourseWork = { ...base, today: '2026-03-05', due: [item('collect_by', '2026-03-05', '2026-03-07')] };
    expect(remindersOf(exact).reminders.map((r) => r.sendOn)).toEqual(['2026-03-05']);
  });

  it('applies on the last day, not after it', () => {
    expect(remindersOf({ ...base, today: '2026-03-07', due: [item('collect_by', '2026-03-01', '2026-03-07')] }).reminders).toHaveLength(1);
    expect(remindersOf({ ...base, today: '2026-03-08', overdue: [item('collect_by', '2026-03-01', '2026-03-07')] }).reminders).toEqual([]);
  });
});

describe('RM-NEXT-PICKUP: remind the patient on the first day the next pickup is due', () => {
  it('sends on the first day of the 7-day due window, due on the last day of the supply', () => {
    const work: CourseWork = { ...base, today: '2026-03-01', upcoming: [item('next_pickup', '2026-03-10', '2026-03-16')] };
    expect(remindersOf(work).reminders).toEqual([{ kind: 'next_pickup', ruleId: 'RM-NEXT-PICKUP', recipient: 'patient', dueOn: '2026-03-16', sendOn: '2026-03-10', messageKey: 'reminder.next_pickup' }]);
  });

  it('applies through the last day of the supply and no longer the day after', () => {
    expect(remindersOf({ ...base, today: '2026-03-16', due: [item('next_pickup', '2026-03-10', '2026-03-16')] }).reminders).toHaveLength(1);
    expect(remindersOf({ ...base, today: '2026-03-17', overdue: [item('next_pickup', '2026-03-10', '2026-03-16')] }).reminders).toEqual([]);
  });
});

describe('RM-EARLIEST: remind on the earliest day a blocking requirement can be met', () => {
  const blocked = (today: string, earliest: string): CourseWork => ({
    ...base,
    today,
    nextAuthorization: {
      basis: 'prospective_prescription',
      prescriptionId: 'p',
      decision: decision({
        unmet: [
          { code: 'confirmation_test_missing', ruleId: 'US3', staffMessage: '', patientMessage: '', earliestDate: earliest },
          { code: 'no_date', ruleId: 'US2', staffMessage: '', patientMessage: '' },
        ],
        nextSteps: [{ who: 'patient', code: 'confirmation_test_missing', ruleId: 'US3', text: '' }],
      }),
    },
  });

  it('makes a reminder for a day after today, to whoever the engine\'s step names', () => {
    expect(remindersOf(blocked('2026-02-12', '2026-02-13'))).toEqual({
      reminders: [{ kind: 'earliest:confirmation_test_missing', ruleId: 'RM-EARLIEST', recipient: 'patient', dueOn: '2026-02-13', sendOn: '2026-02-13', messageKey: 'reminder.earliest.confirmation_test_missing' }],
      keepKinds: [],
    });
  });

  it('keeps, and does not remake, the reminder once its day has come (the engine then says "today")', () => {
    expect(remindersOf(blocked('2026-02-13', '2026-02-13'))).toEqual({ reminders: [], keepKinds: ['earliest:confirmation_test_missing'] });
    expect(remindersOf(blocked('2026-02-14', '2026-02-14'))).toEqual({ reminders: [], keepKinds: ['earliest:confirmation_test_missing'] });
  });

  it('says nothing when the next authorization is allowed', () => {
    const work = blocked('2026-02-12', '2026-02-13');
    const allowed: CourseWork = { ...work, nextAuthorization: work.nextAuthorization === undefined ? undefined : { ...work.nextAuthorization, decision: decision({ outcome: 'allowed' }) } };
    expect(remindersOf(allowed)).toEqual({ reminders: [], keepKinds: [] });
  });
});

describe('RM-END-TEST and RM-POST-TEST: the tests after the last dose (US12)', () => {
  const ended = (today: string, end: { done: boolean }, post: { done: boolean }): CourseWork => ({
    ...base,
    today,
    courseEnd: decision({ courseEnd: { lastDoseOn: '2026-04-12', endOfTreatmentTest: { from: '2026-04-05', by: '2026-04-19', ...end }, postTreatmentTest: { from: '2026-05-12', ...post } } }),
  });

  it('reminds the patient of the end-of-treatment test from the first day of its window until its last', () => {
    const kinds = (today: string) => remindersOf(ended(today, { done: false }, { done: true })).reminders.map((r) => [r.kind, r.sendOn, r.dueOn]);
    expect(kinds('2026-04-19')).toEqual([['end_of_treatment_test', '2026-04-05', '2026-04-19']]);
    expect(kinds('2026-04-20')).toEqual([]);
    expect(remindersOf(ended('2026-04-10', { done: true }, { done: true })).reminders).toEqual([]);
  });

  it('reminds the patient 3 days before the post-treatment test and the clinic 14 days after it could be done', () => {
    expect([POST_TEST_REMIND_DAYS_BEFORE, POST_TEST_LATE_DAYS]).toEqual([3, 14]);
    const at = (today: string) => remindersOf(ended(today, { done: true }, { done: false })).reminders.map((r) => [r.kind, r.recipient, r.sendOn, r.dueOn]);
    expect(at('2026-05-12')).toEqual([
      ['post_treatment_test', 'patient', '2026-05-09', '2026-05-12'],
      ['post_treatment_test_late', 'clinic', '2026-05-26', '2026-05-26'],
    ]);
    // the patient's reminder applies through its day; the clinic's through the 14th day after
    expect(at('2026-05-13').map((r) => r[0])).toEqual(['post_treatment_test_late']);
    expect(at('2026-05-26').map((r) => r[0])).toEqual(['post_treatment_test_late']);
    expect(at('2026-05-27')).toEqual([]);
    expect(remindersOf(ended('2026-05-12', { done: true }, { done: true })).reminders).toEqual([]);
  });
});

describe('NIGHTLY-CLOSED: what a closed course still asks', () => {
  const events = (stop: 'completed' | 'pregnancy'): ProgramEvent[] => [
    ...enrolledWithCourse('2025-10-01'),
    ...twoMethods('2025-09-01'),
    { id: 'first', kind: 'first_dose', on: date('2025-10-02') },
    pregnancyTest('2026-01-20', { purpose: 'end_of_treatment' }),
    { id: 'last', kind: 'last_dose', on: date('2026-01-20') },
    { id: 'stopped', kind: 'course_stopped', on: date('2026-01-20'), reason: stop },
  ];
  const judge = (list: ProgramEvent[], day: string, state: 'completed' | 'stopped' = 'completed') =>
    nightlyCourse({ facts: { jurisdiction: 'US', clinic: aClinic(), patient: aPatientWhoCanGetPregnant(), events: list }, courseEventIds: new Set(list.map((e) => e.id)), state, at: at(day, '23:00') });

  it('keeps the post-treatment test, contraception and no blood donation after a completed course, nothing else', () => {
    const n = judge(events('completed'), '2026-02-06');
    expect(n.schedule.items.map((i) => [i.code, i.timing])).toEqual([
      ['blood_donation_period_not_over', 'due'],
      ['contraception_period_not_over', 'due'],
      ['post_treatment_test_missing', 'upcoming'],
    ]);
    expect(n.schedule.unmet.map((u) => u.code).sort()).toEqual(['blood_donation_period_not_over', 'contraception_period_not_over', 'post_treatment_test_missing']);
    expect(n.reminders.reminders.map((r) => r.kind)).toEqual(['post_treatment_test', 'post_treatment_test_late']);
  });

  it('asks nothing after a course stopped for a pregnancy (its red flag is the follow-up), nor once a later course started', () => {
    expect(judge(events('pregnancy'), '2026-02-06', 'stopped').schedule.items).toEqual([]);
    const later = [...events('completed'), { id: 'course-2', kind: 'course_started', on: date('2026-02-01') } as const];
    const n = nightlyCourse({ facts: { jurisdiction: 'US', clinic: aClinic(), patient: aPatientWhoCanGetPregnant(), events: later }, courseEventIds: new Set(events('completed').map((e) => e.id)), state: 'completed', at: at('2026-02-06', '23:00') });
    expect(n.schedule.items).toEqual([]);
    expect(n.reminders.reminders).toEqual([]);
  });
});
