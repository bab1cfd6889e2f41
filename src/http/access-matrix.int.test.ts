import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../app/testing/builders.js';
import { testEngine } from '../db/testing/test-database.js';
import { ACTOR_ROLES, buildAccessWorld, SCOPES, type AccessWorld, type ActorRole, type Scope } from './testing/access-world.js';
import type { HttpResponse } from './testing/http-client.js';
import { documentedOperations, type Operation } from './testing/openapi-operations.js';
import { buildRouteFixtures, plannedRequest, REQUESTS, type RouteFixtures } from './testing/route-requests.js';

/**
 * Issue 5, item 5: every route x every role x own clinic, another patient of the clinic, and
 * another clinic. The routes come from the server's own OpenAPI document, so a new route is in
 * this test the day it is added (and fails it until the policy table below says who may call it).
 */

type Status = number;
/** One status for every scope, or [own, other, foreign] (scopes: see testing/access-world.ts). */
type Cell = Status | readonly [own: Status, other: Status, foreign: Status];
interface Policy {
  readonly signed_out: Status;
  readonly prescriber: Cell;
  readonly designee: Cell;
  readonly clinic_admin: Cell;
  readonly patient: Cell;
  readonly pharmacist: Cell;
}
const row = (signed_out: Status, prescriber: Cell, designee: Cell, clinic_admin: Cell, patient: Cell, pharmacist: Cell): Policy => ({ signed_out, prescriber, designee, clinic_admin, patient, pharmacist });

// THE ACCESS POLICY, one row per documented operation.
// - 401: signed out; 403: the role may not do this; 404: another clinic's record is "not found"
//   to staff (its id is not even confirmed); a patient asking for someone else's record gets 403.
// - Nobody but a pharmacist ever gets a 2xx across clinics. A pharmacist belongs to a pharmacy,
//   not a clinic: patients of every clinic collect at any certified pharmacy, so verify, dispense
//   and reverse answer for any clinic's authorization (the number and the patient's birth date
//   are the key); a pharmacist sees no course, no patient, and can write nothing else.
// - Enrolling has no record to scope: "other" names another prescriber of the clinic and
//   "foreign" a prescriber of another clinic as the prescriber enrolled for.
//
//                                      signed out  prescriber        designee          clinic_admin      patient           pharmacist
//                                                  [own, other, foreign] where the scope matters
const POLICY: Readonly<Record<string, Policy>> = {
  getHealth:             row(200,        200,              200,              200,              200,              200),
  getReadiness:          row(200,        200,              200,              200,              200,              200),
  getOpenApi:            row(200,        200,              200,              200,              200,              200),
  login:                 row(200,        200,              200,              200,              200,              200),
  getSession:            row(401,        200,              200,              200,              200,              200),
  logout:                row(401,        204,              204,              204,              204,              204),
  startTotpSetup:        row(401,        200,              200,              200,              403,              200),
  enableTotp:            row(401,        204,              204,              204,              403,              204),
  enrollPatient:         row(401,        [201, 403, 403],  [201, 403, 403],  403,              403,              403),
  getCourse:             row(401,        [200, 200, 404],  [200, 200, 404],  [200, 200, 404],  [200, 403, 403],  403),
  recordCourseEvent:     row(401,        [201, 201, 404],  [201, 201, 404],  403,              403,              403),
  writePrescription:     row(401,        [201, 201, 404],  [201, 201, 404],  403,              403,              403),
  changeCourseStatus:    row(401,        [200, 200, 404],  [200, 200, 404],  403,              403,              403),
  issueAuthorization:    row(401,        [201, 201, 404],  [201, 201, 404],  403,              403,              403),
  verifyAuthorization:   row(401,        403,              403,              403,              403,              200),
  dispense:              row(401,        403,              403,              403,              403,              201),
  reverseAuthorization:  row(401,        [200, 200, 404],  [200, 200, 404],  403,              403,              200),
  // clinical facts of a course (CLIN-SCOPE): staff write them all; the patient writes their own
  // doses, PHQ-9, symptom reports and photos; clinic administrators and the patient read them
  recordDose:            row(401,        [201, 201, 404],  [201, 201, 404],  403,              [201, 403, 403],  403),
  recordPhq9:            row(401,        [201, 201, 404],  [201, 201, 404],  403,              [201, 403, 403],  403),
  recordSymptomReport:   row(401,        [201, 201, 404],  [201, 201, 404],  403,              [201, 403, 403],  403),
  uploadPhoto:           row(401,        [201, 201, 404],  [201, 201, 404],  403,              [201, 403, 403],  403),
  uploadPhotoRaw:        row(401,        [201, 201, 404],  [201, 201, 404],  403,              [201, 403, 403],  403),
  recordWeight:          row(401,        [201, 201, 404],  [201, 201, 404],  403,              403,              403),
  recordLab:             row(401,        [201, 201, 404],  [201, 201, 404],  403,              403,              403),
  recordGrading:         row(401,        [201, 201, 404],  [201, 201, 404],  403,              403,              403),
  recordNote:            row(401,        [201, 201, 404],  [201, 201, 404],  403,              403,              403),
  getCumulativeDose:     row(401,        [200, 200, 404],  [200, 200, 404],  [200, 200, 404],  [200, 403, 403],  403),
  listDoses:             row(401,        [200, 200, 404],  [200, 200, 404],  [200, 200, 404],  [200, 403, 403],  403),
  listWeights:           row(401,        [200, 200, 404],  [200, 200, 404],  [200, 200, 404],  [200, 403, 403],  403),
  listLabs:              row(401,        [200, 200, 404],  [200, 200, 404],  [200, 200, 404],  [200, 403, 403],  403),
  listPhq9:              row(401,        [200, 200, 404],  [200, 200, 404],  [200, 200, 404],  [200, 403, 403],  403),
  listSymptomReports:    row(401,        [200, 200, 404],  [200, 200, 404],  [200, 200, 404],  [200, 403, 403],  403),
  listGradings:          row(401,        [200, 200, 404],  [200, 200, 404],  [200, 200, 404],  [200, 403, 403],  403),
  listNotes:             row(401,        [200, 200, 404],  [200, 200, 404],  [200, 200, 404],  [200, 403, 403],  403),
  listPhotos:            row(401,        [200, 200, 404],  [200, 200, 404],  [200, 200, 404],  [200, 403, 403],  403),
  getPhoto:              row(401,        [200, 200, 404],  [200, 200, 404],  [200, 200, 404],  [200, 403, 403],  403),
  // every signed-in user chooses their own password (SEC-PASSWORD-LENGTH)
  changePassword:        row(401,        204,              204,              204,              204,              204),
  // clinic administration: administrators of their own clinic only; an account or a pharmacy
  // another clinic manages is "not found" (scopes: own and other = accounts and pharmacies of
  // clinic A, foreign = those of clinic B; DECISION-PHARMACY-MANAGEMENT)
  getClinicSettings:     row(401,        403,              403,              200,              403,              403),
  updateClinicSettings:  row(401,        403,              403,              200,              403,              403),
  listPatientRecords:    row(401,        403,              403,              200,              403,              403),
  listPharmacies:        row(401,        403,              403,              200,              403,              403),
  createPharmacy:        row(401,        403,              403,              201,              403,              403),
  updatePharmacy:        row(401,        403,              403,              [200, 200, 404],  403,              403),
  readAuditLog:          row(401,        403,              403,              200,              403,              403),
  verifyClinicAuditLog:  row(401,        403,              403,              200,              403,              403),
  listUsers:             row(401,        403,              403,              200,              403,              403),
  createUser:            row(401,        403,              403,              201,              403,              403),
  updateUser:            row(401,        403,              403,              [200, 200, 404],  403,              403),
  disableUser:           row(401,        403,              403,              [200, 200, 404],  403,              403),
  enableUser:            row(401,        403,              403,              [200, 200, 404],  403,              403),
  resetUserPassword:     row(401,        403,              403,              [200, 200, 404],  403,              403),
  // worklists and the programme's answers without acting: staff of the clinic; the patient their
  // own next steps; a pharmacist the worklist of their own pharmacy (for it the scopes are their
  // pharmacy, a pharmacy clinic A manages, and one clinic B manages)
  getClinicWorklist:     row(401,        [200, 200, 403],  [200, 200, 403],  [200, 200, 403],  403,              403),
  getPharmacyWorklist:   row(401,        403,              403,              403,              403,              [200, 403, 403]),
  getMyNextSteps:        row(401,        403,              403,              403,              200,              403),
  getMyCourse:           row(401,        403,              403,              403,              200,              403),
  exportMyData:          row(401,        403,              403,              403,              200,              403),
  // the patient answers the monthly questions themself (US6); staff record answers given elsewhere through /events
  answerComprehensionQuestions: row(401,  403,              403,              403,              [201, 403, 403],  403),
  checkProgram:          row(401,        [200, 200, 404],  [200, 200, 404],  [200, 200, 404],  403,              403),
  planPickup:            row(401,        [200, 200, 404],  [200, 200, 404],  [200, 200, 404],  403,              403),
};

function expectedStatus(policy: Policy, role: ActorRole, scope: Scope): Status {
  if (role === 'signed_out') return policy.signed_out;
  const cell = policy[role];
  return typeof cell === 'number' ? cell : cell[SCOPES.indexOf(scope)] ?? 0;
}

const CLINIC_BOUND: readonly ActorRole[] = ['prescriber', 'designee', 'clinic_admin', 'patient'];
const is2xx = (status: number): boolean => status >= 200 && status < 300;

/** Runs one cell; returns what is wrong with the answer (nothing when it follows the policy). */
async function runCell(world: AccessWorld, fixtures: RouteFixtures, op: Operation, role: ActorRole, scope: Scope): Promise<string[]> {
  const policy = POLICY[op.operationId];
  const plan = REQUESTS[op.operationId] ?? {};
  const expected = policy === undefined ? undefined : expectedStatus(policy, role, scope);
  // a request expected to succeed changes its records: give it records of its own (a patient's
  // own record is the shared one: a patient has one open course)
  const changes = op.method !== 'GET' && expected !== undefined && is2xx(expected) && role !== 'signed_out' && role !== 'patient' && plan.scoped !== false;
  const bundle = changes ? await world.freshBundle(scope) : world.shared[scope];
  let client = world.clients[role];
  let user: TestUser | undefined = role === 'signed_out' ? undefined : world.users[role];
  if (role !== 'signed_out' && plan.caller === 'fresh-session') client = await world.freshSession(role);
  if (role !== 'signed_out' && plan.caller === 'fresh-actor') ({ user, client } = await world.freshActor(role));
  const { url, options } = await plannedRequest(op, { world, fixtures, role, scope, bundle, client, user });
  return problemsWith(op, role, scope, expected, await client.request(op.method, url, options));
}

function problemsWith(op: Operation, role: ActorRole, scope: Scope, expected: Status | undefined, r: HttpResponse): string[] {
  const where = `${op.operationId} (${op.method} ${op.path}) as ${role}, ${scope}: got ${r.status} ${r.text.slice(0, 160)}`;
  const problems: string[] = [];
  if (expected !== undefined && r.status !== expected) problems.push(`${where}; the policy says ${expected}`);
  if (!op.public && role === 'signed_out' && r.status !== 401) problems.push(`${where}; a signed-out caller must get 401`);
  if (CLINIC_BOUND.includes(role) && scope === 'foreign' && is2xx(r.status)) problems.push(`${where}; never a 2xx across clinics`);
  if (role === 'patient' && scope === 'other' && is2xx(r.status)) problems.push(`${where}; a patient sees only their own record`);
  if (r.status >= 500) problems.push(`${where}; never a 5xx`);
  if (r.status >= 400) {
    const problem = r.contentType.startsWith('application/problem+json') ? r.json<{ status?: number; code?: unknown }>() : undefined;
    if (problem?.status !== r.status || typeof problem.code !== 'string') problems.push(`${where}; a refusal is a problem+json with a code`);
  }
  return problems;
}

describe(`who may call which route, by role and clinic, on ${testEngine()}`, () => {
  let world: AccessWorld;
  let operations: Operation[];
  let fixtures: RouteFixtures;
  beforeAll(async () => {
    world = await buildAccessWorld();
    operations = await documentedOperations(world.clients.signed_out);
    fixtures = await buildRouteFixtures(world);
  }, 120_000);
  afterAll(async () => {
    await world.close();
  });

  it('has a policy row for every documented operation, and none for an operation that is gone', () => {
    const documented = operations.map((o) => o.operationId).sort();
    expect(documented.filter((id) => POLICY[id] === undefined), 'operations without a row in POLICY').toEqual([]);
    expect(Object.keys(POLICY).filter((id) => !documented.includes(id)), 'rows for operations that no longer exist').toEqual([]);
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(POLICY).sort());
  });

  it('documents exactly the policy\'s public operations as needing no session', () => {
    const publicOps = operations.filter((o) => o.public).map((o) => o.operationId).sort();
    expect(publicOps).toEqual(Object.entries(POLICY).filter(([, p]) => p.signed_out !== 401).map(([id]) => id).sort());
  });

  for (const role of ACTOR_ROLES) {
    it(`answers every route as the policy says to ${role === 'signed_out' ? 'a signed-out caller' : `a ${role}`}: own clinic, another patient of it, another clinic`, async () => {
      const problems: string[] = [];
      for (const op of operations) {
        // an operation without a row yet is scoped only when a path parameter names a record
        const plan = REQUESTS[op.operationId];
        const scoped = plan === undefined ? op.pathParams.length > 0 : plan.scoped !== false;
        for (const scope of scoped ? SCOPES : (['own'] as const)) problems.push(...(await runCell(world, fixtures, op, role, scope)));
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
