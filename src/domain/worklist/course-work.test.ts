import { describe, expect, it } from 'vitest';
import { date, type Instant } from '../calendar/index.js';
import { aPatientNotOfChildbearingPotential, aPppClinic, PARIS, pppAuthorization, pppDispense, pppPrescription, pppStart, wall } from '../program/packs/eu/ppp-testing.js';
import type { ProgramEvent } from '../program/index.js';
import {
  aClinic,
  aPatientWhoCanGetPregnant,
  aPatientWhoCannotGetPregnant,
  at,
  authorization,
  dispenseEvent,
  enrolledWithCourse,
  firstCourseEvents,
  pregnancyTest,
  prescription,
  questions,
  twoMethods,
} from '../program/testing.js';
import { courseWork, isBlocked, PROSPECTIVE_PRESCRIPTION_ID, type CourseState } from './course-work.js';
import { patientTasks } from './patient-tasks.js';

function work(events: ProgramEvent[], now: string, state: CourseState = 'qualifying', patient = aPatientWhoCanGetPregnant()) {
  const [day, time] = now.split(' ');
  return courseWork({
    facts: { jurisdiction: 'US', clinic: aClinic(), patient, events },
    courseEventIds: new Set(events.map((e) => e.id)),
    state,
    at: at(day ?? now, time ?? '12:00'),
    prescriberId: 'dr-1',
    product: 'us-generic-isotretinoin',
  });
}

const screened = (): ProgramEvent[] => [...enrolledWithCourse('2026-01-05'), ...twoMethods('2026-01-05'), pregnancyTest('2026-01-05', { purpose: 'screening' })];
const firstDispense = (): ProgramEvent[] => {
  const events = firstCourseEvents();
  const auth = authorization('rx-2026-02-05', at('2026-02-05', '14:00'), '2026-02-11');
  return [...events, auth, dispenseEvent(auth.id, at('2026-02-06', '11:00')), { id: 'first-dose', kind: 'first_dose', on: date('2026-02-06') }];
};

describe('WL-NEXT-AUTH: what blocks the next authorization', () => {
  it('lists every unmet requirement with its earliest day for a qualifying patient before the confirmation test', () => {
    const w = work(screened(), '2026-01-20');
    expect(isBlocked(w)).toBe(true);
    expect(w.nextAuthorization?.basis).toBe('prospective_prescription');
    expect(w.nextAuthorization?.prescriptionId).toBe(PROSPECTIVE_PRESCRIPTION_ID);
    expect(w.nextAuthorization?.decision.unmet.map((u) => [u.code, u.earliestDate])).toEqual([
      ['confirmation_test_missing', '2026-02-05'],
      ['comprehension_questions_not_done', '2026-02-05'],
    ]);
    expect(w.due).toEqual([]);
  });

  it('says a recorded prescription can be authorized now, due by the last day of its test window', () => {
    const w = work(firstCourseEvents(), '2026-02-05 15:00');
    expect(isBlocked(w)).toBe(false);
    expect(w.nextAuthorization?.basis).toBe('recorded_prescription');
    expect(w.due).toMatchObject([{ code: 'issue_authorization', ruleId: 'WL-NEXT-AUTH', from: '2026-02-05', by: '2026-02-11' }]);
  });

  it('judges a prospective prescription when none is recorded, so an allowed course shows "write and authorize"', () => {
    const events = firstCourseEvents().filter((e) => e.kind !== 'prescription');
    const w = work(events, '2026-02-05 15:00');
    expect(w.due).toMatchObject([{ code: 'write_prescription_and_authorize', by: '2026-02-11' }]);
  });

  it('is blocked again the day after the test window closed (Day 8), with the repeat test as the way out', () => {
    const w = work(firstCourseEvents(), '2026-02-12');
    expect(isBlocked(w)).toBe(true);
    expect(w.nextAuthorization?.decision.unmet.map((u) => u.code)).toContain('test_window_closed');
    expect(w.due).toEqual([]);
  });

  it('judges a patient who cannot get pregnant without asking for tests', () => {
    const events = [...enrolledWithCourse('2026-09-01', { canGetPregnant: false }), prescription('2026-09-01')];
    const w = work(events, '2026-09-01 15:00', 'qualifying', aPatientWhoCannotGetPregnant());
    expect(isBlocked(w)).toBe(false);
    expect(w.due.map((i) => i.code)).toEqual(['issue_authorization']);
  });
});

describe('WL-COLLECT and WL-SUPPLY in a course', () => {
  it('shows an open authorization as due for collection and does not judge another one meanwhile', () => {
    const events = [...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-05', '12:00'), '2026-02-11')];
    const w = work(events, '2026-02-08');
    expect(w.due).toMatchObject([{ code: 'collect_by', by: '2026-02-11' }]);
    expect(w.nextAuthorization).toBeUndefined();
  });

  it('makes an uncollected authorization overdue on Day 8 and judges the next authorization again', () => {
    const events = [...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-05', '12:00'), '2026-02-11')];
    const w = work(events, '2026-02-12');
    expect(w.overdue).toMatchObject([{ code: 'authorization_not_collected', who: 'pharmacy', by: '2026-02-11' }]);
    expect(isBlocked(w)).toBe(true);
  });

  it('puts the next pickup of an active course in the 7 days before its supply runs out, and overdue after', () => {
    expect(work(firstDispense(), '2026-02-28', 'active').upcoming).toMatchObject([{ code: 'next_pickup', from: '2026-03-01', by: '2026-03-07' }]);
    expect(work(firstDispense(), '2026-03-01', 'active').due.map((i) => i.code)).toEqual(['next_pickup']);
    expect(work(firstDispense(), '2026-03-07', 'active').due.map((i) => i.code)).toEqual(['next_pickup']);
    const late = work(firstDispense(), '2026-03-08', 'active');
    expect(late.overdue.map((i) => i.code)).toEqual(['next_pickup']);
    expect(late.nextAuthorization?.decision.unmet.map((u) => u.code)).toEqual(['monthly_test_missing', 'comprehension_questions_not_done']);
  });

  it('does not count the supply of a paused course (the patient is not taking it)', () => {
    const w = work(firstDispense(), '2026-03-08', 'paused');
    expect([...w.due, ...w.overdue, ...w.upcoming].map((i) => i.code)).not.toContain('next_pickup');
  });

  it('has no programme work for a closed course', () => {
    const w = work(firstDispense(), '2026-03-08', 'stopped');
    expect(w).toMatchObject({ due: [], overdue: [], upcoming: [] });
    expect(w.nextAuthorization).toBeUndefined();
  });

  it('ignores facts dated after now, as the engine does', () => {
    // the authorization of 14:00 and the dispense of the next day are not known yet at 13:00
    const w = work(firstDispense(), '2026-02-05 13:00', 'active');
    expect(w.due.map((i) => i.code)).toEqual(['issue_authorization']);
  });
});

describe('WL-COURSE-END: after the last dose', () => {
  const ended = (): ProgramEvent[] => [...firstDispense(), { id: 'last', kind: 'last_dose', on: date('2026-04-12') }];

  it('makes the post-treatment test upcoming until Day 30 after the last dose and keeps contraception due until then', () => {
    const w = work([...ended(), pregnancyTest('2026-04-12', { purpose: 'end_of_treatment' })], '2026-04-20', 'active');
    expect(w.nextAuthorization).toBeUndefined();
    expect(w.courseEnd?.outcome).toBe('blocked');
    expect(w.upcoming).toMatchObject([{ code: 'post_treatment_test_missing', from: '2026-05-12' }]);
    expect(w.due.map((i) => [i.code, i.by])).toEqual([
      ['blood_donation_period_not_over', '2026-05-12'],
      ['contraception_period_not_over', '2026-05-12'],
    ]);
  });

  it('makes a missed end-of-treatment test overdue the day after its last day, not on it', () => {
    expect(work(ended(), '2026-04-19', 'active').due.map((i) => i.code)).toContain('end_of_treatment_test_missing');
    const late = work(ended(), '2026-04-20', 'active');
    expect(late.overdue).toMatchObject([{ code: 'end_of_treatment_test_missed', by: '2026-04-19' }]);
  });

  it('says the course can be recorded as completed once everything is done', () => {
    const events = [...ended(), pregnancyTest('2026-04-12', { purpose: 'end_of_treatment' }), pregnancyTest('2026-05-12', { purpose: 'post_treatment' })];
    const w = work(events, '2026-05-13', 'active');
    expect(w.courseEnd?.outcome).toBe('allowed');
    expect(w.due.map((i) => i.code)).toEqual(['record_course_completed']);
  });
});

describe("the patient's tasks", () => {
  it("words every blocking requirement for the patient, with the earliest day, and the patient's own steps", () => {
    const tasks = patientTasks(work(screened(), '2026-01-20'));
    expect(tasks.map((t) => [t.code, t.from, t.timing])).toEqual([
      ['comprehension_questions_not_done', '2026-02-05', 'upcoming'],
      ['confirmation_test_missing', '2026-02-05', 'upcoming'],
    ]);
    expect(tasks.map((t) => t.text).join(' ')).not.toMatch(/CLIA/);
  });

  it('puts an overdue task before a due one', () => {
    const events = [...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-05', '12:00'), '2026-02-11'), questions('2026-02-12', '08:00')];
    const tasks = patientTasks(work(events, '2026-02-12'));
    expect(tasks[0]).toMatchObject({ code: 'authorization_not_collected', timing: 'overdue' });
    expect(tasks.slice(1).every((t) => t.timing !== 'overdue')).toBe(true);
  });

  it('tells the patient the last day to collect an open authorization', () => {
    const events = [...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-05', '12:00'), '2026-02-11')];
    expect(patientTasks(work(events, '2026-02-08'))).toEqual([
      { code: 'collect_by', ruleId: 'WL-COLLECT', text: 'Collect your isotretinoin at the pharmacy by 2026-02-11 (23:59, America/New_York time).', from: '2026-02-05', by: '2026-02-11', timing: 'due' },
    ]);
  });
});

describe('WL-NEXT-AUTH beside WL-SUPPLY and a pause', () => {
  const cannotDispensed = (): ProgramEvent[] => {
    const events = [...enrolledWithCourse('2026-09-01', { canGetPregnant: false }), prescription('2026-09-01')];
    const auth = authorization('rx-2026-09-01', at('2026-09-01', '12:00'), '2026-09-30');
    return [...events, auth, dispenseEvent(auth.id, at('2026-09-01', '13:00'))];
  };
  const patient = aPatientWhoCannotGetPregnant();

  it('leaves an allowed next authorization to the supply while the supply is not due yet', () => {
    const w = work(cannotDispensed(), '2026-09-23', 'active', patient);
    expect(w.nextAuthorization?.decision.outcome).toBe('allowed');
    expect(w.due).toEqual([]);
    expect(w.upcoming.map((i) => [i.code, i.from])).toEqual([['next_pickup', '2026-09-24']]);
  });

  it('makes it due with the next pickup from the first day of the supply due window', () => {
    const w = work(cannotDispensed(), '2026-09-24', 'active', patient);
    expect(w.due.map((i) => i.code).sort()).toEqual(['next_pickup', 'write_prescription_and_authorize']);
  });

  it('shows nothing due for a paused course even when the next authorization would be allowed', () => {
    const w = work(cannotDispensed(), '2026-09-24', 'paused', patient);
    expect(w.nextAuthorization?.decision.outcome).toBe('allowed');
    expect(w.due).toEqual([]);
  });
});

describe('the worklist of an EU course (Paris clinic)', () => {
  const euWork = (events: ProgramEvent[], instant: Instant) =>
    courseWork({
      facts: { jurisdiction: 'EU', clinic: aPppClinic(PARIS), patient: aPatientNotOfChildbearingPotential(), events },
      courseEventIds: new Set(events.map((e) => e.id)),
      state: 'active',
      at: instant,
      prescriberId: 'derm-1',
    });
  const dispensed = (): ProgramEvent[] => {
    const rx = pppPrescription('2026-03-02');
    const auth = pppAuthorization(rx.id, wall('2026-03-02', '11:00', PARIS), '2026-03-08');
    return [...pppStart('2026-03-02', 'eu_acknowledgement_form'), rx, auth, pppDispense(auth.id, wall('2026-03-03', '10:00', PARIS), { quantity: 60 })];
  };

  it('counts days in the clinic zone: the next pickup turns due at midnight Paris time, not UTC', () => {
    const before = euWork(dispensed(), wall('2026-03-26', '00:30', PARIS).subtract({ hours: 1 }));
    expect(before.today).toBe('2026-03-25');
    expect(before.upcoming.map((i) => [i.code, i.from, i.by])).toEqual([['next_pickup', '2026-03-26', '2026-04-01']]);
    const after = euWork(dispensed(), wall('2026-03-26', '00:30', PARIS));
    expect(after.zone).toBe(PARIS);
    expect(after.due.map((i) => i.code)).toContain('next_pickup');
    expect(after.nextAuthorization?.decision.pack.id).toBe('eu-ppp-2018');
  });
});
