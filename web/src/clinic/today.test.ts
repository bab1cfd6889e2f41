import { describe, expect, it } from 'vitest';
import type { CourseDetail } from './chart-data.js';
import { programmeToday, programmeZone, todayIn } from './today.js';

const withDecisions = (decisions: unknown[]): CourseDetail => ({
  course: { id: 'c', patientId: 'p', sequence: 1, status: 'active', prescriberId: null, product: null, targetMgPerKg: null, baselineWeightKg: null, stopReason: null },
  patient: { id: 'p', displayName: 'A', birthDate: null, riskCategory: null },
  events: [],
  prescriptions: [],
  authorizations: [],
  decisions: decisions.map((decision, i) => ({ id: String(i), action: 'enroll', decidedAt: '2026-11-01T00:00:00Z', outcome: 'allowed', decision })),
});

// 03:30 UTC on 22 November is still 21 November in New York
const lateEvening = new Date('2026-11-22T03:30:00Z');

describe('the programme day', () => {
  it('counts today in the zone of the course’s programme', () => {
    const detail = withDecisions(['odd', { pack: { id: 'us-ipledge-2026', zone: 'America/New_York' } }]);
    expect(programmeZone(detail)).toBe('America/New_York');
    expect(programmeToday(detail, lateEvening)).toBe('2026-11-21');
    expect(todayIn('UTC', lateEvening)).toBe('2026-11-22');
  });

  it('falls back to the browser’s day without a recorded decision or with an unknown zone', () => {
    expect(programmeZone(withDecisions([]))).toBeUndefined();
    expect(programmeToday(withDecisions([]), lateEvening)).toBe(todayIn(undefined, lateEvening));
    expect(programmeToday(withDecisions([{ pack: { zone: 'Not/AZone' } }]), lateEvening)).toBe(todayIn(undefined, lateEvening));
  });
});
