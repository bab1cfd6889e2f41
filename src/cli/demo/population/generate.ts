import type { Kysely } from 'kysely';
import { hashPassword } from '../../../app/auth/passwords.js';
import { cryptoTokens } from '../../../app/ports.js';
import type { AuditEntry } from '../../../db/audit.repository.js';
import { appendAuditEntries } from '../../../db/audit-batch.repository.js';
import { analyzeAfterBulkLoad, countClinics, enterBulkLoadMode, foreignKeyViolations, insertRowsInBulk } from '../../../db/population.repository.js';
import type { CourseStatus, Database } from '../../../db/schema.js';
import { clinicSizes, defaultClinicCount, planClinics, type ClinicPlan } from './clinics.js';
import { dayNumber } from './days.js';
import { IdSource, Random } from './prng.js';
import { AuthorizationNumbers, BATCH_TABLES, emptyBatch, type Batch } from './rows.js';
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
  /** Courses written per transaction. Default 5,000. */
  readonly batchCourses?: number;
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
  readonly rows: Readonly<Record<(typeof BATCH_TABLES)[number], number>>;
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

function saltOf(seed: number, existingClinics: number): number {
  const r = new Random(seed, existingClinics + 1);
  return r.uint32();
}

/**
 * Generates a synthetic population of `courses` courses (docs/benchmarks.md, "synthetic
 * population"): clinics of every programme with their settings, staff and pharmacies, then
 * patients and their courses in every state with their whole history, written in large batches
 * by multi-row inserts (one statement per table and batch) in one transaction per batch. The
 * per-request use cases are bypassed, not the database: every constraint, foreign key and trigger
 * applies. The histories carry no audit entries of their own (they never happened through the
 * API); the generation itself is audited, one entry in each new clinic's chain and one in the
 * system chain, so `isocourse audit verify` passes. Deterministic for a seed, today and the
 * number of clinics already there.
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

  const totals = Object.fromEntries(BATCH_TABLES.map((t) => [t, 0])) as Record<(typeof BATCH_TABLES)[number], number>;
  const byStatus: Record<CourseStatus, number> = { qualifying: 0, active: 0, paused: 0, completed: 0, stopped: 0 };
  const batchCourses = Math.max(1, options.batchCourses ?? 5000);
  let done = 0;
  const flush = async (batch: Batch): Promise<void> => {
    await db.transaction().execute(async (trx) => {
      const bulk = await enterBulkLoadMode(trx);
      for (const table of BATCH_TABLES) {
        // two batches run at once: add after the await, not `+= await` (which reads the total first)
        const inserted = await insertRowsInBulk(trx, table, batch[table]);
        totals[table] += inserted;
      }
      if (bulk) {
        // the foreign keys the per-row triggers would have checked, checked for the whole batch
        for (const table of BATCH_TABLES) {
          if (batch[table].length === 0) continue;
          const violations = await foreignKeyViolations(trx, table, { after: batch.idsAfter, last: batch.idsLast });
          if (violations.length > 0) throw new Error(`generated rows break foreign keys: ${violations.join(', ')}`);
        }
      }
    });
    done += batch.courses;
    options.onProgress?.({ done, total: options.courses });
  };
  // two batches in flight: the database writes one on each connection while this process
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
  const context = { random: storyRandom, ids, numbers, today, batch: emptyBatch(ids.last) };
  for (const plan of plans) {
    for (let i = 0; i < plan.courses; i += 1) {
      new CourseStory(context, plan).write(CourseStory.pickState(storyRandom));
      if (context.batch.courses >= batchCourses) {
        const full = context.batch;
        full.idsLast = ids.last;
        context.batch = emptyBatch(ids.last);
        await submit(full);
      }
    }
  }
  if (context.batch.courses > 0) {
    context.batch.idsLast = ids.last;
    await submit(context.batch);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
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
