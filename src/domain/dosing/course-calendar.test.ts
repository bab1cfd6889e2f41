import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, date, daysBetween } from '../calendar/index.js';
import { dosingDayDate, projectedEndDate } from './course-calendar.js';

const start = date('2026-03-01');
const text = (days: ReadonlyArray<{ toString(): string }>): string[] => days.map((d) => d.toString());

describe('projected end date (DOSE-END-DATE)', () => {
  it('ends a 120-day course that starts on 1 March on 28 June (start + 120 - 1)', () => {
    expect(projectedEndDate(start, 120).date.toString()).toBe('2026-06-28');
    expect(projectedEndDate(start, 1).date.toString()).toBe('2026-03-01');
  });

  it('pushes the end one day for each missed day inside the course', () => {
    const end = projectedEndDate(start, 10, [date('2026-03-03'), date('2026-03-05')]);
    expect(end.date.toString()).toBe('2026-03-12');
    expect(text(end.skippedDates)).toEqual(['2026-03-03', '2026-03-05']);
  });

  it('counts a missed day on the start day and on the last planned day', () => {
    expect(projectedEndDate(start, 10, [date('2026-03-01')]).date.toString()).toBe('2026-03-11');
    expect(projectedEndDate(start, 10, [date('2026-03-10')]).date.toString()).toBe('2026-03-11');
  });

  it('ignores missed dates before the start or after the end, and counts a repeated date once', () => {
    // 2026-03-04 moves the end to 03-11, so 03-12 stays outside
    const end = projectedEndDate(start, 10, [date('2026-02-28'), date('2026-03-12'), date('2026-03-04'), date('2026-03-04')]);
    expect(end.date.toString()).toBe('2026-03-11');
    expect(text(end.skippedDates)).toEqual(['2026-03-04']);
  });

  it('counts a date just after the original end once an earlier missed day has moved the end onto it', () => {
    const end = projectedEndDate(start, 10, [date('2026-03-11'), date('2026-03-02')]);
    expect(end.date.toString()).toBe('2026-03-12');
    expect(text(end.skippedDates)).toEqual(['2026-03-02', '2026-03-11']);
    // two days after the original end is still outside after one push
    expect(projectedEndDate(start, 10, [date('2026-03-02'), date('2026-03-12')]).date.toString()).toBe('2026-03-11');
  });

  it('gives the date of any dosing day, skipping paused days', () => {
    expect(dosingDayDate(start, 3, [date('2026-03-02')]).date.toString()).toBe('2026-03-04');
    expect(() => dosingDayDate(start, 0)).toThrow();
  });

  it('moves the end by exactly the distinct counted dates, each inside the course (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.array(fc.integer({ min: -20, max: 260 }), { maxLength: 40 }), (totalDays, offsets) => {
        const skipped = offsets.map((o) => addDays(start, o));
        const end = projectedEndDate(start, totalDays, skipped);
        expect(daysBetween(start, end.date)).toBe(totalDays - 1 + end.skippedDates.length);
        const distinct = new Set(end.skippedDates.map(String));
        expect(distinct.size).toBe(end.skippedDates.length);
        for (const d of end.skippedDates) {
          expect(compareDates(d, start)).toBeGreaterThanOrEqual(0);
          expect(compareDates(d, end.date)).toBeLessThan(0);
        }
        // every date in [start, end] that was not skipped is a dosing day: there are exactly totalDays
        const skippedInside = new Set(skipped.filter((d) => compareDates(d, start) >= 0 && compareDates(d, end.date) <= 0).map(String));
        expect(skippedInside.has(end.date.toString())).toBe(false);
        expect(daysBetween(start, end.date) + 1 - skippedInside.size).toBe(totalDays);
      }),
    );
  });
});
