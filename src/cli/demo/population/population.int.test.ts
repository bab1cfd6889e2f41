import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { caseWire, decide } from '../../../app/course/program-case.js';
import type { Actor } from '../../../app/course/course-context.js';
import { MovableClock } from '../../../app/testing/clock.js';
import { cryptoTokens } from '../../../app/ports.js';
import { runNightly } from '../../../app/nightly/run-nightly.js';
import { clinicWorklist, type ClinicWorklistEntry } from '../../../app/worklist/clinic-worklist.js';
import { verifyAuditLog } from '../../../db/audit.repository.js';
import { loadClinicFacts } from '../../../db/clinic-settings.repository.js';
import { listPatientEvents, type StoredEvent } from '../../../db/course.repository.js';
import type { Database } from '../../../db/schema.js';
import { freshTestDatabase, testEngine, type TestDatabase } from '../../../db/testing/test-database.js';
import { generatePopulation, PopulationRefusedError } from './generate.js';

const TODAY = '2026-11-22';
/** The worklist is read at noon UTC on today: every generated step lies before it. */
const NOW = '2026-11-22T12:00:00Z';
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const d of databases.splice(0)) await d.close();
});

/** On PostgreSQL the batches go by COPY (the CLI's way) unless `insert` asks for the multi-row inserts. */
async function populated(options: { courses: number; seed: number; clinics?: number; batchCourses?: number; insert?: boolean }): Promise<Kysely<Database>> {
  const database = await freshTestDatabase();
  databases.push(database);
  const { insert, ...rest } = options;
  const url = insert === true ? undefined : database.url;
  const summary = await generatePopulation(database.db, { ...rest, today: TODAY, now: new Date(NOW), ...(url === undefined ? {} : { url }) });
  expect(summary.writtenBy).toBe(url === undefined ? 'insert' : 'copy');
  // the counts add up across batches written at the same time
  const count = async (table: 'course' | 'course_event' | 'authorization') => Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  expect({ courses: summary.courses, events: summary.rows.course_event, authorizations: summary.rows.authorization }).toEqual({
    courses: await count('course'),
    events: await count('course_event'),
    authorizations: await count('authorization'),
  });
  expect(summary.courses).toBe(options.courses);
  return database.db;
}

async function staffActor(db: Kysely<Database>, clinicId: string): Promise<Actor> {
  const user = await db.selectFrom('app_user').select(['id']).where('clinic_id', '=', clinicId).where('role', '=', 'prescriber').orderBy('id').executeTakeFirstOrThrow();
  return { principal: { userId: user.id, role: 'prescriber', displayName: 'Dr', clinicId, pharmacyId: null, patientId: null, actsFor: [] }, context: { ip: null, requestId: 'population-test' } };
}

/** Every page of a clinic's worklist through the real use case. */
async function wholeWorklist(db: Kysely<Database>, clinicId: string, filter?: 'blocked' | 'due' | 'overdue' | 'flagged', counts?: { scanned: number }): Promise<ClinicWorklistEntry[]> {
  const deps = { db, clock: new MovableClock(NOW), tokens: cryptoTokens };
  const actor = await staffActor(db, clinicId);
  const entries: ClinicWorklistEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await clinicWorklist(deps, actor, clinicId, { statuses: [], filter, limit: 100, cursor });
    entries.push(...page.entries);
    if (counts !== undefined) counts.scanned += page.scanned;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return entries;
}

/** The patient's events as the engine would have seen them just before `at`. */
function before(events: readonly StoredEvent[], at: Date): StoredEvent[] {
  return events.filter((e) => e.recordedAt < at);
}

describe(`the synthetic population (isocourse demo --courses) on ${testEngine()}`, { timeout: 240_000 }, () => {
  it('lays out courses of every programme, risk category and state that the engine and the clinic worklist judge without an error', async () => {
    const db = await populated({ courses: 400, seed: 7, clinics: 6, batchCourses: 60 });
    const clinics = await db.selectFrom('clinic').select(['id', 'jurisdiction']).execute();
    expect(clinics).toHaveLength(6);
    expect(new Set(clinics.map((c) => c.jurisdiction)).size).toBeGreaterThanOrEqual(3);
    const statuses = await db.selectFrom('course').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('status').execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['qualifying', 'active', 'paused', 'completed', 'stopped']));
    const risks = await db.selectFrom('patient').select(sql<string>`risk->>'category'`.as('category')).distinct().execute();
    expect(new Set(risks.map((r) => r.category))).toEqual(new Set(['can_get_pregnant', 'cannot_get_pregnant']));
    const authorizations = await db.selectFrom('authorization').select('status').distinct().execute();
    expect(new Set(authorizations.map((a) => a.status))).toEqual(new Set(['open', 'dispensed', 'reversed']));
    expect(await db.selectFrom('task').select('id').where('urgency', '=', 'urgent').where('done_at', 'is', null).execute()).not.toHaveLength(0);

    let listed = 0;
    for (const clinic of clinics) {
      const entries = await wholeWorklist(db, clinic.id);
      // every open course is listed, and the engine judged each one
      const open = await db.selectFrom('course').select('id').where('clinic_id', '=', clinic.id).where('status', 'in', ['qualifying', 'active', 'paused']).execute();
      expect(new Set(entries.map((e) => e.row.courseId))).toEqual(new Set([...open.map((c) => c.id), ...entries.filter((e) => e.row.flags.length > 0).map((e) => e.row.courseId)]));
      expect(entries.filter((e) => e.problem !== undefined)).toEqual([]);
      // WL-ORDER across pages: red flags first (oldest first), then name in byte order, then course id; no row twice
      const keys = entries.map((e) => e.row.key);
      expect(new Set(keys.map((k) => k.courseId)).size).toBe(keys.length);
      const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
      for (let i = 1; i < keys.length; i += 1) {
        const [a, b] = [keys[i - 1], keys[i]];
        if (a === undefined || b === undefined) continue;
        const order = a.rank - b.rank || (BigInt(a.flagKey) < BigInt(b.flagKey) ? -1 : BigInt(a.flagKey) > BigInt(b.flagKey) ? 1 : 0) || byteOrder(a.name, b.name) || (a.courseId < b.courseId ? -1 : 1);
        expect(order, `${JSON.stringify(a)} before ${JSON.stringify(b)}`).toBeLessThan(0);
      }
      listed += entries.length;
      for (const entry of entries) {
        const work = entry.work;
        if (work === undefined) throw new Error('judged entries carry their work');
        // an open authorization is due for collection until its last day, then overdue (WL-COLLECT)
        const open = await db.selectFrom('authorization').select(['last_day_to_collect']).where('course_id', '=', entry.row.courseId).where('status', '=', 'open').execute();
        for (const a of open) {
          const items = [...work.due, ...work.overdue].filter((i) => i.by === a.last_day_to_collect);
          expect(items.length, `course ${entry.row.courseId}: open authorization until ${a.last_day_to_collect}`).toBeGreaterThan(0);
        }
      }
    }
    expect(listed).toBeGreaterThan(100);

    // qualifying patients who can get pregnant and were enrolled days ago wait for their tests:
    // the next authorization is blocked, with every reason and its earliest date
    const blocked = (await Promise.all(clinics.map((c) => wholeWorklist(db, c.id, 'blocked')))).flat();
    const waiting = blocked.filter((e) => e.row.status === 'qualifying');
    expect(waiting.length).toBeGreaterThan(0);
    for (const e of waiting) expect(e.work?.nextAuthorization?.decision.unmet.length).toBeGreaterThan(0);
    const due = (await Promise.all(clinics.map((c) => wholeWorklist(db, c.id, 'due')))).flat();
    expect(due.some((e) => e.work?.due.some((i) => i.code.includes('collect')) === true)).toBe(true);
    const flagged = (await Promise.all(clinics.map((c) => wholeWorklist(db, c.id, 'flagged')))).flat();
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((e) => e.row.flags.length > 0)).toBe(true);
  });

  it('lists the same courses under due, overdue and blocked once the nightly schedule rules courses out (WL-PREFILTER), judging fewer', async () => {
    const db = await populated({ courses: 300, seed: 5, clinics: 5 });
    const clinics = await db.selectFrom('clinic').select('id').execute();
    const filters = ['due', 'overdue', 'blocked'] as const;
    const listAll = async (counts: { scanned: number }) => {
      const out: Record<string, string[]> = {};
      for (const c of clinics) for (const f of filters) out[`${c.id} ${f}`] = (await wholeWorklist(db, c.id, f, counts)).map((e) => e.row.courseId).sort();
      return out;
    };
    const without = { scanned: 0 };
    const before = await listAll(without);
    const night = await runNightly(db, { clock: new MovableClock('2026-11-22T06:00:00Z') });
    expect(night.kind).toBe('completed');
    const withSchedule = { scanned: 0 };
    expect(await listAll(withSchedule)).toEqual(before);
    expect(withSchedule.scanned).toBeLessThan(without.scanned / 2);
    // a course changed after the night is a candidate again, whatever its schedule said
    const qualifying = await db.selectFrom('course').select(['id', 'clinic_id']).where('status', '=', 'qualifying').orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('course_schedule').set({ next_authorization: 'allowed', due: 0, overdue: 0 }).where('course_id', '=', qualifying.id).execute();
    await db.updateTable('course').set({ updated_at: new Date('2026-11-22T11:00:00Z') }).where('id', '=', qualifying.id).execute();
    for (const f of filters) expect((await wholeWorklist(db, qualifying.clinic_id, f)).map((e) => e.row.courseId).sort()).toEqual(before[`${qualifying.clinic_id} ${f}`]);
  });

  it('issues and dispenses only what the programme engine allows, with the window the engine computes', async () => {
    const db = await populated({ courses: 150, seed: 11, clinics: 5 });
    const rows = await db
      .selectFrom('authorization as a')
      .innerJoin('patient as p', 'p.id', 'a.patient_id')
      .leftJoin('dispense as d', 'd.authorization_id', 'a.id')
      .select(['a.id', 'a.prescription_id', 'a.clinic_id', 'a.issued_at', 'a.last_day_to_collect', 'a.pack_id', 'p.id as patient_id', 'p.display_name', 'p.birth_date', 'p.risk', 'd.id as dispense_id', 'd.dispensed_at', 'd.pharmacy_id', 'd.quantity', 'd.rma_number', 'd.dnd_date'])
      .execute();
    expect(rows.length).toBeGreaterThan(100);
    let dispenses = 0;
    for (const r of rows) {
      const clinic = await loadClinicFacts(db, r.clinic_id);
      if (clinic === undefined) throw new Error('no clinic');
      const patient = { id: r.patient_id, clinicId: r.clinic_id, displayName: r.display_name, birthDate: r.birth_date, risk: r.risk };
      const events = await listPatientEvents(db, r.patient_id);
      const issued = decide(caseWire(clinic, patient, before(events, r.issued_at), { kind: 'issue_authorization', at: r.issued_at.toISOString(), prescriptionId: r.prescription_id }));
      expect({ outcome: issued.outcome, unmet: issued.unmet.map((u) => u.code), pack: issued.pack.id, lastDay: issued.window?.lastDayToCollect }).toEqual({ outcome: 'allowed', unmet: [], pack: r.pack_id, lastDay: r.last_day_to_collect });
      if (r.dispense_id === null || r.dispensed_at === null || r.pharmacy_id === null || r.quantity === null) continue;
      dispenses += 1;
      const pharmacy = await db.selectFrom('pharmacy').select(['id', 'certified_on', 'activated_on']).where('id', '=', r.pharmacy_id).executeTakeFirstOrThrow();
      const dispense = {
        id: r.dispense_id,
        authorizationId: r.id,
        pharmacyId: r.pharmacy_id,
        quantity: r.quantity,
        medicationGuideGiven: true,
        ...(r.rma_number === null ? { pharmacistChecklistCompleted: true } : { rmaNumber: r.rma_number, dndDate: r.dnd_date ?? undefined }),
      };
      const decision = decide(caseWire(clinic, patient, before(events, r.dispensed_at), { kind: 'dispense', at: r.dispensed_at.toISOString(), dispense }, { pharmacy: { id: pharmacy.id, certifiedOn: pharmacy.certified_on, activatedOn: pharmacy.activated_on } }));
      expect({ outcome: decision.outcome, unmet: decision.unmet.map((u) => u.code) }).toEqual({ outcome: 'allowed', unmet: [] });
    }
    expect(dispenses).toBeGreaterThan(50);
  });

  it('fails with the database\'s own error when a generated row breaks a constraint, and writes nothing of that batch', async () => {
    const database = await freshTestDatabase();
    databases.push(database);
    // a rule the stories break: pregnancy stops raise urgent tasks
    await sql`alter table task add constraint test_no_urgent_task check (urgency <> 'urgent')`.execute(database.db);
    const url = database.url;
    const run = generatePopulation(database.db, { courses: 300, seed: 7, clinics: 3, today: TODAY, now: new Date(NOW), batchCourses: 300, ...(url === undefined ? {} : { url }) });
    await expect(run).rejects.toThrow(/test_no_urgent_task/);
    expect(await database.db.selectFrom('course').select('id').execute()).toHaveLength(0);
    expect(await database.db.selectFrom('course_event').select('id').execute()).toHaveLength(0);
  });

  it('gives the same population for the same seed, audits the generation so the audit chains verify, and appends only when asked', async () => {
    const digest = async (db: Kysely<Database>) =>
      (
        await sql<{ d: string }>`select md5(string_agg(e.id::text || e.event_key || e.payload::text || e.occurred_at::text, ',' order by e.id)) ||
          (select md5(string_agg(c.id::text || c.status || p.display_name || p.risk::text, ',' order by c.id)) from course c join patient p on p.id = c.patient_id) as d
          from course_event e`.execute(db)
      ).rows[0]?.d;
    const first = await populated({ courses: 60, seed: 3, batchCourses: 7 });
    // the same rows whichever way they are written (on PostgreSQL: COPY, then multi-row inserts)
    const second = await populated({ courses: 60, seed: 3, insert: true });
    const other = await populated({ courses: 60, seed: 4 });
    expect(await digest(first)).toBe(await digest(second));
    expect(await digest(first)).not.toBe(await digest(other));

    const audit = await verifyAuditLog(first);
    expect(audit.ok).toBe(true);
    const clinics = await first.selectFrom('clinic').select('id').execute();
    // one entry per new clinic and one in the system chain
    expect(audit.entries).toBe(clinics.length + 1);

    await expect(generatePopulation(first, { courses: 10, seed: 3, today: TODAY })).rejects.toBeInstanceOf(PopulationRefusedError);
    const appended = await generatePopulation(first, { courses: 10, seed: 3, today: TODAY, append: true });
    expect(appended.courses).toBe(10);
    expect(await first.selectFrom('course').select('id').execute()).toHaveLength(70);
    expect((await verifyAuditLog(first)).ok).toBe(true);
  });
});
