import { describe, expect, it } from 'vitest';
import { date } from '../calendar/index.js';
import { decimal } from './decimal.js';
import {
  courseLengthWarnings,
  firstRetreatmentDate,
  foodWarnings,
  maximumUnknownWarnings,
  onceDailyWarnings,
  rangeWarnings,
  retreatWarnings,
} from './dose-checks.js';
import { PRODUCTS } from './products.js';

const codes = (warnings: ReadonlyArray<{ code: string }>): string[] => warnings.map((w) => w.code);
const generic = PRODUCTS['us-generic'];

describe('usual range and maximum (DOSE-RANGE, DOSE-MAX)', () => {
  it('accepts exactly 0.5 mg/kg/day and warns just below it', () => {
    expect(codes(rangeWarnings(generic, 30, decimal('60')))).toEqual([]);
    expect(codes(rangeWarnings(generic, 30, decimal('60.01')))).toEqual(['below_usual_range']);
  });

  it('accepts exactly 1 mg/kg/day and warns just above it', () => {
    expect(codes(rangeWarnings(generic, 60, decimal('60')))).toEqual([]);
    expect(codes(rangeWarnings(generic, 60, decimal('59.99')))).toEqual(['above_usual_range']);
  });

  it('does not call exactly 2 mg/kg/day above the maximum, but 2.0x is (both findings listed)', () => {
    expect(codes(rangeWarnings(generic, 120, decimal('60')))).toEqual(['above_usual_range']);
    expect(codes(rangeWarnings(generic, 120, decimal('59.99')))).toEqual(['above_usual_range', 'above_maximum']);
  });

  it('uses 0.4-0.8 and the 1.6 maximum for Absorica LD', () => {
    const ld = PRODUCTS['absorica-ld'];
    expect(codes(rangeWarnings(ld, 24, decimal('60')))).toEqual([]);
    expect(codes(rangeWarnings(ld, 24, decimal('60.5')))).toEqual(['below_usual_range']);
    expect(codes(rangeWarnings(ld, 48, decimal('60')))).toEqual([]);
    expect(codes(rangeWarnings(ld, 96, decimal('60')))).toEqual(['above_usual_range']);
    expect(codes(rangeWarnings(ld, 96, decimal('59.9')))).toEqual(['above_usual_range', 'above_maximum']);
  });

  it('reports the phase, the mg/kg/day and the rule id in the finding', () => {
    const [warning] = rangeWarnings(generic, 20, decimal('62.5'), 0);
    expect(warning).toMatchObject({ code: 'below_usual_range', ruleId: 'DOSE-RANGE', phaseIndex: 0 });
    expect(warning?.message).toContain('0.32 mg/kg/day');
  });

  it('says the maximum is unknown for Absorica LD Canada and never checks one', () => {
    const ca = PRODUCTS['absorica-ld-ca'];
    expect(codes(rangeWarnings(ca, 320, decimal('50')))).toEqual(['above_usual_range']);
    expect(maximumUnknownWarnings(ca)).toMatchObject([{ code: 'maximum_unknown', ruleId: 'DOSE-MAX' }]);
    expect(maximumUnknownWarnings(generic)).toEqual([]);
  });
});

describe('once-daily dosing (DOSE-ONCE-DAILY)', () => {
  it('warns on once-daily for US products and not for UK, EU or Canada', () => {
    expect(codes(onceDailyWarnings(generic, 1))).toEqual(['once_daily_not_recommended']);
    expect(codes(onceDailyWarnings(PRODUCTS['absorica-ld'], 1))).toEqual(['once_daily_not_recommended']);
    expect(codes(onceDailyWarnings(PRODUCTS['uk-generic'], 1))).toEqual([]);
    expect(codes(onceDailyWarnings(PRODUCTS['eu-generic'], 1))).toEqual([]);
    expect(codes(onceDailyWarnings(PRODUCTS['absorica-ld-ca'], 1))).toEqual([]);
  });

  it('never warns on two divided doses', () => {
    expect(codes(onceDailyWarnings(generic, 2))).toEqual([]);
  });
});

describe('food instruction (DOSE-FOOD)', () => {
  it('tells to take generics with food and says nothing for Absorica', () => {
    expect(foodWarnings(generic)).toMatchObject([{ code: 'take_with_food', ruleId: 'DOSE-FOOD' }]);
    expect(foodWarnings(PRODUCTS['uk-generic'])).toHaveLength(1);
    expect(foodWarnings(PRODUCTS.absorica)).toEqual([]);
    expect(foodWarnings(PRODUCTS['absorica-ld'])).toEqual([]);
  });
});

describe('retreatment gap (DOSE-RETREAT)', () => {
  const lastDose = date('2026-01-10');

  it('sets the first allowed start 8 weeks (56 days) after the last dose', () => {
    expect(firstRetreatmentDate(generic, lastDose).toString()).toBe('2026-03-07');
  });

  it('warns on a start 55 days after the last dose, with the first allowed date', () => {
    const warnings = retreatWarnings(generic, lastDose, date('2026-03-06'));
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'retreatment_too_early', ruleId: 'DOSE-RETREAT', earliestDate: '2026-03-07' }),
    ]);
  });

  it('allows a start 56 or 57 days after the last dose', () => {
    expect(retreatWarnings(generic, lastDose, date('2026-03-07'))).toEqual([]);
    expect(retreatWarnings(generic, lastDose, date('2026-03-08'))).toEqual([]);
  });

  it('counts the Absorica gap of 2 months in calendar months (DECISION 1)', () => {
    expect(firstRetreatmentDate(PRODUCTS.absorica, lastDose).toString()).toBe('2026-03-10');
    expect(firstRetreatmentDate(PRODUCTS.absorica, date('2025-12-31')).toString()).toBe('2026-02-28');
    expect(codes(retreatWarnings(PRODUCTS.absorica, lastDose, date('2026-03-09')))).toEqual(['retreatment_too_early']);
    expect(retreatWarnings(PRODUCTS.absorica, lastDose, date('2026-03-10'))).toEqual([]);
  });
});

describe('course length (DOSE-COURSE-LENGTH)', () => {
  it('accepts 15 to 20 weeks for US products, inclusive', () => {
    expect(codes(courseLengthWarnings(generic, 104))).toEqual(['course_shorter_than_usual']);
    expect(courseLengthWarnings(generic, 105)).toEqual([]);
    expect(courseLengthWarnings(generic, 140)).toEqual([]);
    expect(codes(courseLengthWarnings(generic, 141))).toEqual(['course_longer_than_usual']);
  });

  it('accepts 16 to 24 weeks for UK and EU products, inclusive', () => {
    const uk = PRODUCTS['uk-generic'];
    expect(codes(courseLengthWarnings(uk, 111))).toEqual(['course_shorter_than_usual']);
    expect(courseLengthWarnings(uk, 112)).toEqual([]);
    expect(courseLengthWarnings(uk, 168)).toEqual([]);
    expect(codes(courseLengthWarnings(uk, 169))).toEqual(['course_longer_than_usual']);
  });
});
