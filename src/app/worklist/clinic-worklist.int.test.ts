import type { KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { aClinic, aUser } from '../testing/builders.js';
import { MovableClock } from '../testing/clock.js';
import { freshTestDatabase, testEngine, type TestDatabase } from '../../db/testing/test-database.js';
import type { Database } from '../../db/schema.js';
import type { Kysely } from 'kysely';
import { cryptoTokens } from '../ports.js';
import { clinicWorklist } from './clinic-worklist.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

/** Seeds `n` enrolled courses (cannot get pregnant, consented and counselled) straight into the tables. */
async function seedCourses(db: Kysely<Database>, clinicId: string, prescriberId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    const patient = await db
      .insertInto('patient')
      .values({ clinic_id: clinicId, display_name: `Patient ${String(i).padStart(4, '0')}`, birth_date: '1980-01-01', risk: JSON.stringify({ category: 'cannot_get_pregnant', basis: [{ kind: 'total_hysterectomy' }], confirmedBy: 'prescriber', confirmedOn: '2026-09-01' }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const course = await db
      .insertInto('course')
      .values({ patient_id: patient.id, clinic_id: clinicId, sequence: 1, status: i % 3 === 0 ? 'active' : 'qualifying', prescriber_id: prescriberId, product: 'us-generic' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const events = [
      { id: `course-${course.id}-started`, kind: 'course_started', on: '2026-09-01' },
      { id: `course-${course.id}-enrollment`, kind: 'enrollment', on: '2026-09-01', prescriberId },
      { id: `consent-${course.id}`, kind: 'form_signed', on: '2026-09-01', form: 'us_patient_information_consent', signedBy: ['patient', 'prescriber'] },
      { id: `counselling-${course.id}`, kind: 'counselling', on: '2026-09-01' },
    ];
    await db
      .insertInto('course_event')
      .values(events.map((e) => ({ course_id: course.id, clinic_id: clinicId, patient_id: patient.id, event_key: e.id, kind: e.kind, occurred_at: new Date('2026-09-01T14:00:00Z'), recorded_at: new Date('2026-09-01T14:00:00Z'), payload: JSON.stringify(e) })))
      .execute();
  }
}

describe(`the clinic worklist's cost on ${testEngine()}`, () => {
  it('runs the same number of queries for a page of 50 courses as for a page of 5 (no query per course)', async () => {
    database = await freshTestDatabase();
    const db = database.db;
    const clinic = await aClinic(db, { jurisdiction: 'US', timeZone: 'America/New_York' });
    const prescriber = await aUser(db, 'prescriber', { clinicId: clinic.id });
    await seedCourses(db, clinic.id, prescriber.id, 60);
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    };
    const deps = { db: db.withPlugin(counter), clock: new MovableClock('2026-09-20T14:00:00Z'), tokens: cryptoTokens };
    const actor = {
      principal: { userId: prescriber.id, role: 'prescriber' as const, displayName: 'Dr', clinicId: clinic.id, pharmacyId: null, patientId: null, actsFor: [] },
      context: { ip: '127.0.0.1', requestId: 'cost-test' },
    };
    const small = await clinicWorklist(deps, actor, clinic.id, { statuses: [], limit: 5 });
    const smallQueries = queries;
    queries = 0;
    const started = performance.now();
    const large = await clinicWorklist(deps, actor, clinic.id, { statuses: [], limit: 50 });
    const ms = performance.now() - started;
    expect(small.entries).toHaveLength(5);
    expect(large.entries).toHaveLength(50);
    expect(large.entries.every((e) => e.work !== undefined && e.problem === undefined)).toBe(true);
    expect(queries).toBe(smallQueries);
    // list + events + clinic (at most 2) + audit (insert head, lock head, insert entries, move head)
    expect(queries).toBeLessThanOrEqual(8);
    console.info(`clinic worklist, 50 courses on ${testEngine()}: ${String(queries)} queries, ${ms.toFixed(0)} ms`);
  });

  it('scans in batches under an engine-derived filter and resumes from the cursor', async () => {
    database = await freshTestDatabase();
    const db = database.db;
    const clinic = await aClinic(db, { jurisdiction: 'US', timeZone: 'America/New_York' });
    const prescriber = await aUser(db, 'prescriber', { clinicId: clinic.id });
    await seedCourses(db, clinic.id, prescriber.id, 130);
    const deps = { db, clock: new MovableClock('2026-09-20T14:00:00Z'), tokens: cryptoTokens };
    const actor = {
      principal: { userId: prescriber.id, role: 'prescriber' as const, displayName: 'Dr', clinicId: clinic.id, pharmacyId: null, patientId: null, actsFor: [] },
      context: { ip: null, requestId: null },
    };
    // every seeded course may be prescribed and authorized now, so none is blocked
    const blocked = await clinicWorklist(deps, actor, clinic.id, { statuses: [], filter: 'blocked', limit: 10 });
    expect(blocked.entries).toEqual([]);
    expect(blocked.scanned).toBe(130);
    expect(blocked.nextCursor).toBeUndefined();
    const due = await clinicWorklist(deps, actor, clinic.id, { statuses: [], filter: 'due', limit: 100 });
    expect(due.entries).toHaveLength(100);
    const rest = await clinicWorklist(deps, actor, clinic.id, { statuses: [], filter: 'due', limit: 100, cursor: due.nextCursor });
    expect(rest.entries).toHaveLength(30);
    expect(new Set([...due.entries, ...rest.entries].map((e) => e.row.courseId)).size).toBe(130);
  });
});
