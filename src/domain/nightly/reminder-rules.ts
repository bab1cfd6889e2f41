import { addDays, compareDates, date, maxDate } from '../calendar/index.js';
import type { IsoDate } from '../program/index.js';
import type { CourseWork } from '../worklist/index.js';

/**
 * Reminder rules of the nightly recompute (docs/rules/RM-*.md, docs/nightly.md). Each turns
 * something the worklist computation already knows (a WL-* item, the engine's decision) into a
 * reminder with a due day and a send day. Both days are fixed by the facts, never by the day the
 * job runs, so re-running a night changes nothing and a later night changes only what the facts
 * changed. A reminder applies while its due day has not passed.
 */
export const RM_COLLECT = 'RM-COLLECT';
export const RM_NEXT_PICKUP = 'RM-NEXT-PICKUP';
export const RM_EARLIEST = 'RM-EARLIEST';
export const RM_END_TEST = 'RM-END-TEST';
export const RM_POST_TEST = 'RM-POST-TEST';
export type ReminderRuleId = typeof RM_COLLECT | typeof RM_NEXT_PICKUP | typeof RM_EARLIEST | typeof RM_END_TEST | typeof RM_POST_TEST;

/** RM-COLLECT (DECISION-RM-COLLECT-DAYS): the patient is reminded 2 days before the last day to collect. */
export const COLLECT_REMIND_DAYS_BEFORE = 2;
/** RM-POST-TEST (DECISION-RM-POST-TEST-DAYS): the patient is reminded 3 days before the test can be done, to book it. */
export const POST_TEST_REMIND_DAYS_BEFORE = 3;
/** RM-POST-TEST (DECISION-RM-POST-TEST-DAYS): the clinic is told when the test is still missing 14 days after it could be done. */
export const POST_TEST_LATE_DAYS = 14;

export type Recipient = 'patient' | 'clinic';

export interface ReminderSpec {
  /** Stable per course: one reminder per course, kind and due day. */
  readonly kind: string;
  readonly ruleId: ReminderRuleId;
  readonly recipient: Recipient;
  /** The day the thing reminded of is due (its deadline, or the day it becomes possible). */
  readonly dueOn: IsoDate;
  /** The day the reminder should go out (never after `dueOn`). */
  readonly sendOn: IsoDate;
  /** Key of the message in the senders' catalogue; the text is theirs (language, channel). */
  readonly messageKey: string;
}

export interface CourseReminders {
  readonly reminders: readonly ReminderSpec[];
  /**
   * Kinds whose existing reminders still apply although no reminder is computed for them tonight
   * (RM-EARLIEST once its day has come): kept while their due day has not passed.
   */
  readonly keepKinds: readonly string[];
}

function before(day: IsoDate, days: number): IsoDate {
  return addDays(date(day), -days).toString();
}

/** A reminder applies while its due day is today or later. */
function applies(spec: ReminderSpec, today: IsoDate): boolean {
  return compareDates(date(spec.dueOn), date(today)) >= 0;
}

/** RM-COLLECT: an open authorization, collected by its last day (WL-COLLECT; US7, EU2). */
function collect(work: CourseWork): ReminderSpec[] {
  return [...work.due, ...work.upcoming]
    .filter((i) => i.code === 'collect_by' && i.by !== undefined)
    .map((i) => {
      const by = i.by ?? work.today;
      const send = i.from === undefined ? before(by, COLLECT_REMIND_DAYS_BEFORE) : maxDate(date(i.from), date(before(by, COLLECT_REMIND_DAYS_BEFORE))).toString();
      return { kind: 'collect_by', ruleId: RM_COLLECT, recipient: 'patient', dueOn: by, sendOn: send, messageKey: 'reminder.collect_by' };
    });
}

/** RM-NEXT-PICKUP: the next pickup, from the first day it is due (WL-SUPPLY: 7 days before the supply runs out). */
function nextPickup(work: CourseWork): ReminderSpec[] {
  return [...work.overdue, ...work.due, ...work.upcoming]
    .filter((i) => i.code === 'next_pickup' && i.by !== undefined && i.from !== undefined)
    .map((i) => ({ kind: 'next_pickup', ruleId: RM_NEXT_PICKUP, recipient: 'patient', dueOn: i.by ?? work.today, sendOn: i.from ?? work.today, messageKey: 'reminder.next_pickup' }));
}

/**
 * RM-EARLIEST: each requirement that blocks the next authorization and can only be met from a
 * later day (DECISION 9's earliest date: a test after a waiting period, a confirmation test 19
 * days after screening) is reminded on that day, to the patient when the engine's step for it is
 * the patient's, to the clinic otherwise. Once the day has come the engine gives "today" as the
 * earliest day; the reminder made for that day is kept, not remade for every later day.
 */
function earliest(work: CourseWork): CourseReminders {
  const decision = work.nextAuthorization?.decision;
  if (decision === undefined || decision.outcome !== 'blocked') return { reminders: [], keepKinds: [] };
  const reminders: ReminderSpec[] = [];
  const keepKinds: string[] = [];
  for (const u of decision.unmet) {
    if (u.earliestDate === undefined) continue;
    const kind = `earliest:${u.code}`;
    if (compareDates(date(u.earliestDate), date(work.today)) <= 0) {
      keepKinds.push(kind);
      continue;
    }
    const step = decision.nextSteps.find((s) => s.code === u.code);
    const recipient: Recipient = step?.who === 'patient' ? 'patient' : 'clinic';
    reminders.push({ kind, ruleId: RM_EARLIEST, recipient, dueOn: u.earliestDate, sendOn: u.earliestDate, messageKey: `reminder.earliest.${u.code}` });
  }
  return { reminders, keepKinds };
}

/** RM-END-TEST: the end-of-treatment test, from the first day of its window to its last (US12). */
function endTest(work: CourseWork): ReminderSpec[] {
  const test = work.courseEnd?.courseEnd?.endOfTreatmentTest;
  if (test === undefined || test.done) return [];
  return [{ kind: 'end_of_treatment_test', ruleId: RM_END_TEST, recipient: 'patient', dueOn: test.by, sendOn: test.from, messageKey: 'reminder.end_of_treatment_test' }];
}

/**
 * RM-POST-TEST: the pregnancy test after the last dose (US12: 30 days; EU3: one month, France 5
 * weeks): the patient 3 days before it can be done, the clinic if it is still missing 14 days
 * after. Counted from the engine's unclamped first day, so the days do not move night by night.
 */
function postTest(work: CourseWork): ReminderSpec[] {
  const test = work.courseEnd?.courseEnd?.postTreatmentTest;
  if (test === undefined || test.done) return [];
  const late = addDays(date(test.from), POST_TEST_LATE_DAYS).toString();
  return [
    { kind: 'post_treatment_test', ruleId: RM_POST_TEST, recipient: 'patient', dueOn: test.from, sendOn: before(test.from, POST_TEST_REMIND_DAYS_BEFORE), messageKey: 'reminder.post_treatment_test' },
    { kind: 'post_treatment_test_late', ruleId: RM_POST_TEST, recipient: 'clinic', dueOn: late, sendOn: late, messageKey: 'reminder.post_treatment_test_late' },
  ];
}

/** Every reminder that applies to one course on the day of `work` (pure; the rules above). */
export function remindersOf(work: CourseWork): CourseReminders {
  const early = earliest(work);
  const all = [...collect(work), ...nextPickup(work), ...early.reminders, ...endTest(work), ...postTest(work)];
  const seen = new Set<string>();
  const reminders = all.filter((r) => {
    const key = `${r.kind}\u0000${r.dueOn}`;
    if (seen.has(key) || !applies(r, work.today)) return false;
    seen.add(key);
    return true;
  });
  return { reminders, keepKinds: early.keepKinds };
}
