import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from '../../db/testing/test-database.js';
import { clinicalWorld, expectOk, PNG_1X1, type ClinicalWorld } from '../testing/clinical-world.js';

let world: ClinicalWorld | undefined;
afterEach(async () => {
  await world?.server.close();
  world = undefined;
});

interface Export {
  format: string;
  patient: { id: string; displayName: string; birthDate: string | null };
  courses: Array<{ id: string; patientId: string }>;
  events: Array<{ courseId: string; kind: string }>;
  prescriptions: unknown[];
  authorizations: unknown[];
  dispenses: unknown[];
  facts: Array<{ courseId: string; kind: string; valueText: string | null; data: Record<string, unknown>; visibleToPatient: boolean }>;
  photos: Array<{ courseId: string; contentType: string; caption: string | null }>;
}

describe(`GET /api/me/export (the patient's own data) on ${testEngine()}`, () => {
  it("holds the patient's record, course, events and the facts visible to them, never internal notes nor another patient's data, and audits the read", async () => {
    world = await clinicalWorld();
    const { prescriber, courseId, otherCourseId, patientId } = world;
    const patient = await world.as('patient');
    expectOk('dose', await patient.post(`/api/courses/${courseId}/doses`, { date: '2026-03-02', mg: 40, taken: true }), 201);
    expectOk('phq9', await patient.post(`/api/courses/${courseId}/phq9`, { answers: [1, 0, 0, 0, 0, 0, 0, 0, 0] }), 201);
    expectOk('symptoms', await patient.post(`/api/courses/${courseId}/symptoms`, { answers: [{ symptomId: 'dry-skin', answer: 'yes' }] }), 201);
    expectOk('visible note', await prescriber.post(`/api/courses/${courseId}/notes`, { text: 'See you in four weeks.', visibleToPatient: true }), 201);
    expectOk('internal note', await prescriber.post(`/api/courses/${courseId}/notes`, { text: 'INTERNAL-ONLY staff remark' }), 201);
    expectOk('photo', await patient.post(`/api/courses/${courseId}/photos`, { dataBase64: PNG_1X1.toString('base64'), takenOn: '2026-03-01', bodySite: 'face', caption: 'week 1' }), 201);
    // another patient of the same clinic, with their own facts
    expectOk('other dose', await prescriber.post(`/api/courses/${otherCourseId}/doses`, { date: '2026-03-02', mg: 60, taken: false }), 201);
    expectOk('other note', await prescriber.post(`/api/courses/${otherCourseId}/notes`, { text: 'OTHER-PATIENT note', visibleToPatient: true }), 201);

    const response = expectOk('export', await patient.get('/api/me/export'), 200);
    const body = response.json<Export>();
    expect(body.format).toBe('isocourse-patient-export/1');
    expect(body.patient).toMatchObject({ id: patientId, displayName: 'Casey Morgan', birthDate: '2002-02-02' });
    expect(body.courses.map((c) => c.id)).toEqual([courseId]);
    expect(body.events.length).toBeGreaterThan(0);
    expect(body.events.every((e) => e.courseId === courseId)).toBe(true);
    expect(body.facts.every((f) => f.courseId === courseId && f.visibleToPatient)).toBe(true);
    expect(body.facts.map((f) => f.kind).sort()).toEqual(['dose', 'note', 'phq9', 'symptoms']);
    expect(body.facts.find((f) => f.kind === 'dose')).toMatchObject({ valueText: 'taken', data: { date: '2026-03-02', mg: 40 } });
    expect(body.photos).toMatchObject([{ courseId, contentType: 'image/png', caption: 'week 1' }]);
    expect(body.authorizations).toEqual([]);
    expect(body.dispenses).toEqual([]);
    expect(response.body).not.toContain('INTERNAL-ONLY');
    expect(response.body).not.toContain('OTHER-PATIENT');
    expect(response.body).not.toContain(otherCourseId);
    expect(response.body).not.toContain('Robin Other');

    const audit = await world.server.database.db.selectFrom('audit_log').select(['action', 'resource_type', 'resource_id', 'actor_role']).where('patient_id', '=', patientId).where('action', '=', 'export').execute();
    expect(audit).toEqual([{ action: 'export', resource_type: 'patient', resource_id: patientId, actor_role: 'patient' }]);
  });

  it('gives the other patient only their own course', async () => {
    world = await clinicalWorld();
    const other = await world.as('otherPatient');
    const body = expectOk('export', await other.get('/api/me/export'), 200).json<Export>();
    expect(body.courses.map((c) => c.id)).toEqual([world.otherCourseId]);
    expect(body.patient.displayName).toBe('Robin Other');
  });

  it('is for patients only', async () => {
    world = await clinicalWorld();
    expect((await world.prescriber.get('/api/me/export')).statusCode).toBe(403);
    expect((await (await world.as('admin')).get('/api/me/export')).statusCode).toBe(403);
    expect((await world.server.app.inject({ method: 'GET', url: '/api/me/export' })).statusCode).toBe(401);
  });
});
