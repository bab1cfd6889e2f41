import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, date } from '../calendar/index.js';
import { classify, timingOf, type WorkItem } from './work-items.js';

const item = (code: string, from?: string, by?: string): WorkItem => ({ code, ruleId: 'WL-TEST', who: 'clinic', staffText: code, patientText: code, from, by });

describe('due, overdue and upcoming', () => {
  it('calls an item without dates due (to do as soon as possible)', () => {
    expect(timingOf({}, '2026-09-20')).toBe('due');
  });

  it('calls an item due on its last day and overdue the day after', () => {
    expect(timingOf({ by: '2026-09-20' }, '2026-09-20')).toBe('due');
    expect(timingOf({ by: '2026-09-20' }, '2026-09-21')).toBe('overdue');
  });

  it('calls an item upcoming the day before its first day and due on it', () => {
    expect(timingOf({ from: '2026-09-21' }, '2026-09-20')).toBe('upcoming');
    expect(timingOf({ from: '2026-09-21' }, '2026-09-21')).toBe('due');
  });

  it('puts every item in exactly one group, earliest deadline first (property)', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays(date('2026-09-01'), n).toString());
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined })), { maxLength: 12 }), day, (dates, today) => {
        const items = dates.map(([from, by], i) => item(`c${String(i)}`, from, by));
        const groups = classify(items, today);
        expect(groups.due.length + groups.overdue.length + groups.upcoming.length).toBe(items.length);
        for (const group of [groups.due, groups.overdue, groups.upcoming]) {
          const keys = group.map((i) => i.by ?? i.from ?? '9999-12-31');
          expect(keys).toEqual([...keys].sort());
        }
      }),
    );
  });
});
