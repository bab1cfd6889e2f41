import { describe, expect, it } from 'vitest';
import type { CourseDetail } from './chart-data.js';
import { buildTimeline, eventTitle } from './timeline.js';

const detail: CourseDetail = {
  course: { id: 'c', patientId: 'p', sequence: 1, status: 'active', prescriberId: 'd', product: 'us-generic', targetMgPerKg: 120, baselineWeightKg: '70', stopReason: null },
  patient: { id: 'p', displayName: 'Jordan Lee', birthDate: '2000-01-01', riskCategory: 'can_get_pregnant' },
  events: [
    { id: 'auth-1', kind: 'authorization_issued', occurredAt: '2026-10-12T15:00:00.018Z', payload: { id: 'auth-1', kind: 'authorization_issued', at: '2026-10-12T15:00:00.018Z', prescriptionId: 'rx-1', lastDayToCollect: '2026-11-10' } },
    { id: 'rx-1', kind: 'prescription', occurredAt: '2026-10-12T15:00:00.000Z', payload: { id: 'rx-1', kind: 'prescription', writtenOn: '2026-10-12', dailyMg: 40, quantity: 60, strengthMg: 20, refills: 0, product: 'us-generic', prescriberId: 'd' } },
    { id: 't-1', kind: 'pregnancy_test', occurredAt: '2026-10-12T13:00:00.000Z', payload: { id: 't-1', kind: 'pregnancy_test', collectedAt: '2026-10-12T09:00:00-04:00', specimen: 'urine', setting: 'clia_lab', result: 'negative', purpose: 'confirmation' } },
    { id: 'e-1', kind: 'enrollment', occurredAt: '2026-09-10T13:00:00.000Z', payload: { id: 'e-1', kind: 'enrollment', on: '2026-09-10', prescriberId: 'd' } },
    { id: 's-1', kind: 'course_stopped', occurredAt: '2026-11-20T13:00:00.000Z', payload: { id: 's-1', kind: 'course_stopped', on: '2026-11-20', reason: 'pregnancy' } },
    { id: 'x-1', kind: 'future_kind', occurredAt: '2026-11-21T13:00:00.000Z', payload: 'not an object' },
  ],
  prescriptions: [],
  authorizations: [
    {
      id: 'auth-1',
      number: 'ISO-AAAA-BBBB-CCCC',
      prescriptionId: 'rx-1',
      status: 'dispensed',
      firstInstant: '2026-10-12T11:00:00-04:00[America/New_York]',
      lastInstant: '2026-11-10T23:59:59-05:00[America/New_York]',
      lastDayToCollect: '2026-11-10',
      packId: 'us-ipledge-2026',
    },
  ],
  decisions: [],
};

describe('the course timeline', () => {
  it('puts every record in date order with its own day and plain words', () => {
    const entries = buildTimeline(detail);
    expect(entries.map((e) => [e.day, e.category, e.title])).toEqual([
      ['2026-09-10', 'programme', 'Enrolled'],
      ['2026-10-12', 'test', 'Pregnancy test'],
      ['2026-10-12', 'prescription', 'Prescription written'],
      ['2026-10-12', 'authorization', 'Authorization issued'],
      ['2026-11-20', 'course', 'Course stopped'],
      ['2026-11-21', 'programme', 'Other record (future_kind)'],
    ]);
    expect(entries[1]?.detail).toBe('Confirmation test, negative, laboratory.');
    expect(entries[2]?.detail).toBe('40 mg a day, 60 capsules of 20 mg.');
    expect(entries[3]?.detail).toBe('Number ISO-AAAA-BBBB-CCCC, collect by Tuesday 10 November 2026; now dispensed.');
    expect(entries[4]?.detail).toBe('Reason: pregnancy.');
    expect(entries[5]?.detail).toBeUndefined();
  });

  it('names every known event kind in words, and an unknown one as it is', () => {
    expect(eventTitle('comprehension_questions')).toBe('Comprehension questions answered');
    expect(eventTitle('something_new')).toBe('Other record (something_new)');
  });
});
