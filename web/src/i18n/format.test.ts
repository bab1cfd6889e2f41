import { describe, expect, it } from 'vitest';
import { formatClockTime, formatLongDate, formatNumber, isSameLocalDay } from './format.js';

describe('formatting for people', () => {
  it('writes a calendar date out in full, the same day whatever the zone', () => {
    expect(formatLongDate('2026-10-11')).toBe('Sunday 11 October 2026');
    expect(formatLongDate('2026-01-01')).toBe('Thursday 1 January 2026');
  });

  it('gives the 24-hour clock time of an instant in the given zone', () => {
    const instant = new Date('2026-03-02T01:15:00Z');
    expect(formatClockTime(instant, 'Asia/Tokyo')).toBe('10:15');
    expect(formatClockTime(instant, 'America/New_York')).toBe('20:15');
  });

  it('compares days in the given zone, not in UTC', () => {
    const a = new Date('2026-03-02T01:00:00Z');
    const b = new Date('2026-03-01T23:00:00Z');
    expect(isSameLocalDay(a, b, 'UTC')).toBe(false);
    expect(isSameLocalDay(a, b, 'America/New_York')).toBe(true);
  });

  it('groups thousands and keeps at most the given decimals', () => {
    expect(formatNumber(8400)).toBe('8,400');
    expect(formatNumber(290 / 7, 1)).toBe('41.4');
    expect(formatNumber(0.43)).toBe('0.43');
  });
});
