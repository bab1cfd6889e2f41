import { totpAt } from '../../app/auth/totp.js';
import { aUser, type TestUser } from '../../app/testing/builders.js';
import type { AccessWorld, ActorRole, Bundle, Scope } from './access-world.js';
import { dispenseBody, enrollBody, prescriptionBody } from './course-scenario.js';
import { injectTransport, signIn, type HttpClient, type RequestOptions } from './http-client.js';
import { fillPath, type Operation } from './openapi-operations.js';

/**
 * For every documented operation, a request that succeeds when the caller's role and scope allow
 * it: the access matrix sends it as is (so a refusal is about access, never about a bad body), and
 * the hostile-input test starts from it and spoils it.
 */
export interface CellContext {
  readonly world: AccessWorld;
  readonly fixtures: RouteFixtures;
  readonly role: ActorRole;
  readonly scope: Scope;
  readonly bundle: Bundle;
  readonly client: HttpClient;
  readonly user: TestUser | undefined;
}

/** How to build a request that would succeed if the role and scope allowed it. */
export interface RequestPlan {
  /** The answer does not depend on a record: run once, not per scope. */
  readonly scoped?: false;
  /** The request changes the caller's session or account: use a fresh one. */
  readonly caller?: 'fresh-session' | 'fresh-actor';
  body?(c: CellContext): unknown;
  /** Path parameters of this operation that differ from the generic ones (see pathValue). */
  params?(c: { world: AccessWorld; scope: Scope }): Record<string, string>;
  /** A body that is not JSON: its bytes and content type. */
  raw?(c: CellContext): { bytes: Buffer; contentType: string };
}

/** The smallest bytes CLIN-PHOTO recognises as a JPEG (its first bytes are what count). */
export const JPEG_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/** A designee acts for the prescriber they were named for. */
const actingFor = (c: CellContext): { prescriberId?: string } => (c.role === 'designee' ? { prescriberId: c.world.users.prescriber.id } : {});
const enrollingFor = (c: CellContext): string | undefined =>
  c.scope === 'own' ? actingFor(c).prescriberId : c.world.users.scopePrescriber[c.scope].id;

async function totpCode(c: CellContext): Promise<string> {
  const setup = await c.client.post('/api/auth/totp/setup');
  if (setup.status !== 200) return '000000';
  return totpAt(setup.json<{ secret: string }>().secret, c.world.clock.now());
}

export const REQUESTS: Readonly<Record<string, RequestPlan>> = {
  getHealth: { scoped: false },
  getReadiness: { scoped: false },
  getOpenApi: { scoped: false },
  login: { scoped: false, body: (c) => ({ email: (c.user ?? c.world.users.prescriber).email, password: (c.user ?? c.world.users.prescriber).password }) },
  getSession: { scoped: false },
  logout: { scoped: false, caller: 'fresh-session' },
  startTotpSetup: { scoped: false, caller: 'fresh-actor' },
  enableTotp: { scoped: false, caller: 'fresh-actor', body: async (c) => ({ code: await totpCode(c) }) },
  enrollPatient: { body: (c) => enrollBody(c.world.day, enrollingFor(c)) },
  getCourse: {},
  recordCourseEvent: { body: (c) => ({ event: { kind: 'office_visit', on: c.world.day }, ...actingFor(c) }) },
  writePrescription: { body: (c) => prescriptionBody(c.world.day, actingFor(c).prescriberId) },
  changeCourseStatus: { body: (c) => ({ status: 'stopped', reason: 'patient_decision', on: c.world.day }) },
  issueAuthorization: {},
  verifyAuthorization: { body: (c) => ({ number: c.bundle.authorization.number, birthDate: c.bundle.course.birthDate }) },
  dispense: { body: (c) => dispenseBody(c.bundle.authorization) },
  reverseAuthorization: { body: () => ({ reason: 'not collected' }) },
  recordDose: { body: (c) => ({ date: c.world.day, mg: 40, taken: true, ...actingFor(c) }) },
  recordPhq9: { body: (c) => ({ answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], ...actingFor(c) }) },
  recordSymptomReport: { body: (c) => ({ answers: [{ symptomId: 'headache', answer: 'no' }], ...actingFor(c) }) },
  uploadPhoto: { body: (c) => ({ dataBase64: JPEG_BYTES.toString('base64'), takenOn: c.world.day, bodySite: 'face' }) },
  uploadPhotoRaw: { raw: () => ({ bytes: JPEG_BYTES, contentType: 'image/jpeg' }) },
  recordWeight: { body: (c) => ({ date: c.world.day, weightKg: 70.5, ...actingFor(c) }) },
  recordLab: { body: () => ({ loinc: '1742-6', value: 30, unit: 'U/L', referenceRangeHigh: 40, collectedAt: '2026-09-01T09:00:00-04:00' }) },
  recordGrading: { body: (c) => ({ scale: 'iga', grade: 2, ...actingFor(c) }) },
  recordNote: { body: (c) => ({ text: 'Seen today.', ...actingFor(c) }) },
  getCumulativeDose: {},
  listDoses: {},
  listWeights: {},
  listLabs: {},
  listPhq9: {},
  listSymptomReports: {},
  listGradings: {},
  listNotes: {},
  listPhotos: {},
  getPhoto: {},
  changePassword: { scoped: false, caller: 'fresh-actor', body: (c) => ({ currentPassword: c.user?.password ?? '', newPassword: 'a brand new passphrase' }) },
  getClinicSettings: { scoped: false },
  updateClinicSettings: {
    scoped: false,
    // the clinic's own values, written back: the other cells keep the same programme settings
    body: async (c) => {
      const current = (await c.world.clients.clinic_admin.get('/api/admin/clinic')).json<{ name: string; jurisdiction: string; timeZone: string; settings: unknown }>();
      return { name: current.name, jurisdiction: current.jurisdiction, timeZone: current.timeZone, settings: current.settings };
    },
  },
  listPatientRecords: { scoped: false },
  listPharmacies: { scoped: false },
  createPharmacy: { scoped: false, body: () => ({ name: 'Corner Pharmacy', certifiedOn: '2026-01-10', activatedOn: '2026-01-10' }) },
  updatePharmacy: { body: () => ({ activatedOn: '2026-08-01' }) },
  readAuditLog: { scoped: false },
  verifyClinicAuditLog: { scoped: false },
  listUsers: { scoped: false },
  createUser: { scoped: false, body: () => ({ role: 'clinic_admin', email: `admin-${crypto.randomUUID()}@example.test`, displayName: 'Another Admin' }) },
  // the accounts these change are throwaway designees of each scope (extraIds.userId)
  updateUser: { body: () => ({ displayName: 'Renamed Designee' }) },
  disableUser: {},
  enableUser: {},
  resetUserPassword: {},
  getClinicWorklist: {},
  getPharmacyWorklist: { params: (c): Record<string, string> => (c.scope === 'own' ? { pharmacyId: c.world.pharmacyId } : {}) },
  getMyNextSteps: { scoped: false },
  getMyCourse: { scoped: false },
  exportMyData: { scoped: false },
  answerComprehensionQuestions: { body: () => ({ answers: [{ questionId: 'sharing', choice: 'never' }] }) },
  checkProgram: { body: () => ({ action: 'finish_course' }) },
  planPickup: { body: () => ({ intendedPickup: '2026-09-03' }) },
};


/** Records some routes need beyond a bundle (a photo, an account, a pharmacy), per scope. */
export interface RouteFixtures {
  readonly ids: Readonly<Record<Scope, Readonly<Record<string, string>>>>;
}

export async function buildRouteFixtures(world: AccessWorld): Promise<RouteFixtures> {
  const ids: Record<Scope, Record<string, string>> = { own: {}, other: {}, foreign: {} };
  const db = world.server.database.db;
  for (const scope of ['own', 'other', 'foreign'] as const) {
    const photo = await world.builders[scope].post(`/api/courses/${world.shared[scope].course.courseId}/photos`, { dataBase64: JPEG_BYTES.toString('base64') });
    if (photo.status === 201) ids[scope].photoId = photo.json<{ id: string }>().id;
    // an account of the scope's clinic that no client signs in with (it gets disabled and reset)
    const clinicId = scope === 'foreign' ? world.clinicB : world.clinicA;
    ids[scope].userId = (await aUser(db, 'designee', { clinicId, actsFor: [world.users.scopePrescriber[scope].id] })).id;
  }
  // pharmacies are managed by the clinic that registered them
  const foreignAdmin = await signIn(injectTransport(world.server.app), await aUser(db, 'clinic_admin', { clinicId: world.clinicB }));
  for (const [scope, admin] of [['own', world.clients.clinic_admin], ['other', world.clients.clinic_admin], ['foreign', foreignAdmin]] as const) {
    const pharmacy = await admin.post('/api/admin/pharmacies', { name: `Pharmacy of the ${scope} scope` });
    if (pharmacy.status === 201) ids[scope].pharmacyId = pharmacy.json<{ id: string }>().id;
  }
  return { ids };
}

/** Path parameters by name, so routes added later get real ids of the scope's records. */
export function pathValue(name: string, c: { bundle: Bundle; world: AccessWorld; fixtures: RouteFixtures; scope: Scope; plan: RequestPlan }): string {
  const extra = c.plan.params?.(c)[name] ?? c.fixtures.ids[c.scope][name];
  if (extra !== undefined) return extra;
  switch (name) {
    case 'courseId':
      return c.bundle.course.courseId;
    case 'patientId':
      return c.bundle.course.patientId;
    case 'prescriptionId':
      return c.bundle.freePrescriptionId;
    case 'authorizationId':
      return c.bundle.authorization.id;
    case 'clinicId':
      return c.bundle.clinicId;
    case 'pharmacyId':
      return c.world.pharmacyId;
    default:
      return crypto.randomUUID();
  }
}

/**
 * The URL and body of the operation's plan for one caller and scope (`{}` for an unknown body);
 * `rawParams` go into the path as they are, unencoded (for malformed ids).
 */
export async function plannedRequest(op: Operation, c: CellContext, rawParams: Readonly<Record<string, string>> = {}): Promise<{ url: string; options: RequestOptions }> {
  const plan = REQUESTS[op.operationId] ?? {};
  const url = fillPath(op.path, (name) => pathValue(name, { ...c, plan }), rawParams);
  if (plan.raw !== undefined) {
    const { bytes, contentType } = plan.raw(c);
    return { url, options: { rawBody: bytes, headers: { 'content-type': contentType } } };
  }
  const body = plan.body === undefined ? (op.hasBody ? {} : undefined) : await plan.body(c);
  return { url, options: body === undefined ? {} : { body } };
}
