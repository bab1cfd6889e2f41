// Nightly recompute benchmark (issue 7): `runNightly` over a PostgreSQL database of N courses.
//   1. a fresh database on the admin URL, migrated and populated (see POPULATION below);
//   2. the job, timed, as several nights: the first night (empty course_schedule and reminder,
//      every course judged), the next night (incremental: only the courses without a fresh row,
//      NIGHTLY-VALID-THROUGH), the same next night again (incremental: nothing to judge), five
//      more incremental nights (week: the steady state), a full night (--full) and a full night
//      with the engine in the main thread (single);
//   3. the ceiling in the same run: the same job with the engine left out (the same reads, the
//      same number of schedule rows and reminders written by the same statements, into emptied
//      tables), so job / ceiling says what the engine and its in-memory work cost.
// Figures only: it never fails on numbers. The database is dropped at the end (unless --keep).
//
// Run: npx tsx bench/nightly.bench.ts [--courses 1000000] [--clinics 50] [--batch 1000] [--workers 2]
//        [--passes first,next,again,week,full,single,ceiling] [--keep]
//        [--url postgres://.../existing_db]   (reuse a populated database: no populate, no drop)
// Env: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
import { cpus, loadavg } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { createBenchDatabase, DEFAULT_ADMIN_URL, type BenchDatabase } from './support/bench-database.js';
import { flag, numberOption, option } from './support/args.js';
import { generatePopulation } from '../src/cli/demo/population/generate.js';
import { backendPids, sample, used } from './support/cpu.js';
import { fmt, report } from './lib.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database } from '../src/db/schema.js';
import { judgeBatch, type JudgedBatch } from '../src/app/nightly/judge-batch.js';
import { CLOSED_HORIZON_DAYS, runNightly, type NightlyOptions, type NightlyResult } from '../src/app/nightly/run-nightly.js';

const courses = numberOption('courses', 1_000_000);
const clinicCount = numberOption('clinics', 0);
const FIRST_NIGHT = '2026-12-01';
const batchSize = numberOption('batch', 1000);
const workers = numberOption('workers', 2);
const passes = option('passes', 'first,next,again,week,full,single,ceiling').split(',');
const existingUrl = option('url', '');
const adminUrl = process.env.BENCH_ADMIN_URL ?? DEFAULT_ADMIN_URL;
const log = (line: string): void => {
  console.log(line);
};
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

type Judge = NonNullable<NightlyOptions['judge']>;

/** The engine's share: wall time spent judging (in this thread). */
function timedJudge(inner: Judge): { judge: Judge; ms: () => number } {
  let ms = 0;
  return {
    judge: async (input) => {
      const t = performance.now();
      const out = await inner(input);
      ms += performance.now() - t;
      return out;
    },
    ms: () => ms,
  };
}

const engineJudge: Judge = (input) => Promise.resolve(judgeBatch(input));

/**
 * The ceiling: no engine. Each course gets a schedule row of fixed content and the batch gets as
 * many reminders as the real first night wrote for the same batch (spread over its courses).
 */
function ceilingJudge(remindersPerBatch: readonly number[]): Judge {
  let batch = 0;
  return ({ rows, day, clinics }) => {
    const want = remindersPerBatch[batch] ?? 0;
    batch += 1;
    const computedFor = day.requestedDate ?? '2026-01-01';
    const out: JudgedBatch = { schedules: [], reminders: [], keeps: [], problemCourseIds: [] };
    for (const r of rows) {
      out.schedules.push({ courseId: r.courseId, clinicId: r.clinicId, patientId: r.patientId, courseStatus: r.status, computedFor, outcome: 'judged', nextAuthorization: 'allowed', overdue: 0, due: 1, upcoming: 0, nextBy: computedFor, items: '[{"code":"ceiling"}]', unmet: '[]', problem: null, courseSeq: r.courseSeq, patientSeq: r.patientSeq, clinicSeq: clinics.get(r.clinicId)?.changeSeq ?? null, validThrough: null });
    }
    for (let i = 0; i < want && rows.length > 0; i += 1) {
      const r = rows[i % rows.length]!;
      out.reminders.push({ courseId: r.courseId, clinicId: r.clinicId, patientId: r.patientId, kind: `ceiling-${Math.floor(i / rows.length)}`, ruleId: 'RM-COLLECT', recipient: 'patient', dueOn: computedFor, sendOn: computedFor, messageKey: 'reminder.ceiling' });
    }
    return Promise.resolve(out);
  };
}

async function emptyTables(db: Kysely<Database>): Promise<void> {
  await sql`truncate reminder, course_schedule, nightly_run`.execute(db);
}

type Completed = NightlyResult & { kind: 'completed'; cpuNode: number; cpuDatabase: number };
let databaseName = '';

/** One night, with the CPU seconds it took in this process (all threads) and in its PostgreSQL backends. */
async function night(db: Kysely<Database>, date: string, how: ({ judge: Judge } | { workers: number }) & { full: boolean }, perBatch?: number[]): Promise<Completed> {
  const backendsBefore = sample(await backendPids(adminUrl, databaseName));
  const nodeBefore = process.cpuUsage();
  const result = await nightOnly(db, date, how, perBatch);
  const nodeUsed = process.cpuUsage(nodeBefore);
  const backendsAfter = sample([...new Set([...backendsBefore.keys(), ...(await backendPids(adminUrl, databaseName))])]);
  return { ...result, cpuNode: (nodeUsed.user + nodeUsed.system) / 1e6, cpuDatabase: used(backendsBefore, backendsAfter) };
}

async function nightOnly(db: Kysely<Database>, date: string, how: ({ judge: Judge } | { workers: number }) & { full: boolean }, perBatch?: number[]): Promise<NightlyResult & { kind: 'completed' }> {
  let previous = 0;
  const result = await runNightly(db, {
    date,
    clock: { now: () => new Date() },
    batchSize,
    ...how,
    afterBatch: perBatch === undefined ? undefined : async () => {
      const row = await db.selectFrom('nightly_run').select('reminders_created').where('status', '=', 'running').executeTakeFirst();
      const total = row?.reminders_created ?? 0;
      perBatch.push(total - previous);
      previous = total;
    },
  });
  if (result.kind !== 'completed') throw new Error('the nightly run was refused');
  return result;
}

let database: BenchDatabase | undefined;
try {
  const url = existingUrl !== '' ? existingUrl : (database = await createBenchDatabase(adminUrl, 'isocourse_nightly')).url;
  databaseName = new URL(url).pathname.slice(1);
  log(`database ${url.replace(/\/\/[^@]*@/, '//')}; ${cpus().length} cores; load average ${load()}`);
  const handle = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  try {
    const db = handle.db;
    const migrated = await migrateToLatest(db);
    if (!migrated.ok) throw new Error(`migration failed: ${String(migrated.error)}`);
    if (existingUrl === '') {
      const t0 = performance.now();
      // POPULATION: the synthetic population of `isocourse demo --courses N`, histories laid out before the first night
      let shown = 0;
      const summary = await generatePopulation(db, {
        courses,
        today: FIRST_NIGHT,
        ...(clinicCount > 0 ? { clinics: clinicCount } : {}),
        onProgress: ({ done, total }) => {
          if (done - shown >= total / 10 || done === total) {
            shown = done;
            log(`  populated ${fmt(done)}/${fmt(total)} courses`);
          }
        },
      });
      log(`populated in ${fmt((performance.now() - t0) / 1000, 1)} s (${fmt(summary.clinics)} clinics)`);
    }
    await emptyTables(db);
    await sql`analyze`.execute(db);
    const counts = await sql<{ status: string; n: string }>`select status, count(*)::text as n from course group by status order by status`.execute(db);
    const events = await sql<{ n: string }>`select count(*)::text as n from course_event`.execute(db);
    const total = counts.rows.reduce((s, r) => s + Number(r.n), 0);
    log(`courses: ${counts.rows.map((r) => `${r.status} ${fmt(Number(r.n))}`).join(', ')} (${fmt(total)} in all); events ${fmt(Number(events.rows[0]?.n ?? 0))}`);

    const rows: Array<readonly [string, string]> = [];
    const perBatch: number[] = [];
    // the judged set (NIGHTLY-SCOPE) on the nights measured: what a full night judges
    const scope = await sql<{ n: number }>`
      select count(*)::int as n from course c
       where c.status in ('qualifying', 'active', 'paused')
          or (c.status in ('completed', 'stopped') and c.updated_at >= ${new Date(Date.parse(`${FIRST_NIGHT}T00:00:00Z`) - CLOSED_HORIZON_DAYS * 86_400_000)}::timestamptz and c.stop_reason is distinct from 'pregnancy')`.execute(db);
    const inScope = scope.rows[0]?.n ?? 0;
    log(`judged set (NIGHTLY-SCOPE): ${fmt(inScope)} courses`);
    const line = (name: string, r: Completed, engineMs?: number): void => {
      const perCourse = (1000 * (r.cpuNode + r.cpuDatabase)) / Math.max(1, r.coursesJudged);
      const perScoped = (1000 * (r.cpuNode + r.cpuDatabase)) / Math.max(1, inScope);
      rows.push([
        name,
        `${fmt(r.seconds, 1)} s, ${fmt(r.coursesJudged)} judged (${fmt((100 * r.coursesJudged) / Math.max(1, inScope), 1)} % of the judged set), ${fmt(r.coursesJudged / r.seconds)} courses/s${engineMs === undefined ? '' : `, engine ${fmt(engineMs / 1000, 1)} s`}, ` +
          `reminders +${fmt(r.remindersCreated)} ~${fmt(r.remindersUpdated)} -${fmt(r.remindersRetired)}, problems ${fmt(r.problems)}; ` +
          `CPU node ${fmt(r.cpuNode, 1)} s + PostgreSQL ${fmt(r.cpuDatabase, 1)} s = ${fmt(perCourse, 3)} ms per judged course, ${fmt(perScoped, 3)} ms per course of the judged set ` +
          `(two idle cores: >= ${fmt((perScoped * 1_000_000) / 2000)} s per 1,000,000 courses in the judged set)`,
      ]);
      log(`  ${rows[rows.length - 1]?.join(': ') ?? ''}; load average ${load()}`);
    };
    let first: Completed | undefined;
    if (passes.includes('first')) {
      log(`first night (empty tables), ${workers} workers, load average ${load()}`);
      const r = await night(db, '2026-12-01', { workers, full: true }, perBatch);
      first = r;
      line(`first night, ${workers} workers`, r);
    }
    if (passes.includes('next')) {
      log(`next night, incremental, load average ${load()}`);
      line(`next night, incremental, ${workers} workers`, await night(db, '2026-12-02', { workers, full: false }));
    }
    if (passes.includes('again')) {
      log(`the same night again, incremental, load average ${load()}`);
      line(`same night again, incremental, ${workers} workers`, await night(db, '2026-12-02', { workers, full: false }));
    }
    if (passes.includes('week')) {
      // five more incremental nights: the steady state (rows valid for several days come due in turn)
      for (const day of ['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']) {
        log(`incremental night ${day}, load average ${load()}`);
        line(`incremental night ${day}, ${workers} workers`, await night(db, day, { workers, full: false }));
      }
    }
    if (passes.includes('full')) {
      log(`a full night (--full), load average ${load()}`);
      line(`full night, ${workers} workers`, await night(db, '2026-12-08', { workers, full: true }));
    }
    if (passes.includes('single')) {
      const single = timedJudge(engineJudge);
      log(`a full night in one thread, load average ${load()}`);
      line('full night, engine in the main thread', await night(db, '2026-12-09', { judge: single.judge, full: true }), single.ms());
    }
    if (passes.includes('ceiling')) {
      await emptyTables(db);
      log(`ceiling (no engine, same reads and writes, empty tables), load average ${load()}`);
      const ceiling = await night(db, '2026-12-01', { judge: ceilingJudge(perBatch), full: true });
      line('ceiling: no engine', ceiling);
      if (first !== undefined) rows.push(['first night / ceiling', `${fmt((100 * ceiling.seconds) / first.seconds, 1)} % of the ceiling's rate (${fmt(first.seconds / ceiling.seconds, 1)} x its time)`]);
    }
    rows.push(['load average after', load()]);
    report(`nightly recompute, ${fmt(total)} courses, batch ${batchSize}`, rows);
  } finally {
    await handle.close();
  }
} finally {
  if (database !== undefined && !flag('keep')) await database.drop();
}
