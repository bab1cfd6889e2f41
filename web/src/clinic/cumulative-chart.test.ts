import { describe, expect, it } from 'vitest';
import type { ClinicalFact } from './chart-data.js';
import { aFact } from './fact-fixture.js';
import { chartGeometry, cumulativeSeries, projectEnd } from './cumulative-chart.js';

const dose = (day: string, mg: number, taken = true): ClinicalFact =>
  aFact({
    id: `${day}-${String(mg)}-${String(taken)}`,
    kind: 'dose',
    occurredAt: `${day}T12:00:00.000Z`,
    effectiveOn: day,
    code: { system: 'http://snomed.info/sct', code: '387208003', display: 'Isotretinoin' },
    value: mg,
    valueText: taken ? 'taken' : 'missed',
    unit: 'mg',
  });

const box = { width: 600, height: 300, left: 50, right: 10, top: 10, bottom: 40 };

describe('the cumulative series', () => {
  it('adds the doses taken per day in date order and never counts a missed dose', () => {
    expect(cumulativeSeries([dose('2026-11-17', 40), dose('2026-11-16', 20), dose('2026-11-16', 20), dose('2026-11-18', 40, false)])).toEqual([
      { day: '2026-11-16', totalMg: 40 },
      { day: '2026-11-17', totalMg: 80 },
    ]);
    expect(cumulativeSeries([])).toEqual([]);
  });
});

describe('the projected end', () => {
  it('lays the remaining mg in whole days from the day after the last dose', () => {
    // 8240 mg at 40 mg a day: 206 days, the first on 21 November, the last on 14 June
    expect(projectEnd({ remainingMg: 8240, dailyMg: 40, lastDoseDate: '2026-11-20', today: '2026-11-21' })).toEqual({ fromDay: '2026-11-21', endDay: '2027-06-14', daysLeft: 206, dailyMg: 40 });
  });

  it('starts today when the last dose is older, and rounds a part day up', () => {
    expect(projectEnd({ remainingMg: 90, dailyMg: 40, lastDoseDate: '2026-11-01', today: '2026-11-21' })).toEqual({ fromDay: '2026-11-21', endDay: '2026-11-23', daysLeft: 3, dailyMg: 40 });
    expect(projectEnd({ remainingMg: 40, dailyMg: 40, lastDoseDate: null, today: '2026-11-21' })?.endDay).toBe('2026-11-21');
  });

  it('has nothing to project without a daily dose or when the target is reached', () => {
    expect(projectEnd({ remainingMg: 100, dailyMg: undefined, lastDoseDate: null, today: '2026-11-21' })).toBeUndefined();
    expect(projectEnd({ remainingMg: 0, dailyMg: 40, lastDoseDate: null, today: '2026-11-21' })).toBeUndefined();
  });
});

describe('the chart geometry', () => {
  it('starts at zero on the first dose day and ends at the target on the projected end day', () => {
    const series = [
      { day: '2026-11-01', totalMg: 40 },
      { day: '2026-11-11', totalMg: 440 },
    ];
    const g = chartGeometry(series, { fromDay: '2026-11-12', endDay: '2026-11-21', daysLeft: 10, dailyMg: 40 }, 840, box);
    expect(g?.taken).toBe('50,260 50,248.1 320,129');
    expect(g?.projection).toEqual({ x1: 320, y1: 129, x2: 590, y2: 10 });
    expect(g?.targetY).toBe(10);
    expect(g?.yMax).toBe(840);
  });

  it('keeps a total above the target inside the box, and draws nothing without any day', () => {
    const g = chartGeometry([{ day: '2026-11-01', totalMg: 900 }], undefined, 840, box);
    expect(g?.yMax).toBe(900);
    expect(g?.taken).toBe('50,260 50,10');
    expect(chartGeometry([], undefined, 840, box)).toBeUndefined();
  });
});
