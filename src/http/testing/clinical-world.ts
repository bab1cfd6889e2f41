import type { LightMyRequestResponse } from 'fastify';
import { aClinic, aPharmacy, aUser, type TestUser } from '../../app/testing/builders.js';
import { MovableClock } from '../../app/testing/clock.js';
import { signedIn, type ApiClient } from './api-client.js';
import { startTestServer, type TestServer } from './test-server.js';

/**
 * A clinic with every role around one enrolled patient, for the clinical-facts tests: the
 * prescriber, a designee acting for them, a clinic administrator, the patient themself (signed in
 * to their own record), another patient of the clinic, a pharmacist, and a prescriber of another
 * clinic. Helpers throw with the server's answer when a precondition fails.
 */
export type WorldRole = 'prescriber' | 'designee' | 'admin' | 'patient' | 'otherPatient' | 'pharmacist' | 'foreignPrescriber';

export interface ClinicalWorld {
  readonly server: TestServer;
  readonly clock: MovableClock;
  readonly courseId: string;
  readonly patientId: string;
  readonly otherCourseId: string;
  readonly users: { readonly prescriber: TestUser };
  /** The prescriber of the clinic, signed in. */
  readonly prescriber: ApiClient;
  /** Any role, signed in on first use (password hashing is slow: only what a test needs). */
  as(role: WorldRole): Promise<ApiClient>;
}

export function expectOk(step: string, response: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (response.statusCode !== status) throw new Error(`${step}: expected ${status}, got ${response.statusCode} ${response.body.slice(0, 800)}`);
  return response;
}

async function enroll(staff: ApiClient, body: Record<string, unknown>): Promise<{ patientId: string; courseId: string }> {
  const r = expectOk('enroll', await staff.post('/api/patients', body), 201).json<{ patientId: string; course: { id: string } }>();
  return { patientId: r.patientId, courseId: r.course.id };
}

export function enrollment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    displayName: 'Casey Morgan',
    birthDate: '2002-02-02',
    risk: { category: 'can_get_pregnant', basis: [] },
    product: 'us-generic',
    baselineWeightKg: 70,
    ...overrides,
  };
}

export async function clinicalWorld(options: { start?: string; jurisdiction?: string; timeZone?: string; enroll?: Record<string, unknown> } = {}): Promise<ClinicalWorld> {
  const clock = new MovableClock(options.start ?? '2026-03-02T15:00:00Z');
  const server = await startTestServer({ clock });
  const db = server.database.db;
  const clinic = await aClinic(db, { jurisdiction: options.jurisdiction ?? 'US', timeZone: options.timeZone ?? 'America/New_York' });
  const prescriberUser = await aUser(db, 'prescriber', { clinicId: clinic.id });
  const prescriber = await signedIn(server.app, prescriberUser);
  const own = await enroll(prescriber, enrollment(options.enroll));
  const other = await enroll(prescriber, enrollment({ displayName: 'Robin Other', birthDate: '1999-09-09' }));
  const makers: Record<WorldRole, () => Promise<TestUser>> = {
    prescriber: () => Promise.resolve(prescriberUser),
    designee: () => aUser(db, 'designee', { clinicId: clinic.id, actsFor: [prescriberUser.id] }),
    admin: () => aUser(db, 'clinic_admin', { clinicId: clinic.id }),
    patient: () => aUser(db, 'patient', { clinicId: clinic.id, patientId: own.patientId }),
    otherPatient: () => aUser(db, 'patient', { clinicId: clinic.id, patientId: other.patientId }),
    pharmacist: async () => aUser(db, 'pharmacist', { pharmacyId: await aPharmacy(db) }),
    foreignPrescriber: async () => aUser(db, 'prescriber', { clinicId: (await aClinic(db, { jurisdiction: 'US' })).id }),
  };
  const clients = new Map<WorldRole, Promise<ApiClient>>([['prescriber', Promise.resolve(prescriber)]]);
  return {
    server,
    clock,
    courseId: own.courseId,
    patientId: own.patientId,
    otherCourseId: other.courseId,
    users: { prescriber: prescriberUser },
    prescriber,
    as: (role) => {
      let client = clients.get(role);
      if (client === undefined) {
        client = makers[role]().then((user) => signedIn(server.app, user));
        clients.set(role, client);
      }
      return client;
    },
  };
}

/** The tasks of a course as the worklist stores them, oldest first. */
export async function tasksOf(world: ClinicalWorld, courseId = world.courseId): Promise<Array<{ kind: string; urgency: string }>> {
  return world.server.database.db.selectFrom('task').select(['kind', 'urgency']).where('course_id', '=', courseId).orderBy('created_at').orderBy('kind').execute();
}

/** A tiny but real PNG (1 x 1 pixel) and JPEG header bytes, for the photo tests. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0test-image-body', 'latin1'), Buffer.from([0xff, 0xd9])]);
