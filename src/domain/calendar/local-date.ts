import { Temporal } from 'temporal-polyfill';

/**
 * Calendar dates and instants for the rule engines.
 *
 * The domain never reads a clock: every function takes the dates it works on. A date is a
 * calendar date (`Temporal.PlainDate`, ISO `YYYY-MM-DD` on the wire); an instant is an exact point
 * in time (`Temporal.Instant`, ISO 8601 with an offset or `Z` on the wire). Windows are counted in
 * calendar days and close at the end of the last day in an explicit IANA time zone
 * (program-rules DECISIONS 1, 2, 3 and 5; see docs/adr/0006-calendar-dates-and-time-zones.md).
 */
export type LocalDate = Temporal.PlainDate;
export type Instant = Temporal.Instant;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `YYYY-MM-DD`; returns undefined for anything else, including 2026-02-30. */
export function tryParseDate(text: string): LocalDate | undefined {
  if (!ISO_DATE.test(text)) return undefined;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    return undefined;
  }
}

/** Parses `YYYY-MM-DD` or throws a RangeError naming the text. For trusted literals and tests. */
export function date(text: string): LocalDate {
  const parsed = tryParseDate(text);
  if (parsed === undefined) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${text}`);
  return parsed;
}

/** Parses an ISO 8601 instant with an explicit offset or Z; undefined otherwise. */
export function tryParseInstant(text: string): Instant | undefined {
  try {
    return Temporal.Instant.from(text);
  } catch {
    return undefined;
  }
}

export function instant(text: string): Instant {
  const parsed = tryParseInstant(text);
  if (parsed === undefined) throw new RangeError(`not an instant with offset (ISO 8601): ${text}`);
  return parsed;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Temporal.ZonedDateTime(0n, zone);
    return true;
  } catch {
    return false;
  }
}

export function addDays(day: LocalDate, days: number): LocalDate {
  return day.add({ days });
}

/**
 * Adds calendar months (program-rules DECISION 1): same day of month, or the last day of the
 * target month when it has no such day (2026-01-31 + 1 month = 2026-02-28).
 */
export function addMonths(day: LocalDate, months: number): LocalDate {
  return day.add({ months }, { overflow: 'constrain' });
}

/** `later - earlier` in whole calendar days (negative when `later` is before `earlier`). */
export function daysBetween(earlier: LocalDate, later: LocalDate): number {
  return earlier.until(later, { largestUnit: 'days' }).days;
}

/**
 * Last day of an N-day window that starts on `firstDay` (program-rules DECISION 2: the first day
 * is Day 1, so the window ends on firstDay + (N - 1)).
 */
export function windowLastDay(firstDay: LocalDate, lengthInDays: number): LocalDate {
  if (!Number.isInteger(lengthInDays) || lengthInDays < 1) {
    throw new RangeError(`window length must be a positive whole number of days: ${lengthInDays}`);
  }
  return firstDay.add({ days: lengthInDays - 1 });
}

// Converting an instant to a zoned date is the engine's most frequent and most expensive step
// (the polyfill walks the zone's transition rules each time). The function is pure and its
// results are immutable, so a bounded memo changes nothing but the time it takes.
const LOCAL_DATE_MEMO_LIMIT = 20_000;
const localDateMemo = new Map<string, LocalDate>();

/** The calendar date that an instant falls on in a time zone. */
export function localDateOf(at: Instant, zone: string): LocalDate {
  const key = `${at.epochMilliseconds}|${at.epochNanoseconds % 1_000_000n}|${zone}`;
  const known = localDateMemo.get(key);
  if (known !== undefined) return known;
  const day = at.toZonedDateTimeISO(zone).toPlainDate();
  if (localDateMemo.size >= LOCAL_DATE_MEMO_LIMIT) localDateMemo.clear();
  localDateMemo.set(key, day);
  return day;
}

/** The first instant of a calendar day in a zone (handles days that do not start at 00:00). */
export function startOfDay(day: LocalDate, zone: string): Instant {
  return day.toZonedDateTime({ timeZone: zone }).toInstant();
}

/**
 * The last instant of a calendar day in a zone: one nanosecond before the next day starts
 * (program-rules DECISION 5: a window closes at 23:59:59 local time, so 23:59:59.999 still counts).
 */
export function endOfDay(day: LocalDate, zone: string): Instant {
  return startOfDay(day.add({ days: 1 }), zone).subtract({ nanoseconds: 1 });
}

/** True when `at` falls on or before the calendar day `lastDay` in `zone`. */
export function isOnOrBeforeDay(at: Instant, lastDay: LocalDate, zone: string): boolean {
  return Temporal.PlainDate.compare(localDateOf(at, zone), lastDay) <= 0;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return Temporal.PlainDate.compare(a, b);
}

export function maxDate(first: LocalDate, ...rest: LocalDate[]): LocalDate {
  return rest.reduce((best, d) => (compareDates(d, best) > 0 ? d : best), first);
}

export function minDate(first: LocalDate, ...rest: LocalDate[]): LocalDate {
  return rest.reduce((best, d) => (compareDates(d, best) < 0 ? d : best), first);
}

export function formatDate(day: LocalDate): string {
  return day.toString();
}
