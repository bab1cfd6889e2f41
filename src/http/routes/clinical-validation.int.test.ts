import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../db/testing/test-database.js';
import { clinicalWorld, type ClinicalWorld } from '../testing/clinical-world.js';

/**
 * An invalid payload of each kind is a 400 problem naming the field (JSON pointer), whether the
 * schema refuses it (`validation_failed`) or the clinical engine cannot judge it
 * (`invalid_input`, e.g. an unknown LOINC code or a unit the code is not reported in). Never a 5xx.
 */
interface Case {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly pointer: string;
  readonly code: 'validation_failed' | 'invalid_input';
}

const AT = '2026-03-02T09:00:00-05:00';
const dose = { date: '2026-03-01', mg: 20, taken: true };
const lab = { loinc: '2571-8', value: 120, unit: 'mg/dL', collectedAt: AT };
const nine = [0, 0, 0, 0, 0, 0, 0, 0, 0];
const gags = { scale: 'gags', forehead: 1, rightCheek: 1, leftCheek: 1, nose: 1, chin: 1, chestAndUpperBack: 1 };

const CASES: readonly Case[] = [
  { path: 'doses', body: { ...dose, mg: 0 }, pointer: '/mg', code: 'validation_failed' },
  { path: 'doses', body: { ...dose, mg: 20.5 }, pointer: '/mg', code: 'validation_failed' },
  { path: 'doses', body: { ...dose, date: '2026-02-30' }, pointer: '/date', code: 'validation_failed' },
  { path: 'doses', body: { date: dose.date, mg: 20 }, pointer: '/taken', code: 'validation_failed' },
  { path: 'doses', body: { ...dose, doseIndex: 3 }, pointer: '/doseIndex', code: 'validation_failed' },
  { path: 'doses', body: { ...dose, date: '2026-03-03' }, pointer: '/date', code: 'invalid_input' },
  { path: 'weights', body: { date: '2026-03-01', weightKg: -70 }, pointer: '/weightKg', code: 'validation_failed' },
  { path: 'weights', body: { date: '2026-03-01', weightKg: 70.125 }, pointer: '/weightKg', code: 'validation_failed' },
  { path: 'weights', body: { date: '2026-03-01', weightKg: 701 }, pointer: '/weightKg', code: 'validation_failed' },
  { path: 'labs', body: { ...lab, loinc: '9999-9' }, pointer: '/loinc', code: 'invalid_input' },
  { path: 'labs', body: { ...lab, loinc: 'TG' }, pointer: '/loinc', code: 'validation_failed' },
  { path: 'labs', body: { ...lab, unit: 'mmol/L' }, pointer: '/unit', code: 'invalid_input' },
  { path: 'labs', body: { ...lab, unit: undefined }, pointer: '/unit', code: 'invalid_input' },
  { path: 'labs', body: { ...lab, loinc: '1742-6', unit: 'U/L' }, pointer: '/referenceRangeHigh', code: 'invalid_input' },
  { path: 'labs', body: { ...lab, loinc: '57698-3' }, pointer: '/loinc', code: 'invalid_input' },
  { path: 'labs', body: { ...lab, loinc: '29463-7', unit: 'kg', value: 70 }, pointer: '/loinc', code: 'invalid_input' },
  { path: 'labs', body: { ...lab, value: 'high' }, pointer: '/value', code: 'validation_failed' },
  { path: 'labs', body: { ...lab, value: 'positive' }, pointer: '/value', code: 'invalid_input' },
  { path: 'labs', body: { ...lab, collectedAt: '2026-03-02' }, pointer: '/collectedAt', code: 'validation_failed' },
  { path: 'labs', body: { ...lab, collectedAt: '2026-04-01T09:00:00Z' }, pointer: '/collectedAt', code: 'invalid_input' },
  { path: 'labs', body: { loinc: '21198-7', value: 12, unit: 'm[IU]/mL', collectedAt: AT, pregnancyTest: { purpose: 'monthly', setting: 'clia_lab' } }, pointer: '/interpretation', code: 'invalid_input' },
  { path: 'labs', body: { loinc: '2106-3', value: 'negative', collectedAt: AT, pregnancyTest: { purpose: 'monthly', setting: 'home' } }, pointer: '/pregnancyTest/setting', code: 'validation_failed' },
  { path: 'phq9', body: { answers: nine.slice(1) }, pointer: '/answers', code: 'validation_failed' },
  { path: 'phq9', body: { answers: [...nine.slice(1), 4] }, pointer: '/answers', code: 'validation_failed' },
  { path: 'phq9', body: { answers: { '1234-5': 1 } }, pointer: '/answers', code: 'validation_failed' },
  { path: 'phq9', body: { answers: nine, item10: 'LA9999-9' }, pointer: '/item10', code: 'validation_failed' },
  { path: 'phq9', body: { answers: nine, completedAt: '2027-01-01T00:00:00Z' }, pointer: '/completedAt', code: 'invalid_input' },
  { path: 'symptoms', body: { answers: [] }, pointer: '/answers', code: 'validation_failed' },
  { path: 'symptoms', body: { answers: [{ symptomId: 'hiccups', answer: 'yes' }] }, pointer: '/answers/0/symptomId', code: 'invalid_input' },
  { path: 'symptoms', body: { answers: [{ symptomId: 'dry-skin', answer: 'always' }] }, pointer: '/answers/0/answer', code: 'invalid_input' },
  { path: 'symptoms', body: { answers: [{ symptomId: 'dry-skin', answer: 'yes' }, { symptomId: 'dry-skin', answer: 'no' }] }, pointer: '/answers/1/symptomId', code: 'invalid_input' },
  { path: 'gradings', body: { scale: 'iga', grade: 5 }, pointer: '/grade', code: 'validation_failed' },
  { path: 'gradings', body: { scale: 'pasi', grade: 1 }, pointer: '/scale', code: 'validation_failed' },
  { path: 'gradings', body: { ...gags, nose: undefined }, pointer: '/nose', code: 'validation_failed' },
  { path: 'gradings', body: { scale: 'lesion_counts' }, pointer: '/face', code: 'invalid_input' },
  { path: 'gradings', body: { scale: 'leeds' }, pointer: '/faceInflammatory', code: 'invalid_input' },
  { path: 'gradings', body: { scale: 'scars', grade: 2, assessedOn: '2026-12-01' }, pointer: '/assessedOn', code: 'invalid_input' },
  { path: 'notes', body: { text: '   ' }, pointer: '/text', code: 'validation_failed' },
  { path: 'notes', body: { text: 'x'.repeat(10_001) }, pointer: '/text', code: 'validation_failed' },
];

let world: ClinicalWorld;
beforeAll(async () => {
  world = await clinicalWorld();
}, 120_000);
afterAll(async () => {
  await world.server.close();
});

describe(`invalid clinical facts are a 400 naming the field, on ${testEngine()}`, () => {
  it.each(CASES.map((c) => [`${c.path} ${JSON.stringify(c.body).slice(0, 90)} -> ${c.pointer}`, c] as const))('refuses %s', async (_name, c) => {
    const response = await world.prescriber.post(`/api/courses/${world.courseId}/${c.path}`, c.body);
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<{ code: string; errors: Array<{ pointer: string; detail: string }> }>();
    expect(problem.code).toBe(c.code);
    expect(problem.errors.map((e) => e.pointer)).toContain(c.pointer);
  });

  it('answers any field replaced by any JSON value with a 2xx or a 4xx problem, never a 5xx (property)', async () => {
    const templates: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
      ['doses', dose],
      ['weights', { date: '2026-03-01', weightKg: 70 }],
      ['labs', lab],
      ['labs', { loinc: '2106-3', value: 'negative', collectedAt: AT, pregnancyTest: { purpose: 'screening', setting: 'clia_lab' } }],
      ['phq9', { answers: nine }],
      ['symptoms', { answers: [{ symptomId: 'dry-skin', answer: 'yes' }] }],
      ['gradings', gags],
      ['notes', { text: 'Seen.' }],
      ['photos', { dataBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==' }],
    ];
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: templates.length - 1 }), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), fc.boolean(), async (which, extraKey, value, replace) => {
        const [path, template] = templates[which] ?? templates[0]!;
        const keys = Object.keys(template);
        const key = replace ? (keys[extraKey.length % keys.length] ?? extraKey) : extraKey;
        // on the other patient's course: what this test stores never meets the checks below
        const response = await world.prescriber.post(`/api/courses/${world.otherCourseId}/${path}`, { ...template, [key]: value });
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (response.statusCode >= 400) expect(response.headers['content-type']).toContain('application/problem+json');
      }),
      { numRuns: 60 },
    );
  });

  it('names an unknown field in the problem and stores nothing that was refused', async () => {
    const response = await world.prescriber.post(`/api/courses/${world.courseId}/doses`, { ...dose, dose: 20 });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: Array<{ detail: string }> }>().errors[0]?.detail).toContain('"dose"');
    const stored = await world.server.database.db.selectFrom('clinical_fact').select('id').where('course_id', '=', world.courseId).execute();
    expect(stored).toEqual([]);
    const tasks = await world.server.database.db.selectFrom('task').select('id').where('course_id', '=', world.courseId).execute();
    expect(tasks).toEqual([]);
  });
});
