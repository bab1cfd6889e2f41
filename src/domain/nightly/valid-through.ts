import { addDays, compareDates, date, localDateOf, type LocalDate } from '../calendar/index.js';
import { packIdOn, programmeZone, type IsoDate, type ProgramEvent } from '../program/index.js';
import type { ProgramFacts } from '../worklist/index.js';
import type { NightlyCourse } from './course-schedule.js';

/**
 * NIGHTLY-VALID-THROUGH (docs/rules/NIGHTLY-VALID-THROUGH.md): the last day for which a course's
 * stored judgement (its schedule row and its reminders) is still exactly what a fresh judgement
 * would give, provided nothing is recorded for the course, its patient or its clinic meanwhile
 * (those bump their change sequences and make the row stale whatever this says). Conservative:
 * every day the judgement may depend on ends the validity, and when the engine's decision depends
 * on the day in ways it does not expose, the row is valid for its own day only.
 */
export const NIGHTLY_VALID_THROUGH = 'NIGHTLY-VALID-THROUGH';
/** At most this many days after the day judged: every course is judged again at least weekly. */
export const NIGHTLY_MAX_VALID_DAYS = 6;

export interface ValidThroughInput {
  /** The day judged (computed_for). */
  readonly today: IsoDate;
  readonly facts: ProgramFacts;
  readonly judged: NightlyCourse;
}

/** The day an event takes effect for the engine (events dated after the judged instant are ignored). */
function effectiveDay(e: ProgramEvent, zone: string): LocalDate | undefined {
  if ('on' in e) return e.on;
  if ('writtenOn' in e) return e.writtenOn;
  if ('collectedAt' in e) return localDateOf(e.collectedAt, zone);
  if ('at' in e) return localDateOf(e.at, zone);
  return undefined;
}

/** The first birthday after `today` (a rule may depend on the patient's age; 29 February counts from 28 February). */
function nextBirthday(birth: LocalDate, today: LocalDate): LocalDate {
  const thisYear = birth.with({ year: today.year }, { overflow: 'constrain' });
  return compareDates(thisYear, today) > 0 ? thisYear : birth.with({ year: today.year + 1 }, { overflow: 'constrain' });
}

/**
 * The last day D >= today such that judging the course on any day of [today, D] gives what was
 * stored for today (NIGHTLY-VALID-THROUGH):
 * - today itself when the judgement holds an authorization decision (WL-NEXT-AUTH: its windows,
 *   the prospective prescription written "today", the requirements met now that lapse later are
 *   not exposed by the engine), when an RM-EARLIEST reminder is kept (its day has come), or when
 *   any stored date is today (a date the engine clamps to the day, an item due on its last day);
 * - otherwise the day before the first of: a stored date after today (an item's first day, an
 *   earliest date, a reminder's due day, a course-end date), the day after an item's or a
 *   reminder's last day, an event of the history dated after today, the patient's next birthday,
 *   a change of the programme's rule pack; and at most today + NIGHTLY_MAX_VALID_DAYS.
 */
export function validThrough(input: ValidThroughInput): IsoDate {
  const today = date(input.today);
  const { work, schedule, reminders } = input.judged;
  if (work.nextAuthorization !== undefined || reminders.keepKinds.length > 0) return input.today;
  let last = addDays(today, NIGHTLY_MAX_VALID_DAYS);
  /** The judgement may differ from `day` on: valid through the day before at most. */
  const changesOn = (day: LocalDate): void => {
    const before = addDays(day, -1);
    if (compareDates(before, last) < 0) last = before;
  };
  /** A stored date: the judgement may change on it (reached: upcoming becomes due, an earliest date is clamped) and the day after (passed). */
  const stored = (iso: IsoDate | undefined): void => {
    if (iso === undefined) return;
    const day = date(iso);
    if (compareDates(day, today) < 0) return;
    changesOn(compareDates(day, today) === 0 ? addDays(day, 1) : day);
  };
  for (const item of schedule.items) {
    stored(item.from);
    stored(item.by);
  }
  for (const u of schedule.unmet) stored(u.earliestDate);
  for (const r of reminders.reminders) stored(r.dueOn);
  const end = work.courseEnd?.courseEnd;
  if (end !== undefined) {
    stored(end.endOfTreatmentTest?.from);
    stored(end.endOfTreatmentTest?.by);
    stored(end.postTreatmentTest?.from);
    stored(end.contraceptionUntil);
    stored(end.noBloodDonationUntil);
  }
  if (compareDates(last, today) <= 0) return input.today;
  const facts = input.facts;
  const zone = programmeZone(facts.jurisdiction, facts.clinic.timeZone);
  for (const e of facts.events) {
    const day = effectiveDay(e, zone);
    if (day !== undefined && compareDates(day, today) > 0) changesOn(day);
  }
  if (facts.patient.birthDate !== undefined) changesOn(nextBirthday(facts.patient.birthDate, today));
  // the rule pack follows the day (DECISION-ACTION-DATE): never valid across a change of pack
  const pack = packIdOn(facts.jurisdiction, today, facts.clinic.settings);
  for (let day = addDays(today, 1); compareDates(day, last) <= 0; day = addDays(day, 1)) {
    if (packIdOn(facts.jurisdiction, day, facts.clinic.settings) !== pack) {
      changesOn(day);
      break;
    }
  }
  return compareDates(last, today) <= 0 ? input.today : last.toString();
}
