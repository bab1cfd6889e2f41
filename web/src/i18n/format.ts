/**
 * Dates, times and numbers as a person reads them, in their own time zone and the page's
 * language. The zone is a parameter so tests pin it; the browser's own zone is the default.
 */
import { t } from './t.js';

const LOCALE = 'en-GB';

/** HH:MM (24-hour) of an instant in a time zone, e.g. `14:05`. */
export function formatClockTime(instant: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(instant);
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD, for comparing days. */
function isoDay(instant: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(instant);
}

export function isSameLocalDay(a: Date, b: Date, timeZone?: string): boolean {
  return isoDay(a, timeZone) === isoDay(b, timeZone);
}

/**
 * A calendar date (YYYY-MM-DD) written out with the catalogue's pattern: `Sunday 2 August 2026`.
 * The parts come from Intl and the order and punctuation from the catalogue, so the text does not
 * change with the browser's ICU version.
 */
export function formatLongDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return isoDate;
  // a calendar date has no zone: format it at noon UTC, read in UTC, so no offset can move the day
  const noon = new Date(Date.UTC(year, month - 1, day, 12));
  const parts = new Intl.DateTimeFormat(LOCALE, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatToParts(noon);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return t('date.long', { weekday: part('weekday'), day: part('day'), month: part('month'), year: part('year') });
}

/** The day and month of an instant, e.g. `6 January`, in a time zone. */
export function formatDayMonth(instant: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', timeZone }).format(instant);
}

/** A number with thousands separators and at most `maxDecimals` decimals: 8400 -> 8,400. */
export function formatNumber(value: number, maxDecimals = 2): string {
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: maxDecimals }).format(value);
}
