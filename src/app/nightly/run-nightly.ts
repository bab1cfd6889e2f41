import type { Kysely } from 'kysely';
import { loadClinicFacts, type ClinicFacts } from '../../db/clinic-settings.repository.js';
import {
  listClinicDays,
  listNightlyCourses,
  listProgrammeEventsOfPatients,
  markRun,
  releaseNightlyLock,
  runTotals,
  startRun,
  tryNightlyLock,
  unfinishedRun,
  writeNightlyBatch,
  type NightlyRunTotals,
  type StaleFilter,
} from '../../db/nightly.repository.js';
import type { Database } from '../../db/schema.js';
import { localDateOf, tryParseDate } from '../../domain/calendar/index.js';
import type { Clock } from '../ports.js';
import { AppError } from '../errors.js';
import { judgeBatch, judgedDay, type JudgedBatch, type NightlyBatchInput, type NightlyDay } from './judge-batch.js';
import { JudgePool } from './judge-pool.js';
import { instantOf } from '../worklist/program-facts.js';

/** Courses per batch: one read of the courses, one of their patients' events, one write transaction. */
export const NIGHTLY_BATCH_SIZE = 1000;
/**
 * NIGHTLY-SCOPE (DECISION-NIGHTLY-CLOSED-HORIZON): a closed course is judged for 100 days after
 * it closed: the post-treatment test falls 30 days (US12) to 5 weeks (EU3, France) after the last
 * dose and contraception ends a month after it, so 100 days leave two months for a late test.
 */
export const CLOSED_HORIZON_DAYS = 100;

export interface NightlyOptions {
  /** `YYYY-MM-DD`: judge every course for this day; default: today in each programme zone. */
  readonly date?: string | undefined;
  readonly clock: Clock;
  readonly batchSize?: number | undefined;
  /**
   * Judge every course of the judged set (the weekly safety net, docs/nightly.md); default: only
   * the courses without a fresh schedule row for their day (NIGHTLY-VALID-THROUGH).
   */
  readonly full?: boolean | undefined;
  /** Worker threads that run the engine (JudgePool); 0 (the default) judges in this thread. */
  readonly workers?: number | undefined;
  /** Replaces the engine (the benchmark's ceiling); default: `judgeBatch` in this thread or in the workers. */
  readonly judge?: ((input: NightlyBatchInput) => Promise<JudgedBatch>) | undefined;
  /** Called after each committed batch (progress; tests inject a crash here). */
  readonly afterBatch?: ((batch: { readonly index: number; readonly courses: number }) => void | Promise<void>) | undefined;
}

export type NightlyResult =
  | ({
      readonly kind: 'completed';
      readonly runId: string;
      /** True when the run took over from an interrupted run of the same day and resumed after its last batch. */
      readonly resumed: boolean;
      readonly requestedDate: string | null;
      readonly asOf: Date;
      readonly batches: number;
      readonly seconds: number;
    } & NightlyRunTotals)
  | { readonly kind: 'refused'; readonly reason: 'already_running' };

/** Handles with a run in progress in this process (PGlite has one session, where the advisory lock is re-entrant). */
const running = new WeakSet<object>();

function utcDay(at: Date): string {
  return localDateOf(instantOf(at), 'UTC').toString();
}

/**
 * The nightly recompute (docs/nightly.md): judges every open course, and every closed course with
 * obligations left (NIGHTLY-SCOPE), for one day, and stores each course's schedule and reminders.
 * Incremental unless `full`: a course whose stored row is fresh for its day (equal change
 * versions and status, the day within NIGHTLY-VALID-THROUGH) is not judged again and keeps its
 * row and its reminders.
 * One run at a time (a session advisory lock; a second run is refused). Keyset batches of
 * `batchSize` courses: per batch one statement for the courses, one for their patients' events,
 * the engine in memory, and one write transaction (writeNightlyBatch). A run that dies leaves
 * whole batches and its checkpoint; the next run of the same day resumes after it.
 */
export async function runNightly(db: Kysely<Database>, options: NightlyOptions): Promise<NightlyResult> {
  if (options.date !== undefined && tryParseDate(options.date)?.toString() !== options.date) {
    throw new AppError('invalid_input', `--date must be a calendar date YYYY-MM-DD, got "${options.date}".`);
  }
  if (running.has(db)) return { kind: 'refused', reason: 'already_running' };
  running.add(db);
  try {
    return await db.connection().execute(async (conn) => {
      if (!(await tryNightlyLock(conn))) return { kind: 'refused', reason: 'already_running' } as const;
      try {
        return await locked(conn, options);
      } finally {
        await releaseNightlyLock(conn);
      }
    });
  } finally {
    running.delete(db);
  }
}

async function locked(conn: Kysely<Database>, options: NightlyOptions): Promise<NightlyResult> {
  const started = performance.now();
  const now = options.clock.now();
  const requestedDate = options.date ?? null;
  const previous = await unfinishedRun(conn);
  // the same day (the date asked for, or "today" on the same UTC day) resumes; anything else starts over
  const resumable = previous !== undefined && previous.requestedDate === requestedDate && (requestedDate !== null || utcDay(previous.asOf) === utcDay(now));
  let runId: string;
  let asOf: Date;
  let after: string | null = null;
  if (previous !== undefined && resumable) {
    runId = previous.id;
    asOf = previous.asOf;
    after = previous.checkpoint;
    await markRun(conn, runId, 'running', null);
  } else {
    if (previous !== undefined) await markRun(conn, previous.id, 'interrupted', null);
    asOf = now;
    runId = await startRun(conn, { requestedDate, asOf, startedAt: now });
  }
  const day: NightlyDay = { requestedDate: options.date, asOf };
  const reference = requestedDate === null ? asOf : new Date(`${requestedDate}T00:00:00Z`);
  const closedSince = new Date(reference.getTime() - CLOSED_HORIZON_DAYS * 86_400_000);
  const limit = options.batchSize ?? NIGHTLY_BATCH_SIZE;
  const pool = options.judge === undefined && (options.workers ?? 0) > 0 ? new JudgePool(options.workers ?? 0) : undefined;
  const judge = options.judge ?? (pool === undefined ? (input: NightlyBatchInput) => Promise.resolve(judgeBatch(input)) : (input: NightlyBatchInput) => pool.judge(input));
  const clinics = new Map<string, ClinicFacts | undefined>();
  // incremental: the day each clinic's courses are judged for, to find the rows fresh for it
  let stale: StaleFilter | undefined;
  if (options.full !== true) {
    const all = await listClinicDays(conn);
    stale = { clinicIds: all.map((c) => c.id), days: all.map((c) => judgedDay(c, day)) };
  }
  // one batch read: its courses, the clinics not seen before, its patients' events
  const read = async (from: string | null): Promise<{ input: NightlyBatchInput; lo: string | null; hi: string | null; readAt: Date }> => {
    const readAt = options.clock.now();
    const rows = await listNightlyCourses(conn, { after: from, limit, closedSince, stale });
    for (const clinicId of new Set(rows.map((r) => r.clinicId))) {
      if (!clinics.has(clinicId)) clinics.set(clinicId, await loadClinicFacts(conn, clinicId));
    }
    const eventsJson = await listProgrammeEventsOfPatients(conn, rows.map((r) => r.patientId));
    const hi = rows.length < limit ? null : (rows[rows.length - 1]?.courseId ?? null);
    return { input: { rows, clinics: new Map(clinics), eventsJson, day }, lo: from, hi, readAt };
  };
  let batches = 0;
  try {
    // pipelined: while the engine judges batch k, the connection writes batch k-1 and reads k+1
    // (the connection's statements stay strictly in order: write k-1, then read k+1)
    let batch = await read(after);
    let written: Promise<void> = Promise.resolve();
    for (;;) {
      const current = batch;
      const judging = judge(current.input);
      const next = current.hi === null ? undefined : written.then(() => read(current.hi));
      // handled where it is awaited; this only keeps an early failure from going unhandled
      next?.catch(() => undefined);
      const judgedBatch = await judging;
      await written;
      written = (async () => {
        await conn.transaction().execute((trx) => writeNightlyBatch(trx, { runId, now: options.clock.now(), computedAt: current.readAt, closedSince, lo: current.lo, hi: current.hi, ...judgedBatch }));
        batches += 1;
        await options.afterBatch?.({ index: batches - 1, courses: current.input.rows.length });
      })();
      if (next === undefined) break;
      // a failed write is reported before the next batch is judged
      batch = await Promise.all([next, written]).then(([b]) => b);
    }
    await written;
  } finally {
    await pool?.close();
  }
  await markRun(conn, runId, 'completed', options.clock.now());
  const totals = await runTotals(conn, runId);
  return { kind: 'completed', runId, resumed: previous !== undefined && resumable, requestedDate, asOf, batches, seconds: (performance.now() - started) / 1000, ...totals };
}
