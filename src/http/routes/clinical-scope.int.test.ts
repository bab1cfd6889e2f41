import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../db/testing/test-database.js';
import type { ApiClient } from '../testing/api-client.js';
import { clinicalWorld, expectOk, PNG_1X1, type ClinicalWorld, type WorldRole } from '../testing/clinical-world.js';

/**
 * CLIN-SCOPE: every clinical route x every role, on the patient's own course. Staff of the clinic
 * record everything; the patient records their own doses, PHQ-9, symptoms and photos and reads
 * their whole record; the clinic administrator only reads; another patient is refused (403), a
 * pharmacist sees nothing (403), a prescriber of another clinic finds no such course (404).
 */
type Who = WorldRole | 'signedOut';
type Expect = Readonly<Record<Who, number>>;

const PATIENT_OR_STAFF_WRITE: Expect = { prescriber: 201, designee: 201, admin: 403, patient: 201, otherPatient: 403, pharmacist: 403, foreignPrescriber: 404, signedOut: 401 };
const STAFF_WRITE: Expect = { prescriber: 201, designee: 201, admin: 403, patient: 403, otherPatient: 403, pharmacist: 403, foreignPrescriber: 404, signedOut: 401 };
const READ: Expect = { prescriber: 200, designee: 200, admin: 200, patient: 200, otherPatient: 403, pharmacist: 403, foreignPrescriber: 404, signedOut: 401 };

let n = 0;
/** A day not used before in this file, so dose and weight keys never collide between callers. */
const freshDay = () => {
  n += 1;
  return `2026-02-${String(n).padStart(2, '0')}`;
};

interface Operation {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: () => unknown;
  readonly expect: Expect;
}

const OPERATIONS: readonly Operation[] = [
  { name: 'recordDose', method: 'POST', path: 'doses', body: () => ({ date: freshDay(), mg: 20, taken: true }), expect: PATIENT_OR_STAFF_WRITE },
  { name: 'recordPhq9', method: 'POST', path: 'phq9', body: () => ({ answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] }), expect: PATIENT_OR_STAFF_WRITE },
  { name: 'recordSymptomReport', method: 'POST', path: 'symptoms', body: () => ({ answers: [{ symptomId: 'dry-skin', answer: 'yes' }] }), expect: PATIENT_OR_STAFF_WRITE },
  { name: 'uploadPhoto', method: 'POST', path: 'photos', body: () => ({ dataBase64: PNG_1X1.toString('base64') }), expect: PATIENT_OR_STAFF_WRITE },
  { name: 'recordWeight', method: 'POST', path: 'weights', body: () => ({ date: freshDay(), weightKg: 70 }), expect: STAFF_WRITE },
  { name: 'recordLab', method: 'POST', path: 'labs', body: () => ({ loinc: '2571-8', value: 120, unit: 'mg/dL', collectedAt: '2026-03-01T09:00:00Z' }), expect: STAFF_WRITE },
  { name: 'recordGrading', method: 'POST', path: 'gradings', body: () => ({ scale: 'scars', grade: 2 }), expect: STAFF_WRITE },
  { name: 'recordNote', method: 'POST', path: 'notes', body: () => ({ text: 'Seen today.' }), expect: STAFF_WRITE },
  ...['doses', 'weights', 'labs', 'phq9', 'symptoms', 'gradings', 'notes', 'photos', 'cumulative-dose'].map((path) => ({ name: `GET ${path}`, method: 'GET' as const, path, expect: READ })),
];

const WHO: readonly Who[] = ['prescriber', 'designee', 'admin', 'patient', 'otherPatient', 'pharmacist', 'foreignPrescriber', 'signedOut'];

let world: ClinicalWorld;
const clients = new Map<Who, ApiClient>();

beforeAll(async () => {
  world = await clinicalWorld();
  for (const who of WHO) {
    if (who === 'signedOut') {
      const app = world.server.app;
      clients.set(who, {
        get: (url) => app.inject({ method: 'GET', url }),
        post: (url, payload) => app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> }),
      });
    } else {
      clients.set(who, await world.as(who));
    }
  }
}, 120_000);
afterAll(async () => {
  await world.server.close();
});

describe(`who may record and read the clinical facts of a course, on ${testEngine()}`, () => {
  for (const op of OPERATIONS) {
    it(`answers ${op.name} for every role with the scope's status`, async () => {
      const url = `/api/courses/${world.courseId}/${op.path}`;
      const seen: Record<string, number> = {};
      for (const who of WHO) {
        const client = clients.get(who);
        if (client === undefined) throw new Error(`no client for ${who}`);
        const response = op.method === 'GET' ? await client.get(url) : await client.post(url, op.body?.());
        seen[who] = response.statusCode;
      }
      expect(seen).toEqual(op.expect);
    });
  }

  it('lets clinic staff record for another patient of their clinic, never the patient', async () => {
    const url = `/api/courses/${world.otherCourseId}/doses`;
    expect((await world.prescriber.post(url, { date: freshDay(), mg: 20, taken: true })).statusCode).toBe(201);
    const patient = await world.as('patient');
    expect((await patient.post(url, { date: freshDay(), mg: 20, taken: true })).statusCode).toBe(403);
    expect((await patient.get(`/api/courses/${world.otherCourseId}/photos`)).statusCode).toBe(403);
  });

  it('refuses a designee who names a prescriber they do not act for, and a patient naming any prescriber', async () => {
    const designee = await world.as('designee');
    const foreign = await designee.post(`/api/courses/${world.courseId}/notes`, { text: 'x', prescriberId: '00000000-0000-4000-8000-000000000000' });
    expect(foreign.statusCode).toBe(403);
    const patient = await world.as('patient');
    const named = await patient.post(`/api/courses/${world.courseId}/doses`, { date: freshDay(), mg: 20, taken: true, prescriberId: world.users.prescriber.id });
    expect(named.statusCode).toBe(400);
    expect(named.json()).toMatchObject({ errors: [{ pointer: '/prescriberId' }] });
  });

  it('answers 404 for a course id that does not exist and for one that is not a uuid', async () => {
    expect((await world.prescriber.get('/api/courses/00000000-0000-4000-8000-000000000000/labs')).statusCode).toBe(404);
    expect((await world.prescriber.get('/api/courses/not-a-course/labs')).statusCode).toBe(404);
    expectOk('still fine', await world.prescriber.get(`/api/courses/${world.courseId}/labs`), 200);
  });

  it('audits every read and every write of clinical data with who did it and whose record it is', async () => {
    const db = world.server.database.db;
    const before = await db.selectFrom('audit_log').select('seq').where('patient_id', '=', world.patientId).execute();
    expectOk('write', await (await world.as('patient')).post(`/api/courses/${world.courseId}/doses`, { date: freshDay(), mg: 20, taken: false }), 201);
    expectOk('read', await (await world.as('admin')).get(`/api/courses/${world.courseId}/doses`), 200);
    const rows = await db.selectFrom('audit_log').select(['action', 'actor_role', 'resource_type', 'outcome']).where('patient_id', '=', world.patientId).orderBy('at').orderBy('seq').execute();
    expect(rows.slice(before.length).map((r) => [r.action, r.actor_role, r.resource_type, r.outcome])).toEqual([
      ['record_dose', 'patient', 'clinical_fact', 'success'],
      ['read_dose', 'clinic_admin', 'course', 'success'],
    ]);
  });
});
