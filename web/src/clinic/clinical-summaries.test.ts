import { describe, expect, it } from 'vitest';
import { aFact } from './fact-fixture.js';
import { flaggedFacts, labSeries, phq9Rows, trendOf } from './clinical-summaries.js';

const fact = aFact;

describe('lab series', () => {
  it('groups per LOINC code, oldest first, with the grade and the trend, highest latest grade first', () => {
    const series = labSeries([
      fact({ id: 'a2', occurredAt: '2026-11-19T15:00:00Z', value: 620, unit: 'mg/dL', referenceRangeHigh: 150, result: { grade: 3, criterion: '620 > 500', ruleIds: ['LAB-TG'], actions: [{ code: 'x', message: 'consider a dose reduction', ruleId: 'LAB-ACTIONS' }] } }),
      fact({ id: 'a1', occurredAt: '2026-10-10T15:00:00Z', value: 140, unit: 'mg/dL', result: { grade: 0 } }),
      fact({ id: 'b1', occurredAt: '2026-10-10T15:00:00Z', value: 30, code: { system: 'http://loinc.org', code: '1742-6', display: 'ALT' }, result: { grade: 1 } }),
    ]);
    expect(series.map((s) => [s.code, s.trend, s.readings.map((r) => r.id)])).toEqual([
      ['2571-8', 'up', ['a1', 'a2']],
      ['1742-6', 'first', ['b1']],
    ]);
    expect(series[0]?.readings[1]).toMatchObject({ grade: 3, upperLimit: 150, criterion: '620 > 500', ruleIds: ['LAB-TG'], actions: ['consider a dose reduction'] });
  });

  it('reads a result it does not know as ungraded', () => {
    expect(labSeries([fact({ id: 'x', occurredAt: '2026-10-10T15:00:00Z', result: 'odd' })])[0]?.readings[0]?.grade).toBeNull();
  });

  it('compares the two latest numbers only', () => {
    expect(trendOf([{ value: 3 }, { value: null }, { value: 2 }])).toBe('down');
    expect(trendOf([{ value: 2 }, { value: 2 }])).toBe('same');
    expect(trendOf([{ value: null }])).toBe('first');
  });
});

describe('PHQ-9 rows', () => {
  it('lists the newest first with total, band and item 9', () => {
    const items = (nine: number) => Array.from({ length: 9 }, (_, i) => ({ number: i + 1, score: i === 8 ? nine : 1 }));
    const rows = phq9Rows([
      fact({ id: 'p1', kind: 'phq9', occurredAt: '2026-10-01T10:00:00Z', value: 8, valueText: 'complete', result: { band: 'mild', items: items(0) } }),
      fact({ id: 'p2', kind: 'phq9', occurredAt: '2026-11-20T16:40:00Z', value: 10, valueText: 'complete', result: { band: 'moderate', items: items(2) }, alert: 'urgent' }),
    ]);
    expect(rows.map((r) => [r.id, r.total, r.band, r.item9, r.alert])).toEqual([
      ['p2', 10, 'moderate', 2, 'urgent'],
      ['p1', 8, 'mild', 0, null],
    ]);
  });
});

describe('flagged facts', () => {
  it('keeps urgent then soon, newest first', () => {
    const flagged = flaggedFacts([
      fact({ id: 's', occurredAt: '2026-11-01T00:00:00Z', alert: 'soon' }),
      fact({ id: 'r', occurredAt: '2026-11-02T00:00:00Z', alert: 'routine' }),
      fact({ id: 'u1', occurredAt: '2026-10-01T00:00:00Z', alert: 'urgent' }),
      fact({ id: 'u2', occurredAt: '2026-11-03T00:00:00Z', alert: 'urgent' }),
    ]);
    expect(flagged.map((f) => f.id)).toEqual(['u2', 'u1', 's']);
  });
});
