import { compareDates, date } from '../calendar/index.js';
import type { Actor, IsoDate } from '../program/index.js';

/**
 * Rule ids of the worklists (docs/rules/WL-*.md). They are product conventions built on the
 * programme rules they cite; every item a worklist shows carries one of them, or the engine's own
 * rule id when the item comes straight from a programme decision.
 */
export const WL_COLLECT = 'WL-COLLECT';
export const WL_SUPPLY = 'WL-SUPPLY';
export const WL_NEXT_AUTH = 'WL-NEXT-AUTH';
export const WL_COURSE_END = 'WL-COURSE-END';
export type WorklistRuleId = typeof WL_COLLECT | typeof WL_SUPPLY | typeof WL_NEXT_AUTH | typeof WL_COURSE_END;

/**
 * One dated thing someone must do for a course. `from` is the first day it can be done, `by` the
 * last day it should be done (both calendar days; see `classify` for how they make an item due,
 * overdue or upcoming).
 */
export interface WorkItem {
  readonly code: string;
  /** A WL-* rule id, or the programme rule id of the decision step it comes from. */
  readonly ruleId: string;
  readonly who: Actor;
  readonly staffText: string;
  readonly patientText: string;
  readonly from?: IsoDate | undefined;
  readonly by?: IsoDate | undefined;
}

export type Timing = 'overdue' | 'due' | 'upcoming';

/**
 * WL-COURSE-END / WL-COLLECT / WL-SUPPLY classification: overdue once its last day has passed
 * (`by < today`), upcoming while its first day is still ahead (`from > today`), due otherwise
 * (including on its first and on its last day, and when it carries no date at all).
 */
export function timingOf(item: { readonly from?: IsoDate | undefined; readonly by?: IsoDate | undefined }, today: IsoDate): Timing {
  const day = date(today);
  if (item.by !== undefined && compareDates(date(item.by), day) < 0) return 'overdue';
  if (item.from !== undefined && compareDates(date(item.from), day) > 0) return 'upcoming';
  return 'due';
}

/** Earliest deadline first, then earliest start, undated last; ties by code (a stable order). */
export function byDeadline(a: WorkItem, b: WorkItem): number {
  const key = (i: WorkItem): string => i.by ?? i.from ?? '9999-12-31';
  return key(a).localeCompare(key(b)) || (a.from ?? '').localeCompare(b.from ?? '') || a.code.localeCompare(b.code);
}

export interface Classified {
  readonly due: readonly WorkItem[];
  readonly overdue: readonly WorkItem[];
  readonly upcoming: readonly WorkItem[];
}

export function classify(items: readonly WorkItem[], today: IsoDate): Classified {
  const sorted = [...items].sort(byDeadline);
  return {
    due: sorted.filter((i) => timingOf(i, today) === 'due'),
    overdue: sorted.filter((i) => timingOf(i, today) === 'overdue'),
    upcoming: sorted.filter((i) => timingOf(i, today) === 'upcoming'),
  };
}
