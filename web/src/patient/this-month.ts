import type { LearnTopicId } from '../routing/routes.js';

/**
 * Pure logic of the patient's "this month": the order of the tasks, the words for a deadline in
 * the patient's terms, and the education page that helps with a task. No clock here: `today` is
 * the clinic's day the server sends with the next steps.
 */

export type Timing = 'overdue' | 'due' | 'upcoming';

export interface MonthTask {
  readonly code: string;
  readonly ruleId: string;
  readonly text: string;
  readonly from?: string | undefined;
  readonly by?: string | undefined;
  readonly timing: Timing;
}

const TIMING_ORDER: Readonly<Record<Timing, number>> = { overdue: 0, due: 1, upcoming: 2 };

/** Overdue first, then due, then upcoming; inside each, the earliest deadline first (no deadline last). */
export function orderTasks<T extends MonthTask>(tasks: readonly T[]): T[] {
  const deadline = (task: T): string => task.by ?? task.from ?? '9999-12-31';
  return [...tasks].sort((a, b) => TIMING_ORDER[a.timing] - TIMING_ORDER[b.timing] || deadline(a).localeCompare(deadline(b)) || a.code.localeCompare(b.code));
}

/** Whole days from `from` to `to` (calendar dates YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string): number => {
    const [y = 0, m = 1, day = 1] = d.split('-').map(Number);
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** How a deadline reads: relative words for the next days, else the date. */
export type DeadlineWords =
  | { readonly kind: 'late'; readonly days: number }
  | { readonly kind: 'today' }
  | { readonly kind: 'tomorrow' }
  | { readonly kind: 'by'; readonly date: string; readonly withYear: boolean };

/** The deadline `by` seen from `today`: late by n days, today, tomorrow, or a date (its year only when not this year). */
export function deadlineWords(by: string, today: string): DeadlineWords {
  const days = daysBetween(today, by);
  if (days < 0) return { kind: 'late', days: -days };
  if (days === 0) return { kind: 'today' };
  if (days === 1) return { kind: 'tomorrow' };
  return { kind: 'by', date: by, withYear: by.slice(0, 4) !== today.slice(0, 4) };
}

/** The education page that helps with a task, from its stable code; undefined when none does. */
export function learnTopicFor(code: string): LearnTopicId | undefined {
  if (code.includes('pregnan') || code.includes('contracept')) return 'pregnancy-and-contraception';
  if (code.includes('comprehension') || code.includes('counsel') || code.includes('collect') || code.includes('pickup') || code.includes('authorization')) return 'safety-rules';
  if (code.includes('mood') || code.includes('phq')) return 'mood-and-help';
  return undefined;
}

/** Whether the task is answering the programme's comprehension questions (the patient does it here). */
export const isQuestionsTask = (code: string): boolean => code.startsWith('comprehension_questions');
