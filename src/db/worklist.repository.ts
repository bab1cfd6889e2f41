import { sql, type Kysely, type Transaction } from 'kysely';
import type { StoredEvent } from './course.repository.js';
import type { CourseStatus, Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const OPEN_STATUSES: readonly CourseStatus[] = ['qualifying', 'active', 'paused'];

/**
 * The position of a row in the clinic worklist's order (WL-ORDER): red-flagged courses first, the
 * oldest open flag first; then every other course by patient name (byte order, the same on both
 * engines) and course id. `flagKey` is the first open flag's instant in microseconds since the
 * epoch, as a decimal string (exact), or the largest int8 for a course without flags.
 */
export interface WorklistKey {
  readonly rank: 0 | 1;
  readonly flagKey: string;
  readonly name: string;
  readonly courseId: string;
}

export interface WorklistFlag {
  readonly taskId: string;
  readonly kind: string;
  readonly text: string;
  readonly createdAt: Date;
}

export interface WorklistRow {
  readonly key: WorklistKey;
  readonly courseId: string;
  readonly patientId: string;
  readonly patientName: string;
  /** For the programme engine only (never presented on the worklist). */
  readonly patientBirthDate: string | null;
  readonly patientRisk: unknown;
  readonly status: CourseStatus;
  readonly product: string | null;
  readonly sequence: number;
  readonly prescriberId: string | null;
  readonly flags: readonly WorklistFlag[];
}

export interface WorklistQuery {
  readonly clinicId: string;
  /** Only these statuses (any status when empty). */
  readonly statuses: readonly CourseStatus[];
  readonly flaggedOnly: boolean;
  /** Rows strictly after this key. */
  readonly after: WorklistKey | undefined;
  readonly limit: number;
  /**
   * WL-PREFILTER: for an engine-derived filter, skip the courses whose nightly schedule
   * (course_schedule) was computed for `today` after the course's last change and says they do not
   * match; every other course stays a candidate (and every listed row is judged live anyway).
   */
  readonly prefilter?: { readonly filter: 'due' | 'overdue' | 'blocked'; readonly today: string } | undefined;
}

interface RawRow {
  id: string;
  patient_id: string;
  status: CourseStatus;
  product: string | null;
  sequence: number;
  prescriber_id: string | null;
  display_name: string;
  birth_date: string | null;
  risk: unknown;
  flags: Array<{ id: string; kind: string; text: string; createdAt: string }> | null;
  rank: number;
  flag_key: string;
}

/** What an unchanged schedule row says about a course for an engine-derived filter (a `problem` row never rules a course out). */
function scheduleMatches(filter: 'due' | 'overdue' | 'blocked') {
  switch (filter) {
    case 'due':
      return sql`s.due > 0`;
    case 'overdue':
      return sql`s.overdue > 0`;
    case 'blocked':
      return sql`s.next_authorization = 'blocked'`;
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

/**
 * One page of the clinic worklist in ONE statement (WL-FLAG, WL-ORDER), as two ordered branches
 * whose cost grows with the page, not with the clinic:
 *
 * - rank 0, red-flagged courses: those named by the clinic's open urgent tasks
 *   (task_clinic_urgent_open_idx) and the open course of a patient with a patient-level one, each
 *   with its open urgent tasks as a JSON array (task_patient_urgent_open_idx), oldest flag first.
 *   A course stopped by a positive test stays listed while its urgent task is open. Few rows.
 * - rank 1, every other open course, by patient name (byte order, the same on both engines) and
 *   course id: the clinic's patients walked in name order on patient_clinic_name_idx, each
 *   joined to its one open course (course_one_open_per_patient), stopping at the page size. It
 *   used to sort all the clinic's open courses for every page (bench/worklist.bench.ts).
 *
 * Keyset pagination: rows after `after` in the full order; a page that starts in rank 1 skips
 * rank 0 entirely. With a prefilter, both branches skip the courses the nightly schedule rules out
 * (a red-flagged course with a fresh row that says it does not match is not judged either).
 */
export async function listClinicWorklist(db: Db, q: WorklistQuery): Promise<WorklistRow[]> {
  const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
  const statusFilter = q.statuses.length === 0 ? sql`` : sql`and c.status in (${sql.join([...q.statuses])})`;
  // WL-PREFILTER: the schedule row, when it is unchanged since the night (equal change versions,
  // docs/rules/WL-PREFILTER.md) and holds for today, rules the course out; a join on the
  // course's primary key, and three equalities, so the planner keeps its estimate of the name walk
  const prefilterJoin =
    q.prefilter === undefined
      ? sql``
      : sql`join clinic cl on cl.id = c.clinic_id
      left join course_schedule s on s.course_id = c.id and s.course_status = c.status and s.outcome = 'judged'
            and s.course_seq = c.change_seq and s.patient_seq = p.change_seq and s.clinic_seq = cl.change_seq
            and ${q.prefilter.today}::date between s.computed_for and coalesce(s.valid_through, s.computed_for)`;
  const prefilter = q.prefilter === undefined ? sql`` : sql`and (s.course_id is null or ${scheduleMatches(q.prefilter.filter)})`;
  const flagged = sql`
    select c.id, c.patient_id, c.status, c.product, c.sequence, c.prescriber_id, p.display_name, p.birth_date, p.risk, f.flags,
           0 as rank, (extract(epoch from f.first_flag_at) * 1000000)::bigint as flag_key
      from course c
      join patient p on p.id = c.patient_id
      ${prefilterJoin}
      cross join lateral (
        select json_agg(json_build_object('id', t.id, 'kind', t.kind, 'text', t.text, 'createdAt', t.created_at) order by t.created_at, t.id) as flags,
               min(t.created_at) as first_flag_at
          from task t
         where t.patient_id = c.patient_id and t.urgency = 'urgent' and t.done_at is null
           and (t.course_id = c.id or (t.course_id is null and c.status in (${open})))
      ) f
     where c.clinic_id = ${q.clinicId} and f.first_flag_at is not null ${statusFilter} ${prefilter}
       and c.id in (
         select t.course_id from task t
          where t.clinic_id = ${q.clinicId} and t.urgency = 'urgent' and t.done_at is null and t.course_id is not null
         union
         select oc.id from task t join course oc on oc.patient_id = t.patient_id and oc.status in (${open})
          where t.clinic_id = ${q.clinicId} and t.urgency = 'urgent' and t.done_at is null and t.course_id is null
       )`;
  const flaggedAfter =
    q.after === undefined || q.after.rank === 1
      ? sql``
      : sql`where (flag_key, display_name collate "C", id) > (${q.after.flagKey}::bigint, ${q.after.name} collate "C", ${q.after.courseId}::uuid)`;
  const rankZero = sql`(select * from (${flagged}) k ${flaggedAfter} order by flag_key, display_name collate "C", id limit ${q.limit})`;
  const nameAfter =
    q.after?.rank === 1
      ? sql`and p.display_name collate "C" >= ${q.after.name} collate "C" and (p.display_name collate "C" > ${q.after.name} collate "C" or c.id > ${q.after.courseId}::uuid)`
      : sql``;
  const rankOne = sql`(
    select c.id, c.patient_id, c.status, c.product, c.sequence, c.prescriber_id, p.display_name, p.birth_date, p.risk, null::json as flags,
           1 as rank, 9223372036854775807::bigint as flag_key
      from patient p
      join course c on c.patient_id = p.id and c.status in (${open})
      ${prefilterJoin}
     where p.clinic_id = ${q.clinicId} and c.clinic_id = ${q.clinicId} ${statusFilter} ${nameAfter} ${prefilter}
       and not exists (
         select 1 from task t
          where t.patient_id = p.id and t.urgency = 'urgent' and t.done_at is null and t.course_id = c.id
       )
       and not exists (
         select 1 from task t
          where t.patient_id = p.id and t.urgency = 'urgent' and t.done_at is null and t.course_id is null
       )
     order by p.display_name collate "C", c.id
     limit ${q.limit})`;
  const branches = q.flaggedOnly ? [rankZero] : q.after?.rank === 1 ? [rankOne] : [rankZero, rankOne];
  const result = await sql<RawRow>`
    select id, patient_id, status, product, sequence, prescriber_id, display_name, birth_date, risk, flags, rank, flag_key::text as flag_key
      from (${sql.join(branches, sql` union all `)}) page
     order by rank, flag_key, display_name collate "C", id
     limit ${q.limit}`.execute(db);
  return result.rows.map((r) => ({
    key: { rank: r.rank === 0 ? 0 : 1, flagKey: r.flag_key, name: r.display_name, courseId: r.id },
    courseId: r.id,
    patientId: r.patient_id,
    patientName: r.display_name,
    patientBirthDate: r.birth_date,
    patientRisk: r.risk,
    status: r.status,
    product: r.product,
    sequence: r.sequence,
    prescriberId: r.prescriber_id,
    flags: (r.flags ?? []).map((f) => ({ taskId: f.id, kind: f.kind, text: f.text, createdAt: new Date(f.createdAt) })),
  }));
}

/**
 * WL-ORDER's name walk, whatever the planner estimates: in the caller's transaction only, sorts
 * are priced out and parallel workers are not started. PostgreSQL cannot know that the courses
 * of a clinic belong to the patients of that clinic, so it estimates a few hundred candidates
 * where a large clinic has thousands; at 1,000,000 courses it then sorted all of the clinic's
 * open courses (7,090: 120-215 ms) for each batch of an engine-derived filter instead of walking
 * the name index to the page (157 patients read: 11-17 ms), and a parallel walk cost ~40 ms of
 * worker start-up on two cores (EXPLAIN ANALYZE in docs/benchmarks.md). A sort that nothing else
 * can replace (the page's final order, the red-flag branch) still runs. The settings end with the
 * transaction (`set_config(..., true)`).
 */
export async function preferNameWalk(trx: Transaction<Database>): Promise<void> {
  // JIT off: the priced-out sorts raise the plan's cost above jit_above_cost, and compiling it took 1.3 s
  await sql`select set_config('enable_sort', 'off', true), set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`.execute(trx);
}

/**
 * Every programme event of several patients in ONE query (a worklist page needs the whole
 * history of each listed patient), grouped by patient, each oldest first as `listPatientEvents`.
 */
export async function listEventsOfPatients(db: Db, patientIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
  const byPatient = new Map<string, StoredEvent[]>();
  if (patientIds.length === 0) return byPatient;
  const rows = await db
    .selectFrom('course_event')
    .select(['patient_id', 'event_key', 'course_id', 'kind', 'occurred_at', 'recorded_at', 'recorded_by', 'payload'])
    .where('patient_id', 'in', [...new Set(patientIds)])
    .orderBy('patient_id')
    .orderBy('occurred_at')
    .orderBy('recorded_at')
    .execute();
  for (const r of rows) {
    const list = byPatient.get(r.patient_id) ?? [];
    list.push({ eventKey: r.event_key, courseId: r.course_id, kind: r.kind, occurredAt: r.occurred_at, recordedAt: r.recorded_at, recordedBy: r.recorded_by, payload: r.payload });
    byPatient.set(r.patient_id, list);
  }
  return byPatient;
}

export interface PharmacyWorklistRow {
  readonly authorizationId: string;
  readonly number: string;
  readonly clinicId: string;
  readonly patientId: string;
  readonly patientName: string;
  readonly lastDayToCollect: string;
  readonly lastInstant: string;
  readonly verifiedAt: Date | null;
  readonly product: string;
  readonly strengthMg: number;
  readonly quantity: number;
  readonly dailyMg: number;
}

/**
 * WL-PHARMACY: the open authorizations a pharmacy verified (and nobody took over since), last day
 * to collect first, in one query on authorization_pharmacy_open_idx. Only what dispensing needs.
 */
export async function listPharmacyWorklist(db: Db, pharmacyId: string, limit: number): Promise<PharmacyWorklistRow[]> {
  const rows = await db
    .selectFrom('authorization as a')
    .innerJoin('patient as p', 'p.id', 'a.patient_id')
    .innerJoin('prescription as rx', 'rx.id', 'a.prescription_id')
    .select(['a.id', 'a.number', 'a.clinic_id', 'a.patient_id', 'p.display_name', 'a.last_day_to_collect', 'a.last_instant', 'a.verified_at', 'rx.product', 'rx.strength_mg', 'rx.quantity', 'rx.daily_mg'])
    .where('a.pharmacy_id', '=', pharmacyId)
    .where('a.status', '=', 'open')
    .orderBy('a.last_day_to_collect')
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    authorizationId: r.id,
    number: r.number,
    clinicId: r.clinic_id,
    patientId: r.patient_id,
    patientName: r.display_name,
    lastDayToCollect: r.last_day_to_collect,
    lastInstant: r.last_instant,
    verifiedAt: r.verified_at,
    product: r.product,
    strengthMg: r.strength_mg,
    quantity: r.quantity,
    dailyMg: r.daily_mg,
  }));
}

/**
 * WL-PHARMACY: a verification at the counter gives an open authorization to the verifying
 * pharmacy (the latest verification wins: the patient chose that pharmacy). Nothing changes for
 * an authorization that is no longer open.
 */
export async function recordPharmacyVerification(db: Db, authorizationId: string, pharmacyId: string, at: Date): Promise<void> {
  await db.updateTable('authorization').set({ pharmacy_id: pharmacyId, verified_at: at }).where('id', '=', authorizationId).where('status', '=', 'open').execute();
}

/** The pharmacy an authorization was last verified by, or null. */
export async function verifyingPharmacy(db: Db, authorizationId: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('authorization').select('pharmacy_id').where('id', '=', authorizationId).executeTakeFirst();
  return row?.pharmacy_id;
}
