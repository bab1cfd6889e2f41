import { addDays, compareDates, formatDate, windowLastDay, type LocalDate } from '../calendar/index.js';
import { positiveWholeNumber } from './dose-input.js';

export interface DosingDay {
  readonly date: LocalDate;
  /** The skipped (missed or paused) dates that pushed this day later, ascending, no duplicates. */
  readonly skippedDates: readonly LocalDate[];
}

function uniqueSorted(dates: readonly LocalDate[]): LocalDate[] {
  const byText = new Map(dates.map((d) => [formatDate(d), d]));
  return [...byText.values()].sort(compareDates);
}

/**
 * DOSE-END-DATE (CONVENTION, clinical-rules.md s1): the calendar date of dosing day `n` (day 1 =
 * the start date, program-rules DECISION 2) when every missed or paused date inside the course
 * pushes the rest of the course one day later.
 *
 * "Inside the course" is judged against the course as already pushed: walking the skipped dates
 * in ascending order, a date counts when it falls on or after the start and on or before the
 * current projected day. So a date just after the original end counts once an earlier skipped
 * day has moved the end onto it. Dates before the start, after the (pushed) end, and repeats of
 * the same date do not count.
 */
export function dosingDayDate(startDate: LocalDate, dayNumber: number, skipped: readonly LocalDate[] = []): DosingDay {
  positiveWholeNumber(dayNumber, 'dayNumber');
  let date = windowLastDay(startDate, dayNumber);
  const counted: LocalDate[] = [];
  for (const day of uniqueSorted(skipped)) {
    if (compareDates(day, startDate) < 0) continue;
    if (compareDates(day, date) > 0) break;
    counted.push(day);
    date = addDays(date, 1);
  }
  return { date, skippedDates: counted };
}

/** Projected end date = start + totalDays - 1, shifted by every counted skipped day. */
export function projectedEndDate(startDate: LocalDate, totalDays: number, skipped: readonly LocalDate[] = []): DosingDay {
  return dosingDayDate(startDate, totalDays, skipped);
}
