import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, date, daysBetween } from '../calendar/index.js';
import { at, authorization, dispenseEvent, prescription } from '../program/testing.js';
import { collectItem, openAuthorizations, supplyItem, supplyLastDay, WL_SUPPLY_DUE_DAYS } from './supply.js';
import { timingOf } from './work-items.js';

const NY = 'America/New_York';

describe('WL-SUPPLY: the day the capsules run out', () => {
  it('makes 60 x 20 mg at 40 mg/day a 30-day supply that lasts from the dispense day until Day 30', () => {
    expect(supplyLastDay(date('2026-02-06'), 60, 20, 40).toString()).toBe('2026-03-07');
  });

  it('counts only whole days: 59 x 20 mg at 40 mg/day lasts 29 days, not 30', () => {
    expect(supplyLastDay(date('2026-02-06'), 59, 20, 40).toString()).toBe('2026-03-06');
    expect(supplyLastDay(date('2026-02-06'), 61, 20, 40).toString()).toBe('2026-03-07');
  });

  it('never ends before the dispense day, even for less than a day of capsules', () => {
    expect(supplyLastDay(date('2026-02-06'), 1, 10, 40).toString()).toBe('2026-02-06');
  });

  it('lasts exactly floor(quantity x strength / daily mg) days for any dispense (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.constantFrom(10, 20, 25, 30, 40), fc.integer({ min: 5, max: 200 }), fc.integer({ min: 0, max: 3000 }), (quantity, strength, daily, offset) => {
        const day = addDays(date('2025-01-01'), offset);
        const days = Math.max(1, Math.floor((quantity * strength) / daily));
        expect(daysBetween(day, supplyLastDay(day, quantity, strength, daily)) + 1).toBe(days);
      }),
    );
  });

  it('is upcoming the day before its 7-day due window, due on its first and last day, overdue the day after', () => {
    const rx = prescription('2026-02-05');
    const auth = authorization(rx.id, at('2026-02-05', '12:00'), '2026-02-11');
    const given = dispenseEvent(auth.id, at('2026-02-06', '11:00'));
    const item = supplyItem([rx, auth, given], [rx, auth, given], NY);
    expect(item).toMatchObject({ code: 'next_pickup', ruleId: 'WL-SUPPLY', from: '2026-03-01', by: '2026-03-07' });
    expect(WL_SUPPLY_DUE_DAYS).toBe(7);
    expect(timingOf(item!, '2026-02-28')).toBe('upcoming');
    expect(timingOf(item!, '2026-03-01')).toBe('due');
    expect(timingOf(item!, '2026-03-07')).toBe('due');
    expect(timingOf(item!, '2026-03-08')).toBe('overdue');
  });

  it('uses the quantity handed over, not the quantity prescribed', () => {
    const rx = prescription('2026-02-05');
    const auth = authorization(rx.id, at('2026-02-05', '12:00'), '2026-02-11');
    const given = dispenseEvent(auth.id, at('2026-02-06', '11:00'), { quantity: 30 });
    expect(supplyItem([given], [rx, auth, given], NY)?.by).toBe('2026-02-20');
  });

  it('has nothing to say before the first dispense of the course', () => {
    const rx = prescription('2026-02-05');
    expect(supplyItem([rx], [rx], NY)).toBeUndefined();
  });
});

describe('WL-COLLECT: an open authorization until its last day', () => {
  const auth = authorization('rx-1', at('2026-02-05', '12:00'), '2026-02-11');

  it('is due for collection on its last day', () => {
    const item = collectItem(auth, date('2026-02-11'), NY);
    expect(item).toMatchObject({ code: 'collect_by', who: 'patient', from: '2026-02-05', by: '2026-02-11' });
    expect(timingOf(item, '2026-02-11')).toBe('due');
  });

  it('is overdue for reversal by the pharmacy the day after its last day (US13)', () => {
    const item = collectItem(auth, date('2026-02-12'), NY);
    expect(item).toMatchObject({ code: 'authorization_not_collected', who: 'pharmacy', by: '2026-02-11' });
    expect(timingOf(item, '2026-02-12')).toBe('overdue');
  });

  it('counts an authorization as open until it is dispensed or reversed', () => {
    const other = authorization('rx-2', at('2026-03-05', '12:00'), '2026-03-11');
    const third = authorization('rx-3', at('2026-03-13', '12:00'), '2026-03-19');
    const events = [auth, dispenseEvent(auth.id, at('2026-02-06')), other, { id: 'rev', kind: 'authorization_reversed' as const, at: at('2026-03-12'), authorizationId: other.id }, third];
    expect(openAuthorizations(events).map((a) => a.id)).toEqual([third.id]);
  });
});
