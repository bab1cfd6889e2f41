import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { aClinic, aPharmacy, aUser, type TestUser } from '../app/testing/builders.js';
import { MovableClock } from '../app/testing/clock.js';
import { verifyAuditLog } from '../db/audit.repository.js';
import type { Database } from '../db/schema.js';
import { freshTestDatabase, testEngine, type TestDatabase } from '../db/testing/test-database.js';
import { dayIn, dispenseBody, readyCourse, writePrescription, type IssuedAuthorization } from './testing/course-scenario.js';
import { fetchTransport, injectTransport, signIn, type HttpClient, type HttpResponse } from './testing/http-client.js';
import { startServe, stopAll } from './testing/serve-process.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

/**
 * Issue 5, item 3: one open authorization per prescription and one dispense per authorization,
 * whatever the concurrency. N identical requests race; exactly one succeeds and every other one
 * gets a 409 problem saying why, and the database holds exactly one row. The same runs on one
 * in-process server (both engines: PGlite serialises its one connection, PostgreSQL has a pool)
 * and, on PostgreSQL, across two real `isocourse serve` processes sharing the database.
 */
const N = 20;

let server: TestServer | undefined;
let database: TestDatabase | undefined;
afterEach(async () => {
  stopAll();
  await server?.close();
  server = undefined;
  await database?.close();
  database = undefined;
});

interface Staff {
  readonly prescriber: TestUser;
  readonly pharmacist: TestUser;
}

async function seedStaff(db: Kysely<Database>): Promise<Staff> {
  const clinic = await aClinic(db, { jurisdiction: 'US', timeZone: 'America/New_York' });
  const prescriber = await aUser(db, 'prescriber', { clinicId: clinic.id });
  const pharmacist = await aUser(db, 'pharmacist', { pharmacyId: await aPharmacy(db) });
  return { prescriber, pharmacist };
}

/** Fires `n` requests at once, the i-th through `clients[i % clients.length]`. */
async function race(n: number, clients: readonly HttpClient[], send: (client: HttpClient) => Promise<HttpResponse>): Promise<HttpResponse[]> {
  const pick = (i: number): HttpClient => clients[i % clients.length] ?? clients[0]!;
  return Promise.all(Array.from({ length: n }, (_unused, i) => send(pick(i))));
}

/** Exactly one 201; every other answer a 409 conflict problem that says why. */
function expectOneWinner(responses: readonly HttpResponse[], because: RegExp): HttpResponse {
  const statuses = responses.map((r) => r.status);
  expect(statuses.filter((s) => s === 201), `statuses: ${statuses.join(' ')}`).toHaveLength(1);
  for (const loser of responses.filter((r) => r.status !== 201)) {
    expect(loser.status, loser.text).toBe(409);
    expect(loser.contentType).toMatch(/^application\/problem\+json/);
    expect(loser.json()).toMatchObject({ status: 409, code: 'conflict', detail: expect.stringMatching(because) as unknown });
  }
  const winner = responses.find((r) => r.status === 201);
  if (winner === undefined) throw new Error('no winner');
  return winner;
}

/** The authorization race, then the dispense race on the authorization that won. */
async function raceIssueThenDispense(db: Kysely<Database>, doctors: readonly HttpClient[], pharmacies: readonly HttpClient[], day: string): Promise<void> {
  const doctor = doctors[0]!;
  const { courseId } = await readyCourse(doctor, day);
  const prescriptionId = await writePrescription(doctor, courseId, day);

  const issued = await race(N, doctors, (c) => c.post(`/api/prescriptions/${prescriptionId}/authorizations`));
  const authorization = expectOneWinner(issued, /already open|same moment/).json<{ authorization: IssuedAuthorization }>().authorization;
  const rows = await db.selectFrom('authorization').select(['id', 'status']).where('prescription_id', '=', prescriptionId).execute();
  expect(rows).toEqual([{ id: authorization.id, status: 'open' }]);

  const dispensed = await race(N, pharmacies, (c) => c.post(`/api/authorizations/${authorization.id}/dispenses`, dispenseBody(authorization)));
  const winner = expectOneWinner(dispensed, /is dispensed|same moment/).json<{ dispenseId: string }>();
  const dispenses = await db.selectFrom('dispense').select('id').where('authorization_id', '=', authorization.id).execute();
  expect(dispenses).toEqual([{ id: winner.dispenseId }]);
  const after = await db.selectFrom('authorization').select('status').where('id', '=', authorization.id).executeTakeFirstOrThrow();
  expect(after.status).toBe('dispensed');
  expect((await verifyAuditLog(db)).ok).toBe(true);
}

/**
 * Requests with one Idempotency-Key race; the claim of the key waits for the first request's
 * transaction (the insert of the key blocks on its unique index), so every one is answered with
 * the first 201 body, none with "still being processed", and one row exists.
 */
async function raceSameKey(db: Kysely<Database>, doctors: readonly HttpClient[], pharmacies: readonly HttpClient[], day: string, userId: string): Promise<void> {
  const doctor = doctors[0]!;
  const { courseId } = await readyCourse(doctor, day);
  const prescriptionId = await writePrescription(doctor, courseId, day);

  const issued = await race(N, doctors, (c) => c.post(`/api/prescriptions/${prescriptionId}/authorizations`, undefined, { 'idempotency-key': `issue-${prescriptionId}` }));
  expect(issued.map((r) => r.status)).toEqual(Array.from({ length: N }, () => 201));
  const first = issued[0]!.json<{ authorization: IssuedAuthorization }>();
  for (const r of issued) expect(r.json()).toEqual(first);
  expect(await db.selectFrom('authorization').select('id').where('prescription_id', '=', prescriptionId).execute()).toEqual([{ id: first.authorization.id }]);
  expect(await db.selectFrom('idempotency_key').select('key').where('user_id', '=', userId).where('key', '=', `issue-${prescriptionId}`).execute()).toHaveLength(1);

  const authorization = first.authorization;
  const dispensed = await race(N, pharmacies, (c) => c.post(`/api/authorizations/${authorization.id}/dispenses`, dispenseBody(authorization), { 'idempotency-key': `dispense-${authorization.id}` }));
  expect(dispensed.map((r) => r.status)).toEqual(Array.from({ length: N }, () => 201));
  const firstDispense = dispensed[0]!.json<{ dispenseId: string }>();
  for (const r of dispensed) expect(r.json()).toEqual(firstDispense);
  expect(await db.selectFrom('dispense').select('id').where('authorization_id', '=', authorization.id).execute()).toEqual([{ id: firstDispense.dispenseId }]);
}

async function oneServer() {
  const clock = new MovableClock('2026-09-01T15:00:00Z');
  server = await startTestServer({ clock, rateLimitPerMinute: 1_000_000 });
  const db = server.database.db;
  const staff = await seedStaff(db);
  const doctor = await signIn(injectTransport(server.app), staff.prescriber);
  const pharmacy = await signIn(injectTransport(server.app), staff.pharmacist);
  return { db, staff, doctor, pharmacy, day: '2026-09-01' };
}

/** Two `isocourse serve` processes on one fresh PostgreSQL database, each with both users signed in. */
async function twoProcesses() {
  database = await freshTestDatabase();
  const env = { DATABASE_URL: database.url ?? '' };
  const [a, b] = await Promise.all([startServe(env), startServe(env)]);
  const staff = await seedStaff(database.db);
  const doctors = [await signIn(fetchTransport(a.baseUrl), staff.prescriber), await signIn(fetchTransport(b.baseUrl), staff.prescriber)];
  const pharmacies = [await signIn(fetchTransport(a.baseUrl), staff.pharmacist), await signIn(fetchTransport(b.baseUrl), staff.pharmacist)];
  // the processes run on the real clock: the scenario's day is today in the clinic's zone
  return { db: database.db, staff, doctors, pharmacies, day: dayIn(new Date(), 'America/New_York') };
}

describe(`exactly once under concurrent requests, on ${testEngine()}`, () => {
  it(`issues one authorization and records one dispense when ${N} identical requests race on one server`, async () => {
    const { db, doctor, pharmacy, day } = await oneServer();
    await raceIssueThenDispense(db, [doctor], [pharmacy], day);
  }, 120_000);

  it(`answers ${N} racing requests with the same Idempotency-Key on one server with the first 201, and stores one row`, async () => {
    const { db, staff, doctor, pharmacy, day } = await oneServer();
    await raceSameKey(db, [doctor], [pharmacy], day, staff.prescriber.id);
  }, 120_000);

  it.runIf(testEngine() === 'postgres')(
    `issues one authorization and records one dispense when ${N} requests race across two isocourse serve processes on one database (PostgreSQL only: PGlite is one process)`,
    async () => {
      const { db, doctors, pharmacies, day } = await twoProcesses();
      await raceIssueThenDispense(db, doctors, pharmacies, day);
    },
    180_000,
  );

  it.runIf(testEngine() === 'postgres')(
    `answers ${N} requests with the same Idempotency-Key across two isocourse serve processes with the first 201, and stores one row (PostgreSQL only)`,
    async () => {
      const { db, staff, doctors, pharmacies, day } = await twoProcesses();
      await raceSameKey(db, doctors, pharmacies, day, staff.prescriber.id);
    },
    180_000,
  );
});
