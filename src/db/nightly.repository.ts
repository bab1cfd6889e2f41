import { sql, type Kysely, type Transaction } from 'kysely';
import type { CourseStatus, Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Key of the session-level advisory lock held for a whole nightly run: a second run, in this or
 * another process, finds it taken and refuses (docs/nightly.md). Released when the run's
 * connection ends, so a crashed run never leaves it behind.
 */
export const NIGHTLY_LOCK_KEY = 7_204_611_001;

export async function tryNightlyLock(db: Db): Promise<boolean> {
  const result = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${NIGHTLY_LOCK_KEY}::bigint) as locked`.execute(db);
  return result.rows[0]?.locked === true;
}

export async function releaseNightlyLock(db: Db): Promise<void> {
  await sql`select pg_advisory_unlock(${NIGHTLY_LOCK_KEY}::bigint)`.execute(db);
}

export interface NightlyRunRecord {
  readonly id: string;
  readonly requestedDate: string | null;
  readonly asOf: Date;
  readonly status: 'running' | 'completed' | 'interrupted';
  readonly checkpoint: string | null;
}

/** The latest run that did not complete (a crash leaves it `running`), if it is the latest run. */
export async function unfinishedRun(db: Db): Promise<NightlyRunRecord | undefined> {
  const row = await db
    .selectFrom('nightly_run')
    .select(['id', 'requested_date', 'as_of', 'status', 'checkpoint'])
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row === undefined || row.status === 'completed') return undefined;
  return { id: row.id, requestedDate: row.requested_date, asOf: row.as_of, status: row.status, checkpoint: row.checkpoint };
}

export async function startRun(db: Db, run: { requestedDate: string | null; asOf: Date; startedAt: Date }): Promise<string> {
  const row = await db
    .insertInto('nightly_run')
    .values({ requested_date: run.requestedDate, as_of: run.asOf, started_at: run.startedAt, status: 'running' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markRun(db: Db, id: string, status: 'running' | 'completed' | 'interrupted', finishedAt: Date | null): Promise<void> {
  await db.updateTable('nightly_run').set({ status, finished_at: finishedAt }).where('id', '=', id).execute();
}

export interface NightlyRunTotals {
  readonly coursesJudged: number;
  readonly problems: number;
  readonly remindersCreated: number;
  readonly remindersUpdated: number;
  readonly remindersRetired: number;
}

export async function runTotals(db: Db, id: string): Promise<NightlyRunTotals> {
  const r = await db
    .selectFrom('nightly_run')
    .select(['courses_judged', 'problems', 'reminders_created', 'reminders_updated', 'reminders_retired'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { coursesJudged: r.courses_judged, problems: r.problems, remindersCreated: r.reminders_created, remindersUpdated: r.reminders_updated, remindersRetired: r.reminders_retired };
}

export interface NightlyCourseRow {
  readonly courseId: string;
  readonly patientId: string;
  readonly clinicId: string;
  readonly status: CourseStatus;
  readonly prescriberId: string | null;
  readonly product: string | null;
  readonly patientBirthDate: string | null;
  readonly patientRisk: unknown;
  /** The course's and the patient's change versions when read (stored with the judgement). */
  readonly courseSeq: string;
  readonly patientSeq: string;
}

/** NIGHTLY-SCOPE on a course row `c`: open, or closed since `closedSince` and not stopped for a pregnancy. */
function judgedSet(closedSince: Date) {
  return sql`(c.status in ('qualifying', 'active', 'paused')
            or (c.status in ('completed', 'stopped') and c.updated_at >= ${closedSince}::timestamptz and c.stop_reason is distinct from 'pregnancy'))`;
}

/** The day each clinic's courses are judged for (incremental nights: which rows are fresh). */
export interface StaleFilter {
  readonly clinicIds: readonly string[];
  readonly days: readonly string[];
}

/** Every clinic's zone facts, for the day its courses are judged for. */
export async function listClinicDays(db: Db): Promise<Array<{ id: string; jurisdiction: string; timeZone: string }>> {
  const rows = await db.selectFrom('clinic').select(['id', 'jurisdiction', 'time_zone']).execute();
  return rows.map((r) => ({ id: r.id, jurisdiction: r.jurisdiction, timeZone: r.time_zone }));
}

/**
 * One keyset batch of the courses the nightly judges (NIGHTLY-SCOPE), in course id order, in ONE
 * statement: every open course, and every closed one that changed since `closedSince` (its
 * after-course obligations, NIGHTLY-CLOSED) unless it was stopped for a pregnancy.
 */
export async function listNightlyCourses(db: Db, q: { after: string | null; limit: number; closedSince: Date; stale?: StaleFilter | undefined }): Promise<NightlyCourseRow[]> {
  const after = q.after ?? '00000000-0000-0000-0000-000000000000';
  // incremental (docs/nightly.md): only the courses without a FRESH row for their clinic's day
  // (NIGHTLY-VALID-THROUGH): equal change versions, same status, the day within the row's validity
  const staleJoin =
    q.stale === undefined
      ? sql``
      : sql`join clinic cl on cl.id = c.clinic_id
            left join unnest(${q.stale.clinicIds}::uuid[], ${q.stale.days}::date[]) as d(clinic_id, day) on d.clinic_id = c.clinic_id
            left join course_schedule s on s.course_id = c.id`;
  const stale =
    q.stale === undefined
      ? sql``
      : sql`and not coalesce(s.course_seq = c.change_seq and s.patient_seq = p.change_seq and s.clinic_seq = cl.change_seq and s.course_status = c.status
                             and d.day between s.computed_for and coalesce(s.valid_through, s.computed_for), false)`;
  const result = await sql<{
    id: string;
    patient_id: string;
    clinic_id: string;
    status: CourseStatus;
    prescriber_id: string | null;
    product: string | null;
    birth_date: string | null;
    risk: unknown;
    course_seq: string;
    patient_seq: string;
  }>`
    select c.id, c.patient_id, c.clinic_id, c.status, c.prescriber_id, c.product, p.birth_date, p.risk, c.change_seq::text as course_seq, p.change_seq::text as patient_seq
      from course c join patient p on p.id = c.patient_id
      ${staleJoin}
     where c.id > ${after}::uuid
       and ${judgedSet(q.closedSince)}
       ${stale}
     order by c.id
     limit ${q.limit}`.execute(db);
  return result.rows.map((r) => ({
    courseId: r.id,
    patientId: r.patient_id,
    clinicId: r.clinic_id,
    status: r.status,
    prescriberId: r.prescriber_id,
    product: r.product,
    patientBirthDate: r.birth_date,
    patientRisk: r.risk,
    courseSeq: r.course_seq,
    patientSeq: r.patient_seq,
  }));
}

/**
 * Every event of several patients in ONE statement, as the engine reads them (wire form, kind,
 * course, key; oldest first as `listEventsOfPatients`), one row per patient with its events as
 * the text of one JSON array of `ProgrammeEventRecord`: a tenth of the rows, no timestamp
 * parsing, and text that a worker thread parses (the nightly's batches).
 */
export async function listProgrammeEventsOfPatients(db: Db, patientIds: readonly string[]): Promise<Map<string, string>> {
  const byPatient = new Map<string, string>();
  if (patientIds.length === 0) return byPatient;
  const result = await sql<{ patient_id: string; events: string }>`
    select patient_id, json_agg(json_build_object('eventKey', event_key, 'courseId', course_id, 'kind', kind, 'payload', payload) order by occurred_at, recorded_at)::text as events
      from course_event
     where patient_id = any(${[...new Set(patientIds)]}::uuid[])
     group by patient_id`.execute(db);
  for (const r of result.rows) byPatient.set(r.patient_id, r.events);
  return byPatient;
}

export interface ScheduleRow {
  readonly courseId: string;
  readonly clinicId: string;
  readonly patientId: string;
  readonly computedFor: string;
  readonly courseStatus: CourseStatus;
  readonly outcome: 'judged' | 'problem';
  readonly nextAuthorization: 'allowed' | 'blocked' | null;
  readonly overdue: number;
  readonly due: number;
  readonly upcoming: number;
  readonly nextBy: string | null;
  /** JSON text. */
  readonly items: string;
  /** JSON text. */
  readonly unmet: string;
  readonly problem: string | null;
  /** The change versions the judgement read (null: unknown, the row never counts as unchanged). */
  readonly courseSeq: string | null;
  readonly patientSeq: string | null;
  readonly clinicSeq: string | null;
  /** The last day the judgement holds without any change (null: only `computedFor`). */
  readonly validThrough: string | null;
}

export interface ReminderRow {
  readonly courseId: string;
  readonly clinicId: string;
  readonly patientId: string;
  readonly kind: string;
  readonly ruleId: string;
  readonly recipient: 'patient' | 'clinic';
  readonly dueOn: string;
  readonly sendOn: string;
  readonly messageKey: string;
}

/** Existing pending reminders of (course, kind) due on or after `from` stay as they are. */
export interface ReminderKeep {
  readonly courseId: string;
  readonly kind: string;
  readonly from: string;
}

export interface NightlyBatch {
  readonly runId: string;
  readonly now: Date;
  /** When the batch was read (before its statements): `course_schedule.computed_at`, so a fact recorded after it is newer than the row. */
  readonly computedAt: Date;
  /** NIGHTLY-SCOPE's horizon for closed courses: a course of the range outside the judged set loses its row and its pending reminders. */
  readonly closedSince: Date;
  /** The batch covers the course ids in (lo, hi]; hi null = to the end. */
  readonly lo: string | null;
  readonly hi: string | null;
  readonly schedules: readonly ScheduleRow[];
  readonly reminders: readonly ReminderRow[];
  readonly keeps: readonly ReminderKeep[];
  /** Courses the engine could not judge: their reminders are left as they are. */
  readonly problemCourseIds: readonly string[];
}

export interface BatchCounts {
  readonly created: number;
  readonly updated: number;
  readonly retired: number;
}

const NO_ID = '00000000-0000-0000-0000-000000000000';
const LAST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * Writes one batch in the caller's transaction, in five statements whatever its size: the
 * schedules (one multi-row upsert that changes only rows whose content changed), the schedules of
 * courses in the batch's id range that are no longer judged (deleted: derived data), the pending
 * reminders of the range that no longer apply (retired), the reminders (one multi-row upsert,
 * unique per course, kind and due day; a sent reminder is never touched), and the run's
 * checkpoint and counts. A crash between batches leaves every batch either written or not.
 */
export async function writeNightlyBatch(trx: Transaction<Database>, b: NightlyBatch): Promise<BatchCounts> {
  const lo = b.lo ?? NO_ID;
  const hi = b.hi ?? LAST_ID;
  const s = b.schedules;
  const judged = s.map((r) => r.courseId);
  if (s.length > 0) {
    await sql`
      insert into course_schedule (course_id, clinic_id, patient_id, computed_for, computed_at, run_id, course_status, outcome, next_authorization, overdue, due, upcoming, next_by, items, unmet, problem,
                                   course_seq, patient_seq, clinic_seq, valid_through)
      select u.course_id, u.clinic_id, u.patient_id, u.computed_for, ${b.computedAt}::timestamptz, ${b.runId}::uuid, u.course_status, u.outcome, u.next_authorization, u.overdue, u.due, u.upcoming, u.next_by, u.items::jsonb, u.unmet::jsonb, u.problem,
             u.course_seq, u.patient_seq, u.clinic_seq, u.valid_through
        from unnest(${judged}::uuid[], ${s.map((r) => r.clinicId)}::uuid[], ${s.map((r) => r.patientId)}::uuid[], ${s.map((r) => r.computedFor)}::date[],
                    ${s.map((r) => r.courseStatus)}::text[], ${s.map((r) => r.outcome)}::text[], ${s.map((r) => r.nextAuthorization)}::text[],
                    ${s.map((r) => r.overdue)}::int[], ${s.map((r) => r.due)}::int[], ${s.map((r) => r.upcoming)}::int[], ${s.map((r) => r.nextBy)}::date[],
                    ${s.map((r) => r.items)}::text[], ${s.map((r) => r.unmet)}::text[], ${s.map((r) => r.problem)}::text[],
                    ${s.map((r) => r.courseSeq)}::bigint[], ${s.map((r) => r.patientSeq)}::bigint[], ${s.map((r) => r.clinicSeq)}::bigint[], ${s.map((r) => r.validThrough)}::date[])
          as u(course_id, clinic_id, patient_id, computed_for, course_status, outcome, next_authorization, overdue, due, upcoming, next_by, items, unmet, problem,
               course_seq, patient_seq, clinic_seq, valid_through)
      on conflict (course_id) do update set
        computed_for = excluded.computed_for, computed_at = excluded.computed_at, run_id = excluded.run_id, course_status = excluded.course_status,
        outcome = excluded.outcome, next_authorization = excluded.next_authorization, overdue = excluded.overdue, due = excluded.due,
        upcoming = excluded.upcoming, next_by = excluded.next_by, items = excluded.items, unmet = excluded.unmet, problem = excluded.problem,
        course_seq = excluded.course_seq, patient_seq = excluded.patient_seq, clinic_seq = excluded.clinic_seq, valid_through = excluded.valid_through
      where (course_schedule.computed_for, course_schedule.course_status, course_schedule.outcome, course_schedule.next_authorization, course_schedule.overdue,
             course_schedule.due, course_schedule.upcoming, course_schedule.next_by, course_schedule.items, course_schedule.unmet, course_schedule.problem,
             course_schedule.course_seq, course_schedule.patient_seq, course_schedule.clinic_seq, course_schedule.valid_through)
            is distinct from
            (excluded.computed_for, excluded.course_status, excluded.outcome, excluded.next_authorization, excluded.overdue,
             excluded.due, excluded.upcoming, excluded.next_by, excluded.items, excluded.unmet, excluded.problem,
             excluded.course_seq, excluded.patient_seq, excluded.clinic_seq, excluded.valid_through)`.execute(trx);
  }
  // the courses of the range that left the judged set (an incremental night skips fresh ones: they stay)
  await sql`
    delete from course_schedule s
     where s.course_id > ${lo}::uuid and s.course_id <= ${hi}::uuid and s.course_id <> all(${judged}::uuid[])
       and not exists (select 1 from course c where c.id = s.course_id and ${judgedSet(b.closedSince)})`.execute(trx);
  const r = b.reminders;
  const k = b.keeps;
  const retired = await sql`
    update reminder m
       set status = 'retired', retired_at = ${b.now}::timestamptz, updated_at = ${b.now}::timestamptz, updated_run = ${b.runId}::uuid,
           retired_reason = case when m.course_id = any(${judged}::uuid[]) then 'no_longer_applies' else 'course_not_judged' end
     where m.status = 'pending' and m.course_id > ${lo}::uuid and m.course_id <= ${hi}::uuid
       and m.course_id <> all(${b.problemCourseIds}::uuid[])
       and (m.course_id = any(${judged}::uuid[]) or not exists (select 1 from course c where c.id = m.course_id and ${judgedSet(b.closedSince)}))
       and not exists (select 1 from unnest(${r.map((x) => x.courseId)}::uuid[], ${r.map((x) => x.kind)}::text[], ${r.map((x) => x.dueOn)}::date[]) as n(course_id, kind, due_on)
                        where n.course_id = m.course_id and n.kind = m.kind and n.due_on = m.due_on)
       and not exists (select 1 from unnest(${k.map((x) => x.courseId)}::uuid[], ${k.map((x) => x.kind)}::text[], ${k.map((x) => x.from)}::date[]) as n(course_id, kind, from_day)
                        where n.course_id = m.course_id and n.kind = m.kind and m.due_on >= n.from_day)`.execute(trx);
  let created = 0;
  let updated = 0;
  if (r.length > 0) {
    const upserted = await sql<{ inserted: boolean }>`
      insert into reminder (course_id, clinic_id, patient_id, kind, rule_id, recipient, due_on, send_on, message_key, status, created_at, created_run, updated_at, updated_run)
      select u.course_id, u.clinic_id, u.patient_id, u.kind, u.rule_id, u.recipient, u.due_on, u.send_on, u.message_key, 'pending', ${b.now}::timestamptz, ${b.runId}::uuid, ${b.now}::timestamptz, ${b.runId}::uuid
        from unnest(${r.map((x) => x.courseId)}::uuid[], ${r.map((x) => x.clinicId)}::uuid[], ${r.map((x) => x.patientId)}::uuid[], ${r.map((x) => x.kind)}::text[],
                    ${r.map((x) => x.ruleId)}::text[], ${r.map((x) => x.recipient)}::text[], ${r.map((x) => x.dueOn)}::date[], ${r.map((x) => x.sendOn)}::date[],
                    ${r.map((x) => x.messageKey)}::text[])
          as u(course_id, clinic_id, patient_id, kind, rule_id, recipient, due_on, send_on, message_key)
      on conflict (course_id, kind, due_on) do update set
        rule_id = excluded.rule_id, recipient = excluded.recipient, send_on = excluded.send_on, message_key = excluded.message_key,
        status = 'pending', retired_at = null, retired_reason = null, updated_at = excluded.updated_at, updated_run = excluded.updated_run
      where reminder.status = 'retired'
         or (reminder.status = 'pending'
             and (reminder.rule_id, reminder.recipient, reminder.send_on, reminder.message_key) is distinct from (excluded.rule_id, excluded.recipient, excluded.send_on, excluded.message_key))
      returning (xmax = 0) as inserted`.execute(trx);
    for (const row of upserted.rows) {
      if (row.inserted) created += 1;
      else updated += 1;
    }
  }
  const retiredCount = Number(retired.numAffectedRows ?? 0n);
  await sql`
    update nightly_run set checkpoint = ${b.hi}::uuid, courses_judged = courses_judged + ${s.length}, problems = problems + ${b.problemCourseIds.length},
           reminders_created = reminders_created + ${created}, reminders_updated = reminders_updated + ${updated}, reminders_retired = reminders_retired + ${retiredCount}
     where id = ${b.runId}::uuid`.execute(trx);
  return { created, updated, retired: retiredCount };
}
