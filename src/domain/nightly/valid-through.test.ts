import { describe, expect, it } from 'vitest';
import { addDays, compareDates, date } from '../calendar/index.js';
import type { ProgramEvent } from '../program/index.js';
import { aClinic, aPatientWhoCanGetPregnant, at, authorization, enrolledWithCourse, firstCourseEvents, pregnancyTest, twoMethods } from '../program/testing.js';
import type { CourseState, ProgramFacts } from '../worklist/index.js';
import { nightlyCourse } from './course-schedule.js';
import { NIGHTLY_MAX_VALID_DAYS, validThrough } from './valid-through.js';

const completed: ProgramEvent[] = [
  ...enrolledWithCourse('2025-10-01'),
  ...twoMethods('2025-09-01'),
  { id: 'first', kind: 'first_dose', on: date('2025-10-02') },
  pregnancyTest('2026-01-20', { purpose: 'end_of_treatment' }),
  { id: 'last', kind: 'last_dose', on: date('2026-01-20') },
  { id: 'stopped', kind: 'course_stopped', on: date('2026-01-20'), reason: 'completed' },
];
const collecting: ProgramEvent[] = [...firstCourseEvents('2026-01-05', '2026-02-05'), authorization('rx-2026-02-05', at('2026-02-05', '15:00'), '2026-02-11')];

function facts(events: readonly ProgramEvent[], over: Partial<ProgramFacts> = {}): ProgramFacts {
  return { jurisdiction: 'US', clinic: aClinic(), patient: aPatientWhoCanGetPregnant(), events: [...events], ...over };
}

/** What the nightly stores for a course judged on `day` (the row without its day, and the reminders). */
function judge(f: ProgramFacts, state: CourseState, day: string) {
  const judged = nightlyCourse({ facts: f, courseEventIds: new Set(f.events.map((e) => e.id)), state, at: at(day, '23:59:59.999') });
  const { computedFor: _day, ...content } = judged.schedule;
  return { judged, stored: JSON.stringify({ content, reminders: judged.reminders }) };
}

function through(f: ProgramFacts, state: CourseState, day: string): string {
  return validThrough({ today: day, facts: f, judged: judge(f, state, day).judged });
}

/** Every day of [day, validThrough] judged afresh gives exactly what was stored for `day`. */
function expectHolds(f: ProgramFacts, state: CourseState, day: string): string {
  const { stored } = judge(f, state, day);
  const last = through(f, state, day);
  expect(compareDates(date(last), date(day))).toBeGreaterThanOrEqual(0);
  expect(compareDates(date(last), addDays(date(day), NIGHTLY_MAX_VALID_DAYS))).toBeLessThanOrEqual(0);
  for (let d = date(day); compareDates(d, date(last)) <= 0; d = addDays(d, 1)) {
    expect(judge(f, state, d.toString()).stored, `judged ${d.toString()}, stored for ${day} valid through ${last}`).toBe(stored);
  }
  return last;
}

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = date(from); compareDates(d, date(to)) <= 0; d = addDays(d, 1)) out.push(d.toString());
  return out;
}

describe('NIGHTLY-VALID-THROUGH: how long a stored judgement stays exact', () => {
  it('is the day itself while the next authorization is judged (its windows are not exposed)', () => {
    const f = facts(firstCourseEvents('2026-01-05', '2026-02-05'));
    expect(judge(f, 'qualifying', '2026-02-06').judged.work.nextAuthorization).toBeDefined();
    expect(through(f, 'qualifying', '2026-02-06')).toBe('2026-02-06');
  });

  it('holds an open authorization until the day before its last day to collect (conservative: any stored date ends it)', () => {
    const f = facts(collecting);
    expect(through(f, 'qualifying', '2026-02-06')).toBe('2026-02-10');
    expect(through(f, 'qualifying', '2026-02-09')).toBe('2026-02-10');
    expect(through(f, 'qualifying', '2026-02-10')).toBe('2026-02-10');
    // on its last day: overdue tomorrow
    expect(through(f, 'qualifying', '2026-02-11')).toBe('2026-02-11');
    // expired: the next authorization is judged again
    expect(through(f, 'qualifying', '2026-02-12')).toBe('2026-02-12');
  });

  it('after a completed course: at most 6 days ahead, the day before the post-treatment test can be done, then daily', () => {
    const f = facts(completed);
    expect(NIGHTLY_MAX_VALID_DAYS).toBe(6);
    expect(through(f, 'completed', '2026-02-06')).toBe('2026-02-12');
    expect(through(f, 'completed', '2026-02-13')).toBe('2026-02-18');
    expect(through(f, 'completed', '2026-02-18')).toBe('2026-02-18');
    // from its first day the missing test is "from today" (the engine clamps to the day)
    expect(through(f, 'completed', '2026-02-19')).toBe('2026-02-19');
  });

  it('never spans an event dated after the day (it takes effect on its day)', () => {
    const f = facts([...completed, { id: 'visit', kind: 'office_visit', on: date('2026-02-09') }]);
    expect(through(f, 'completed', '2026-02-06')).toBe('2026-02-08');
  });

  it('never spans the patient\'s birthday', () => {
    const f = facts(completed, { patient: aPatientWhoCanGetPregnant({ birthDate: date('2004-02-10') }) });
    expect(through(f, 'completed', '2026-02-06')).toBe('2026-02-09');
  });

  it('never spans a change of the programme\'s rule pack (US: 2026-08-08)', () => {
    const late: ProgramEvent[] = [
      ...enrolledWithCourse('2026-03-01'),
      ...twoMethods('2026-02-01'),
      { id: 'first', kind: 'first_dose', on: date('2026-03-02') },
      pregnancyTest('2026-07-10', { purpose: 'end_of_treatment' }),
      pregnancyTest('2026-08-01', { purpose: 'post_treatment' }),
      { id: 'last', kind: 'last_dose', on: date('2026-07-01') },
      { id: 'stopped', kind: 'course_stopped', on: date('2026-07-01'), reason: 'completed' },
    ];
    const f = facts(late);
    expect(through(f, 'completed', '2026-08-05')).toBe('2026-08-07');
  });

  it('every day of the validity judged afresh gives what was stored (each day of two months, three histories)', () => {
    for (const day of days('2026-01-21', '2026-03-25')) expectHolds(facts(completed), 'completed', day);
    for (const day of days('2026-02-05', '2026-02-20')) expectHolds(facts(collecting), 'qualifying', day);
    const withVisit = facts([...completed, { id: 'visit', kind: 'office_visit', on: date('2026-02-09') }], { patient: aPatientWhoCanGetPregnant({ birthDate: date('2004-02-15') }) });
    for (const day of days('2026-02-01', '2026-02-20')) expectHolds(withVisit, 'completed', day);
  });
});
