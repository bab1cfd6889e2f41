import type { Kysely } from 'kysely';
import { hashPassword } from '../../../app/auth/passwords.js';
import { cryptoTokens } from '../../../app/ports.js';
import type { AuditEntry } from '../../../db/audit.repository.js';
import { appendAuditEntries } from '../../../db/audit-batch.repository.js';
import type pg from 'pg';
import { analyzeAfterBulkLoad, copyRows, countClinics, enterBulkLoadMode, foreignKeyViolations, insertColumnsInBulk, insertRowsInBulk, isSuperuser, openCopyConnection } from '../../../db/population.repository.js';
import type { CourseStatus, Database } from '../../../db/schema.js';
import { clinicSizes, defaultClinicCount, planClinics, type ClinicPlan } from './clinics.js';
import { dayNumber } from './days.js';
import { IdSource, Random } from './prng.js';
import { AuthorizationNumbers, Batch, BATCH_COLUMNS, BATCH_TABLES, copyColumns, type BatchTable } from './rows.js';
import { CourseStory } from './stories.js';

export interface PopulationOptions {
  readonly courses: number;
  /** Same seed, same database content (ids included). Default 1. */
  readonly seed?: number;
  /** The day histories are laid out before (`YYYY-MM-DD`). Default: today in UTC. */
  readonly today?: string;
  /** Default: about one clinic per 3,000 courses, at least five (fewer when there are fewer courses). */
  readonly clinics?: number;
  /** Add to a database that already holds clinics (refused otherwise). */
  readonly append?: boolean;
  /** Courses written per transaction. Default 2,000. */
  readonly batchCourses?: number;
  /**
   * The same database's PostgreSQL connection string: the batches then go by `COPY ... FROM
   * STDIN` on connections of their own (much cheaper than inserts for both processes). Without it
   * (and always on the embedded database, which takes no COPY from a client) they go through `db`
   * as multi-row inserts.
   */
  readonly url?: string;
  /** The real time, for the audit entries and `created_at` of clinics and staff. Default: now. */
  readonly now?: Date;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
}

export interface PopulationSummary {
  readonly clinics: number;
  readonly pharmacies: number;
  readonly users: number;
  readonly patients: number;
  readonly courses: number;
  readonly coursesByStatus: Readonly<Record<CourseStatus, number>>;
  readonly rows: Readonly<Record<BatchTable, number>>;
  /** How the batches were written. */
  readonly writtenBy: 'copy' | 'insert';
  readonly seed: number;
  readonly today: string;
  readonly seconds: number;
}

/** The database already holds clinics and `append` was not given. */
export class PopulationRefusedError extends Error {
  constructor(readonly clinics: number) {
    super(`the database already holds ${clinics} clinic(s)`);
    this.name = 'PopulationRefusedError';
  }
}

export const POPULATION_REQUEST_ID = 'isocourse-demo-population';
/** Batches written at once (one per database connection). */
const WRITERS = 2;

/** Writes whole batches, one transaction each; `write` may run WRITERS times at once. */
interface BatchWriter {
  readonly kind: 'copy' | 'insert';
  /** Rows written per table. */
  write(batch: Batch): Promise<Record<BatchTable, number>>;
  /** Whether a batch skipped the per-row foreign-key triggers (bulk-load mode): the caller checks them. */
  readonly skippedForeignKeyTriggers: () => boolean;
  close(): Promise<void>;
}

function noRows(): Record<BatchTable, number> {
  return { patient: 0, course: 0, prescription: 0, authorization: 0, dispense: 0, course_event: 0, task: 0 };
}

/** Multi-row inserts through Kysely (the embedded database, or no connection string given). */
function insertWriter(db: Kysely<Database>): BatchWriter {
  let bulkUsed = false;
  return {
    kind: 'insert',
    write: (batch) =>
      db.transaction().execute(async (trx) => {
        if (await enterBulkLoadMode(trx)) bulkUsed = true;
        const written = noRows();
        for (const table of BATCH_TABLES) {
          const columns = BATCH_COLUMNS[table];
          written[table] = await insertColumnsInBulk(trx, table, columns, copyColumns(batch.text[table].contents().toString('utf8'), columns.length));
        }
        return written;
      }),
    skippedForeignKeyTriggers: () => bulkUsed,
    close: () => Promise.resolve(),
  };
}

/** `COPY ... FROM STDIN` on WRITERS connections of its own, one batch per connection at a time. */
async function copyWriter(url: string): Promise<BatchWriter> {
  const clients: pg.Client[] = [];
  try {
    for (let i = 0; i < WRITERS; i += 1) clients.push(await openCopyConnection(url));
  } catch (error) {
    await Promise.all(clients.map((c) => c.end()));
    throw error;
  }
  const first = clients[0];
  const superuser = first === undefined ? false : await isSuperuser(first);
  const idle = [...clients];
  return {
    kind: 'copy',
    write: async (batch) => {
      const client = idle.pop();
      if (client === undefined) throw new Error(`more than ${WRITERS} batches written at once`);
      try {
        await client.query('begin');
        try {
          // bulk-load mode, as enterBulkLoadMode: the caller checks the foreign keys before it reports success
          if (superuser) await client.query('set local session_replication_role = replica');
          const written = noRows();
          for (const table of BATCH_TABLES) written[table] = await copyRows(client, table, BATCH_COLUMNS[table], batch.text[table].contents());
          await client.query('commit');
          return written;
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw error;
        }
      } finally {
        idle.push(client);
      }
    },
    skippedForeignKeyTriggers: () => superuser,
    close: async () => {
      await Promise.all(clients.map((c) => c.end()));
    },
  };
}

function saltOf(seed: number, existingClinics: number): number {
  const r = new Random(seed, existingClinics + 1);
  return r.uint32();
}

/**
 * Generates a synthetic population of `courses` courses (docs/benchmarks.md, "synthetic
 * population"): clinics of every programme with their settings, staff and pharmacies, then
 * patients and their courses in every state with their whole history. The stories write each row
 * straight as a line of COPY text into off-heap buffers; a batch (2,000 courses by default) is one
 * transaction, written by `COPY ... FROM STDIN` on connections of its own when `url` is given
 * (PostgreSQL), otherwise as one multi-row insert per table through `db`; WRITERS batches are
 * written while the next is generated. The per-request use cases are bypassed, not the database:
 * every unique, check and not-null constraint applies to each row; on a superuser connection the
 * per-row foreign-key triggers are switched off for the batches (bulk-load mode) and every
 * foreign key of the rows written is checked once at the end, before success is reported. The
 * histories carry no audit entries of their own (they never happened through the API); the
 * generation itself is audited, one entry in each new clinic's chain and one in the system
 * chain, so `isocourse audit verify` passes. Deterministic for a seed, today and the number of
 * clinics already there, whichever way the batches are written.
 */
export async function generatePopulation(db: Kysely<Database>, options: PopulationOptions): Promise<PopulationSummary> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date();
  const todayText = options.today ?? now.toISOString().slice(0, 10);
  const today = dayNumber(todayText);
  const existing = await countClinics(db);
  if (existing > 0 && options.append !== true) throw new PopulationRefusedError(existing);
  const salt = saltOf(seed, existing);
  const random = new Random(seed, existing);
  const ids = new IdSource(new Random(seed ^ 0x5bd1e995, existing), salt);
  const numbers = new AuthorizationNumbers(salt);
  const clinicCount = options.clinics ?? defaultClinicCount(options.courses);
  const sizes = clinicSizes(random, clinicCount, options.courses);
  // nobody signs in as a generated user: the password is random and thrown away
  const passwordHash = await hashPassword(cryptoTokens.token());
  const { plans, rows: staff } = planClinics(random, ids, { sizes, firstIndex: existing, tag: salt.toString(36), today, passwordHash, createdAt: now.toISOString() });
  await db.transaction().execute(async (trx) => {
    await insertRowsInBulk(trx, 'clinic', staff.clinics);
    await insertRowsInBulk(trx, 'pharmacy', staff.pharmacies);
    await insertRowsInBulk(trx, 'app_user', staff.users);
    await insertRowsInBulk(trx, 'designee_for', staff.designees);
    await appendAuditEntries(trx, auditEntries(plans, now, { seed, today: todayText, courses: options.courses }));
  });

  const totals = noRows();
  const byStatus: Record<CourseStatus, number> = { qualifying: 0, active: 0, paused: 0, completed: 0, stopped: 0 };
  const batchCourses = Math.max(1, options.batchCourses ?? 2000);
  // the rows of this run's batches have ids in (idsAfter, ids.last]: ids count up under the run's salt
  const idsAfter = ids.last;
  const writer = options.url === undefined ? insertWriter(db) : await copyWriter(options.url);
  let done = 0;
  try {
    const flush = async (batch: Batch): Promise<void> => {
      const written = await writer.write(batch);
      for (const table of BATCH_TABLES) totals[table] += written[table];
      done += batch.courses;
      options.onProgress?.({ done, total: options.courses });
    };
    // WRITERS batches in flight: the database writes one on each connection while this process
    // generates the next (the embedded database has one connection and takes them in turn)
    const inFlight = new Set<Promise<void>>();
    let failure: Error | undefined;
    const submit = async (batch: Batch): Promise<void> => {
      while (inFlight.size >= WRITERS) await Promise.race(inFlight);
      if (failure !== undefined) throw failure;
      const write = flush(batch).catch((error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
      });
      inFlight.add(write);
      void write.finally(() => inFlight.delete(write));
    };
    const storyRandom = new Random(seed ^ 0x2545f491, existing);
    const context = { random: storyRandom, ids, numbers, today, batch: new Batch() };
    for (const plan of plans) {
      for (let i = 0; i < plan.courses; i += 1) {
        new CourseStory(context, plan).write(CourseStory.pickState(storyRandom));
        if (context.batch.courses >= batchCourses) {
          const full = context.batch;
          context.batch = new Batch(full);
          await submit(full);
        }
      }
    }
    if (context.batch.courses > 0) await submit(context.batch);
    await Promise.all(inFlight);
    if (failure !== undefined) throw failure;
  } finally {
    await writer.close();
  }
  if (writer.skippedForeignKeyTriggers() && ids.last > idsAfter) {
    // the foreign keys the per-row triggers would have checked, checked once for the whole run
    const violations: string[] = [];
    for (const table of BATCH_TABLES) violations.push(...(await foreignKeyViolations(db, table, { after: idsAfter, last: ids.last })));
    if (violations.length > 0) throw new Error(`generated rows break foreign keys: ${violations.join(', ')}`);
  }
  for (const row of await db.selectFrom('course').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).where('clinic_id', 'in', plans.length === 0 ? [''] : plans.map((p) => p.id)).groupBy('status').execute()) {
    byStatus[row.status] = Number(row.n);
  }
  await analyzeAfterBulkLoad(db);
  return {
    clinics: plans.length,
    pharmacies: staff.pharmacies.length,
    users: staff.users.length,
    patients: totals.patient,
    courses: totals.course,
    coursesByStatus: byStatus,
    rows: totals,
    writtenBy: writer.kind,
    seed,
    today: todayText,
    seconds: (performance.now() - started) / 1000,
  };
}

function auditEntries(plans: readonly ClinicPlan[], at: Date, what: { seed: number; today: string; courses: number }): AuditEntry[] {
  const entry = (clinicId: string | null, resourceType: string, resourceId: string): AuditEntry => ({
    at,
    actorUserId: null,
    actorRole: null,
    onBehalfOf: null,
    action: 'generate_synthetic_population',
    resourceType,
    resourceId,
    clinicId,
    patientId: null,
    outcome: 'success',
    ip: null,
    requestId: POPULATION_REQUEST_ID,
  });
  return [entry(null, 'population', `seed=${what.seed} today=${what.today} courses=${what.courses} clinics=${plans.length}`), ...plans.map((p) => entry(p.id, 'clinic', p.id))];
}
