import type { ClinicalFact } from './chart-data.js';

/**
 * A clinical fact as the API lists it, for the unit tests of the chart's presentation logic:
 * a lab result by default, with the given fields over it.
 */
export const aFact = (over: Partial<ClinicalFact> & Pick<ClinicalFact, 'id' | 'occurredAt'>): ClinicalFact => ({
  kind: 'lab',
  effectiveOn: null,
  code: { system: 'http://loinc.org', code: '2571-8', display: 'Triglyceride' },
  codings: [],
  value: null,
  valueText: null,
  unit: null,
  referenceRangeHigh: null,
  data: {},
  result: {},
  alert: null,
  visibleToPatient: true,
  programEventId: null,
  recordedAt: over.occurredAt,
  recordedBy: 'u',
  recordedByRole: 'prescriber',
  onBehalfOf: null,
  ...over,
});
