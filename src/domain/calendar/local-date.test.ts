import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  date,
  daysBetween,
  endOfDay,
  instant,
  isOnOrBeforeDay,
  isValidTimeZone,
  localDateOf,
  maxDate,
  minDate,
  startOfDay,
  tryParseDate,
  tryParseInstant,
  windowLastDay,
} from './local-date.js';

describe('calendar dates', () => {
  it('rejects impossible and badly formatted dates instead of rolling them over', () => {
    expect(tryParseDate('2026-02-30')).toBeUndefined();
    expect(tryParseDate('2026-2-3')).toBeUndefined();
    expect(tryParseDate('2026-02-28T00:00')).toBeUndefined();
    expect(tryParseDate('2028-02-29')?.toString()).toBe('2028-02-29');
    expect(() => date('31/01/2026')).toThrow(/31\/01\/2026/);
  });

  it('adds one calendar month as the same day next month (DECISION 1)', () => {
    expect(addMonths(date('2026-01-10'), 1).toString()).toBe('2026-02-10');
  });

  it('adds one calendar month from 31 January as the last day of February (DECISION 1)', () => {
    expect(addMonths(date('2026-01-31'), 1).toString()).toBe('2026-02-28');
    expect(addMonths(date('2028-01-31'), 1).toString()).toBe('2028-02-29');
    expect(addMonths(date('2026-03-31'), 1).toString()).toBe('2026-04-30');
  });

  it('counts days between dates as later minus earlier in calendar days (DECISION 3)', () => {
    expect(daysBetween(date('2026-01-01'), date('2026-01-20'))).toBe(19);
    expect(daysBetween(date('2026-01-20'), date('2026-01-01'))).toBe(-19);
    // across the US spring-forward change the count is still whole calendar days
    expect(daysBetween(date('2026-03-01'), date('2026-03-20'))).toBe(19);
  });

  it('ends a 7-day window that starts on day X on X + 6 (DECISION 2)', () => {
    expect(windowLastDay(date('2026-03-05'), 7).toString()).toBe('2026-03-11');
    expect(windowLastDay(date('2026-03-05'), 30).toString()).toBe('2026-04-03');
    expect(windowLastDay(date('2026-03-05'), 1).toString()).toBe('2026-03-05');
    expect(() => windowLastDay(date('2026-03-05'), 0)).toThrow(RangeError);
  });

  it('closes a day at 23:59:59 New York time, also on a daylight saving change day (DECISION 5)', () => {
    // 2026-03-08: US clocks spring forward; the day is 23 hours long
    const spring = date('2026-03-08');
    expect(startOfDay(spring, 'America/New_York').toString()).toBe('2026-03-08T05:00:00Z');
    expect(endOfDay(spring, 'America/New_York').toString()).toBe('2026-03-09T03:59:59.999999999Z');
    // 2026-11-01: clocks fall back; the day is 25 hours long
    const autumn = date('2026-11-01');
    expect(endOfDay(autumn, 'America/New_York').toString()).toBe('2026-11-02T04:59:59.999999999Z');
  });

  it('judges 23:59 New York time as still inside the day and 00:01 as the next day', () => {
    const last = date('2026-01-15');
    expect(isOnOrBeforeDay(instant('2026-01-15T23:59:00-05:00'), last, 'America/New_York')).toBe(true);
    expect(isOnOrBeforeDay(instant('2026-01-16T00:01:00-05:00'), last, 'America/New_York')).toBe(false);
    // the same instant is still the 15th in Los Angeles but already the 16th in New York
    const lateWest = instant('2026-01-15T21:30:00-08:00');
    expect(localDateOf(lateWest, 'America/Los_Angeles').toString()).toBe('2026-01-15');
    expect(isOnOrBeforeDay(lateWest, last, 'America/New_York')).toBe(false);
  });

  it('adds days and picks earliest and latest dates', () => {
    expect(addDays(date('2026-12-31'), 1).toString()).toBe('2027-01-01');
    expect(maxDate(date('2026-01-02'), date('2026-01-05'), date('2026-01-01')).toString()).toBe('2026-01-05');
    expect(minDate(date('2026-01-02'), date('2026-01-05'), date('2026-01-01')).toString()).toBe('2026-01-01');
  });

  it('accepts instants only with an explicit offset and zones only by IANA name', () => {
    expect(tryParseInstant('2026-01-15T10:00:00')).toBeUndefined();
    expect(tryParseInstant('2026-01-15T10:00:00Z')?.toString()).toBe('2026-01-15T10:00:00Z');
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
