import { aClinic, aPharmacy, aUser, type TestUser } from '../../app/testing/builders.js';
import { MovableClock } from '../../app/testing/clock.js';
import type { Role } from '../../db/schema.js';
import { issueAuthorization, readyCourse, writePrescription, type IssuedAuthorization, type ReadyCourse } from './course-scenario.js';
import { injectTransport, signedOut, signIn, type HttpClient } from './http-client.js';
import { startTestServer, type TestServer } from './test-server.js';

/**
 * Two clinics with every role, for the route x role x clinic tests. Clinic A is the actors'
 * clinic; clinic B is "another clinic". Resources come in three scopes, seen from an actor of
 * clinic A:
 * - `own`: a course of clinic A (for the patient: their own course);
 * - `other`: a course of another patient and another prescriber of clinic A;
 * - `foreign`: a course of clinic B.
 * Pharmacists belong to a pharmacy, not a clinic: for them the scopes are simply authorizations
 * issued by the three courses' clinics.
 */
export const ACTOR_ROLES = ['signed_out', 'prescriber', 'designee', 'clinic_admin', 'patient', 'pharmacist'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];
export const SCOPES = ['own', 'other', 'foreign'] as const;
export type Scope = (typeof SCOPES)[number];

/** A course ready for an authorization, a prescription without one, and an open authorization. */
export interface Bundle {
  readonly clinicId: string;
  readonly course: ReadyCourse;
  readonly freePrescriptionId: string;
  readonly authorization: IssuedAuthorization;
}

export interface AccessWorld {
  readonly server: TestServer;
  readonly clock: MovableClock;
  /** The clinic's calendar day of the fixed clock. */
  readonly day: string;
  readonly clinicA: string;
  readonly clinicB: string;
  readonly pharmacyId: string;
  /** Users of clinic A (the patient is the patient of the `own` course), the pharmacist, and the prescribers that own each scope's courses. */
  readonly users: Readonly<Record<Exclude<ActorRole, 'signed_out'>, TestUser>> & { readonly scopePrescriber: Readonly<Record<Scope, TestUser>> };
  /** The prescriber of each scope's courses, signed in (to add records to a scope). */
  readonly builders: Readonly<Record<Scope, HttpClient>>;
  /** A signed-in client per role (and a signed-out one). */
  readonly clients: Readonly<Record<ActorRole, HttpClient>>;
  /** Shared resources, for requests that are expected to be refused (they change nothing). */
  readonly shared: Readonly<Record<Scope, Bundle>>;
  /** New resources in a scope, for a request that is expected to succeed (it changes them). */
  freshBundle(scope: Scope): Promise<Bundle>;
  /** The same user signed in again with a session of its own (for sign-out). */
  freshSession(role: Exclude<ActorRole, 'signed_out'>): Promise<HttpClient>;
  /** A new user of the role with the same scope (for one-time-code set-up, which changes the account). */
  freshActor(role: Exclude<ActorRole, 'signed_out'>): Promise<{ user: TestUser; client: HttpClient }>;
  close(): Promise<void>;
}

export const WORLD_INSTANT = '2026-09-01T15:00:00Z';

export async function buildAccessWorld(): Promise<AccessWorld> {
  const clock = new MovableClock(WORLD_INSTANT);
  // hundreds of requests from one test: the global per-address limit is not what is under test
  const server = await startTestServer({ clock, rateLimitPerMinute: 1_000_000 });
  const db = server.database.db;
  const day = '2026-09-01';
  const clinicA = (await aClinic(db, { name: 'Clinic A' })).id;
  const clinicB = (await aClinic(db, { name: 'Clinic B' })).id;
  const pharmacyId = await aPharmacy(db);
  const prescriber = await aUser(db, 'prescriber', { clinicId: clinicA });
  const prescriber2 = await aUser(db, 'prescriber', { clinicId: clinicA });
  const foreignPrescriber = await aUser(db, 'prescriber', { clinicId: clinicB });
  const designee = await aUser(db, 'designee', { clinicId: clinicA, actsFor: [prescriber.id] });
  const clinicAdmin = await aUser(db, 'clinic_admin', { clinicId: clinicA });
  const pharmacist = await aUser(db, 'pharmacist', { pharmacyId });
  const scopePrescriber: Record<Scope, TestUser> = { own: prescriber, other: prescriber2, foreign: foreignPrescriber };

  const builders: Record<Scope, HttpClient> = {
    own: await signIn(injectTransport(server.app), prescriber),
    other: await signIn(injectTransport(server.app), prescriber2),
    foreign: await signIn(injectTransport(server.app), foreignPrescriber),
  };
  const clinicOf: Record<Scope, string> = { own: clinicA, other: clinicA, foreign: clinicB };
  const freshBundle = async (scope: Scope): Promise<Bundle> => {
    const staff = builders[scope];
    const course = await readyCourse(staff, day);
    const withAuthorization = await writePrescription(staff, course.courseId, day);
    const freePrescriptionId = await writePrescription(staff, course.courseId, day);
    const authorization = await issueAuthorization(staff, withAuthorization);
    return { clinicId: clinicOf[scope], course, freePrescriptionId, authorization };
  };
  const shared: Record<Scope, Bundle> = { own: await freshBundle('own'), other: await freshBundle('other'), foreign: await freshBundle('foreign') };
  const patient = await aUser(db, 'patient', { clinicId: clinicA, patientId: shared.own.course.patientId });

  const users = { prescriber, designee, clinic_admin: clinicAdmin, patient, pharmacist, scopePrescriber };
  const clients: Record<ActorRole, HttpClient> = {
    signed_out: signedOut(injectTransport(server.app)),
    prescriber: builders.own,
    designee: await signIn(injectTransport(server.app), designee),
    clinic_admin: await signIn(injectTransport(server.app), clinicAdmin),
    patient: await signIn(injectTransport(server.app), patient),
    pharmacist: await signIn(injectTransport(server.app), pharmacist),
  };
  const scopeOf = (role: Role): { clinicId?: string; pharmacyId?: string; patientId?: string; actsFor?: readonly string[] } => {
    switch (role) {
      case 'pharmacist':
        return { pharmacyId };
      case 'designee':
        return { clinicId: clinicA, actsFor: [prescriber.id] };
      case 'prescriber':
      case 'clinic_admin':
      case 'patient': // a new patient record of clinic A: one account per patient
        return { clinicId: clinicA };
    }
  };
  return {
    server,
    clock,
    day,
    clinicA,
    clinicB,
    pharmacyId,
    users,
    builders,
    clients,
    shared,
    freshBundle,
    freshSession: (role) => signIn(injectTransport(server.app), users[role]),
    freshActor: async (role) => {
      const user = await aUser(db, role, scopeOf(role));
      return { user, client: await signIn(injectTransport(server.app), user) };
    },
    close: () => server.close(),
  };
}
