import type { Actor, IsoDate, RuleId } from '../program/index.js';
import { afterCourseWork, courseWork, timingOf, type CourseWork, type CourseWorkInput, type Timing, type WorkItem } from '../worklist/index.js';
import { remindersOf, type CourseReminders } from './reminder-rules.js';

/** One dated item of a course as stored by the nightly (the texts are recomputed when shown). */
export interface ScheduleItem {
  readonly code: string;
  readonly ruleId: string;
  readonly who: Actor;
  readonly timing: Timing;
  readonly from?: IsoDate | undefined;
  readonly by?: IsoDate | undefined;
}

/** One requirement the engine says is unmet, with the earliest day it can be met (DECISION 9). */
export interface ScheduleUnmet {
  readonly code: string;
  readonly ruleId: RuleId;
  readonly earliestDate?: IsoDate | undefined;
}

/** What the nightly stores for one course and one day (the `course_schedule` row). */
export interface CourseSchedule {
  readonly computedFor: IsoDate;
  readonly nextAuthorization: 'allowed' | 'blocked' | undefined;
  readonly items: readonly ScheduleItem[];
  readonly unmet: readonly ScheduleUnmet[];
  /** The earliest deadline among the items, if any has one. */
  readonly nextBy: IsoDate | undefined;
  readonly overdue: number;
  readonly due: number;
  readonly upcoming: number;
}

export interface NightlyCourse {
  readonly work: CourseWork;
  readonly schedule: CourseSchedule;
  readonly reminders: CourseReminders;
}

const OPEN: ReadonlySet<string> = new Set(['qualifying', 'active', 'paused']);

function item(i: WorkItem, today: IsoDate): ScheduleItem {
  return { code: i.code, ruleId: i.ruleId, who: i.who, timing: timingOf(i, today), from: i.from, by: i.by };
}

export function scheduleOf(work: CourseWork): CourseSchedule {
  const items = [...work.overdue, ...work.due, ...work.upcoming].map((i) => item(i, work.today));
  const next = work.nextAuthorization?.decision;
  const source = next !== undefined && next.outcome === 'blocked' ? next : work.courseEnd;
  const unmet = (source?.unmet ?? []).map((u) => ({ code: u.code, ruleId: u.ruleId, earliestDate: u.earliestDate }));
  const deadlines = items.flatMap((i) => (i.by === undefined ? [] : [i.by])).sort();
  return {
    computedFor: work.today,
    nextAuthorization: next?.outcome,
    items,
    unmet,
    nextBy: deadlines[0],
    overdue: work.overdue.length,
    due: work.due.length,
    upcoming: work.upcoming.length,
  };
}

/**
 * The nightly's judgement of one course (NIGHTLY-SCOPE): an open course is judged exactly as the
 * clinic worklist judges it (`courseWork`); a closed one for what outlives it (`afterCourseWork`).
 * Then its stored schedule and its reminders (RM-*). Pure: the caller passes the facts and the
 * instant (the end of the day judged, in the programme zone).
 */
export function nightlyCourse(input: CourseWorkInput): NightlyCourse {
  const work = OPEN.has(input.state) ? courseWork(input) : afterCourseWork(input);
  return { work, schedule: scheduleOf(work), reminders: remindersOf(work) };
}
