import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { generatePopulation } from '../../cli/demo/population/generate.js';
import { loadClinicFacts, type ClinicFacts } from '../../db/clinic-settings.repository.js';
import { listNightlyCourses, listProgrammeEventsOfPatients } from '../../db/nightly.repository.js';
import type { Database } from '../../db/schema.js';
import { freshTestDatabase, testEngine, type TestDatabase } from '../../db/testing/test-database.js';
import { addDays, date } from '../../domain/calendar/index.js';
import { MovableClock } from '../testing/clock.js';
import { judgeBatch, type JudgedBatch } from './judge-batch.js';
import { CLOSED_HORIZON_DAYS, runNightly } from './run-nightly.js';

const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const d of databases.splice(0)) await d.close();
});

const FIRST_NIGHT = '2026-12-01';
const NIGHTS = 9;
const COURSES = 240;

async function populated(): Promise<Kysely<Database>> {
  const database = await freshTestDatabase();
  databases.push(database);
  await generatePopulation(database.db, { courses: COURSES, seed: 9, clinics: 5, today: FIRST_NIGHT, now: new Date('2026-12-01T06:00:00Z') });
  return database.db;
}

/** What a schedule row says about its course, without its bookkeeping (run, when, the day, its validity, the versions). */
async function contents(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('course_schedule')
    .select(['course_id', 'clinic_id', 'patient_id', 'course_status', 'outcome', 'next_authorization', 'overdue', 'due', 'upcoming', 'next_by', 'items', 'unmet', 'problem'])
    .orderBy('course_id')
    .execute();
  return rows;
}

async function pending(db: Kysely<Database>) {
  return db
    .selectFrom('reminder')
    .select(['course_id', 'kind', 'rule_id', 'recipient', 'due_on', 'send_on', 'message_key'])
    .where('status', '=', 'pending')
    .orderBy('course_id')
    .orderBy('kind')
    .orderBy('due_on')
    .execute();
}

/** The rows that are FRESH for `day` (the contract the clinic worklist relies on). */
async function freshRows(db: Kysely<Database>, day: string) {
  const result = await sql<{ course_id: string; next_authorization: string | null; overdue: number; due: number; upcoming: number; next_by: string | null; items: unknown; unmet: unknown; course_status: string }>`
    select s.course_id, s.next_authorization, s.overdue, s.due, s.upcoming, s.next_by::text as next_by, s.items, s.unmet, s.course_status
      from course_schedule s join course c on c.id = s.course_id join patient p on p.id = c.patient_id join clinic cl on cl.id = c.clinic_id
     where s.course_seq = c.change_seq and s.patient_seq = p.change_seq and s.clinic_seq = cl.change_seq and s.course_status = c.status
       and ${day}::date between s.computed_for and coalesce(s.valid_through, s.computed_for)`.execute(db);
  return result.rows;
}

/** Every course of the judged set judged live for `day`, in memory (what a full night would compute). */
async function judgeLive(db: Kysely<Database>, day: string): Promise<JudgedBatch> {
  const rows = await listNightlyCourses(db, { after: null, limit: 100_000, closedSince: new Date(Date.parse(`${day}T00:00:00Z`) - CLOSED_HORIZON_DAYS * 86_400_000) });
  const clinics = new Map<string, ClinicFacts | undefined>();
  for (const id of new Set(rows.map((r) => r.clinicId))) clinics.set(id, await loadClinicFacts(db, id));
  const eventsJson = await listProgrammeEventsOfPatients(db, rows.map((r) => r.patientId));
  return judgeBatch({ rows, clinics, eventsJson, day: { requestedDate: day, asOf: new Date(`${day}T07:00:00Z`) } });
}

/**
 * The same writes on both databases between two nights (ids are equal: same seed): a programme
 * event for some patients, a paused course, a stopped course, a prescriber's certification moved
 * (its clinic's facts change).
 */
async function write(db: Kysely<Database>, night: number, day: string): Promise<void> {
  const courses = await db.selectFrom('course').select(['id', 'patient_id', 'clinic_id', 'status']).orderBy('id').execute();
  const pick = (k: number) => courses[(night * 37 + k * 53) % courses.length];
  for (let k = 0; k < 4; k += 1) {
    const c = pick(k);
    if (c === undefined) continue;
    const key = `visit-${night}-${k}`;
    await db
      .insertInto('course_event')
      .values({ course_id: c.id, clinic_id: c.clinic_id, patient_id: c.patient_id, event_key: key, kind: 'office_visit', occurred_at: new Date(`${day}T15:00:00Z`), recorded_at: new Date(`${day}T15:00:00Z`), payload: JSON.stringify({ id: key, kind: 'office_visit', on: day }) })
      .execute();
  }
  const active = courses.filter((c) => c.status === 'active');
  const paused = active[night % Math.max(1, active.length)];
  if (paused !== undefined) await db.updateTable('course').set({ status: 'paused', updated_at: new Date(`${day}T16:00:00Z`) }).where('id', '=', paused.id).execute();
  const stopped = active[(night * 7 + 3) % Math.max(1, active.length)];
  if (stopped !== undefined && stopped.id !== paused?.id) {
    await db.updateTable('course').set({ status: 'stopped', stop_reason: 'patient_decision', updated_at: new Date(`${day}T16:00:00Z`) }).where('id', '=', stopped.id).execute();
  }
  if (night % 3 === 1) {
    const prescriber = await db.selectFrom('app_user').select('id').where('role', '=', 'prescriber').orderBy('id').offset(night % 4).limit(1).executeTakeFirst();
    if (prescriber !== undefined) await db.updateTable('app_user').set({ prescriber_certified_on: '2025-01-0' + String((night % 9) + 1) }).where('id', '=', prescriber.id).execute();
  }
}

function parsed(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

describe(`the incremental nightly on ${testEngine()}`, { timeout: 600_000 }, () => {
  it('stores what a full night stores, night after night with writes in between, and every fresh row is what a live judgement gives', async () => {
    const incremental = await populated();
    const full = await populated();
    let judgedIncremental = 0;
    let judgedFull = 0;
    for (let night = 0; night < NIGHTS; night += 1) {
      const day = addDays(date(FIRST_NIGHT), night).toString();
      const clock = new MovableClock(`${day}T07:00:00Z`);
      if (night > 0) {
        await write(incremental, night, addDays(date(day), -1).toString());
        await write(full, night, addDays(date(day), -1).toString());
      }
      const a = await runNightly(incremental, { date: day, clock, batchSize: 50 });
      const b = await runNightly(full, { date: day, clock, batchSize: 50, full: true });
      if (a.kind !== 'completed' || b.kind !== 'completed') throw new Error('a night was refused');
      judgedIncremental += a.coursesJudged;
      judgedFull += b.coursesJudged;
      // the same schedules (apart from the day each was computed for and the bookkeeping) and the same pending reminders
      expect(await contents(incremental), `schedules of night ${day}`).toEqual(await contents(full));
      expect(await pending(incremental), `pending reminders of night ${day}`).toEqual(await pending(full));

      // every row of the incremental database is fresh for the night (judged tonight or still valid)
      const fresh = await freshRows(incremental, day);
      expect(fresh.length).toBe((await contents(incremental)).length);
      // and is what judging its course live for the night gives
      const live = await judgeLive(incremental, day);
      const liveById = new Map(live.schedules.map((s) => [s.courseId, s]));
      const stored = await pending(incremental);
      for (const row of fresh) {
        const now = liveById.get(row.course_id);
        expect(now, `course ${row.course_id} is judged tonight`).toBeDefined();
        if (now === undefined) continue;
        expect({ ...row, items: parsed(row.items), unmet: parsed(row.unmet) }, `course ${row.course_id} on ${day}`).toEqual({
          course_id: now.courseId,
          course_status: now.courseStatus,
          next_authorization: now.nextAuthorization,
          overdue: now.overdue,
          due: now.due,
          upcoming: now.upcoming,
          next_by: now.nextBy,
          items: parsed(now.items),
          unmet: parsed(now.unmet),
        });
        // its pending reminders: those a live judgement makes, and those it keeps (RM-EARLIEST whose day has come)
        const keeps = live.keeps.filter((k) => k.courseId === row.course_id);
        const expected = live.reminders.filter((r) => r.courseId === row.course_id).map((r) => [r.kind, r.dueOn, r.sendOn]);
        const kept = stored.filter((r) => r.course_id === row.course_id && keeps.some((k) => k.kind === r.kind && r.due_on >= k.from)).map((r) => [r.kind, r.due_on, r.send_on]);
        const actual = stored.filter((r) => r.course_id === row.course_id).map((r) => [r.kind, r.due_on, r.send_on]);
        expect(actual.sort(), `reminders of course ${row.course_id} on ${day}`).toEqual([...expected, ...kept].sort());
      }
    }
    // the point of it: fewer courses judged than a full night each night
    expect(judgedIncremental).toBeLessThan(judgedFull);
  });
});
