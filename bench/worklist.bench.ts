// Clinic worklist latency with 100,000 and 1,000,000 courses in the database (issue 7).
//
// Creates a dedicated database on BENCH_ADMIN_URL (default the local server), fills it with the
// synthetic population (`isocourse demo --courses`, src/cli/demo/population), starts one
// `isocourse serve` process and the ceiling server (bench/ceiling-server.ts: the same framework
// answering one primary-key select), and measures, through HTTP on loopback, one request at a
// time (what one user feels), after the nightly recompute of that day: the first page, a later page (keyset cursor) and the filtered pages
// of a typical (median-sized) and the largest clinic. Then it appends courses up to the next size
// and measures again. Prints p50/p95/p99 and the ratio of each p50 to the ceiling's p50.
//
// Run: npx tsx bench/worklist.bench.ts [--sizes 100000,1000000] [--requests 60] [--warmup 5] [--seed 1] [--keep]
//      [--database URL] (a database populated before, e.g. kept by --keep: grown to the sizes given, never dropped)
//      [--no-nightly] (measure without the night's schedule: the filters judge every candidate)
//      [--nightly-workers 2] (worker threads of the nightly recompute run before measuring, as `isocourse nightly`)
import { Agent } from 'node:http';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { hashToken } from '../src/app/auth/sessions.js';
import { runNightly } from '../src/app/nightly/run-nightly.js';
import { cryptoTokens, systemClock } from '../src/app/ports.js';
import { generatePopulation } from '../src/cli/demo/population/generate.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { insertSession } from '../src/db/session.repository.js';
import { fmt, percentile } from './lib.js';
import { flag, numberOption, option } from './support/args.js';
import { createBenchDatabase, DEFAULT_ADMIN_URL } from './support/bench-database.js';
import { send, type LoadRequest } from './support/load.js';
import { backendPids, sample, used } from './support/cpu.js';
import { freePort, startProcess, startServe, stop, waitReady, type Child } from './support/processes.js';

const adminUrl = process.env.BENCH_ADMIN_URL ?? DEFAULT_ADMIN_URL;
const sizes = option('sizes', '100000,1000000').split(',').map(Number);
const requests = numberOption('requests', 60);
const warmup = numberOption('warmup', 5);
const seed = numberOption('seed', 1);
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

interface Stats {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly statuses: string;
  readonly rows: number;
  /** CPU per measured request of the server process and of its database backends (10 ms ticks: an average). */
  readonly serverCpuMs: number;
  readonly databaseCpuMs: number;
}

/** `requests` requests one after another (after `warmup` unmeasured ones). */
async function timed(agent: Agent, server: Child, databaseName: string, request: () => LoadRequest): Promise<Stats> {
  const port = server.port;
  const ms: number[] = [];
  let before = { server: sample([server.pid]), database: sample([]) };
  const statuses = new Map<number, number>();
  let rows = 0;
  for (let i = 0; i < warmup + requests; i += 1) {
    if (i === warmup) before = { server: sample([server.pid]), database: sample(await backendPids(adminUrl, databaseName)) };
    const answer = await send(agent, port, request());
    if (i < warmup) continue;
    ms.push(answer.ms);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    if (answer.status === 200 && answer.body.startsWith('{"')) {
      const body = JSON.parse(answer.body) as { items?: unknown[] };
      rows += body.items?.length ?? 0;
    }
  }
  const serverCpuMs = (used(before.server, sample([server.pid])) * 1000) / requests;
  const databaseCpuMs = (used(before.database, sample(await backendPids(adminUrl, databaseName))) * 1000) / requests;
  ms.sort((a, b) => a - b);
  return { serverCpuMs, databaseCpuMs, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), statuses: [...statuses].map(([s, n]) => `${s}x${n}`).join(' '), rows: rows / requests };
}

const children: Child[] = [];
const existingUrl = option('database', '');
const nightlyWorkers = numberOption('nightly-workers', 2);
const database =
  existingUrl === '' ? await createBenchDatabase(adminUrl, 'isocourse_worklist_bench') : { name: new URL(existingUrl).pathname.slice(1), url: existingUrl, drop: () => Promise.resolve() };
const handle = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 4 });
try {
  await migrateToLatest(handle.db);
  let total = existingUrl === '' ? 0 : Number((await handle.db.selectFrom('course').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  for (const size of sizes.filter((n) => n >= total)) {
    const started = performance.now();
    let lastLog = 0;
    if (size > total) {
      const summary = await generatePopulation(handle.db, {
        courses: size - total,
        seed,
        append: total > 0,
        onProgress: ({ done, total: all }) => {
          if (performance.now() - lastLog > 10_000 || done === all) {
            lastLog = performance.now();
            log(`  generated ${fmt(done)}/${fmt(all)} courses (${fmt(done / ((performance.now() - started) / 1000))}/s, load ${loadavg()[0]?.toFixed(1) ?? '?'})`);
          }
        },
      });
      total = size;
      log(`population of ${fmt(size)} courses ready: +${fmt(summary.courses)} courses in ${fmt(summary.seconds, 1)} s = ${fmt(summary.courses / summary.seconds)} courses/s (${fmt(summary.rows.course_event)} events)`);
    }

    // the night's schedule, which the engine-derived filters use to rule courses out (WL-PREFILTER)
    if (flag('no-nightly')) log('no nightly recompute: the engine-derived filters judge every candidate (no WL-PREFILTER)');
    else {
      // as `isocourse nightly` runs it (two worker threads), with the CPU it used: this process and the database's backends
      const cpuBefore = { node: sample([process.pid]), database: sample(await backendPids(adminUrl, database.name)) };
      const night = await runNightly(handle.db, { clock: systemClock, workers: nightlyWorkers });
      const cpuNode = used(cpuBefore.node, sample([process.pid]));
      const cpuDatabase = used(cpuBefore.database, sample(await backendPids(adminUrl, database.name)));
      log(
        night.kind === 'completed'
          ? `nightly recompute before measuring (${nightlyWorkers} workers): ${fmt(night.seconds, 1)} s, ${fmt(night.coursesJudged)} courses judged (${fmt(night.problems)} could not be), ` +
              `reminders +${fmt(night.remindersCreated)} ~${fmt(night.remindersUpdated)} -${fmt(night.remindersRetired)}; CPU node ${fmt(cpuNode, 1)} s + PostgreSQL ${fmt(cpuDatabase, 1)} s = ` +
              `${fmt((1000 * (cpuNode + cpuDatabase)) / Math.max(1, night.coursesJudged), 3)} ms per course; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`
          : `nightly recompute before measuring: ${night.reason}`,
      );
    }

    // a typical (median) and the largest clinic by open courses
    const clinics = await handle.db
      .selectFrom('course')
      .select(['clinic_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('status', 'in', ['qualifying', 'active', 'paused'])
      .groupBy('clinic_id')
      .orderBy('n')
      .execute();
    const pick = { typical: clinics[Math.floor(clinics.length / 2)], largest: clinics[clinics.length - 1] };
    const now = new Date();
    const sessionFor = async (clinicId: string): Promise<Record<string, string>> => {
      const user = await handle.db.selectFrom('app_user').select('id').where('clinic_id', '=', clinicId).where('role', '=', 'prescriber').orderBy('id').executeTakeFirstOrThrow();
      const token = cryptoTokens.token();
      await insertSession(handle.db, { tokenHash: hashToken(token), userId: user.id, csrfToken: cryptoTokens.token(), createdAt: now, expiresAt: new Date(now.getTime() + 3 * 3_600_000), lastSeenAt: now });
      return { cookie: `isocourse_session=${token}` };
    };
    const patientIds = (await handle.db.selectFrom('patient').select('id').limit(1000).execute()).map((r) => r.id);

    const env = { DATABASE_URL: database.url, DATABASE_POOL_SIZE: '10', RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'warn' };
    const server = startServe('serve', await freePort(), env);
    const ceiling = startProcess('ceiling', await freePort(), ['--import', 'tsx', 'bench/ceiling-server.ts'], env);
    children.push(server, ceiling);
    await waitReady(server);
    await waitReady(ceiling);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    let n = 0;
    const ceilingStats = await timed(agent, ceiling, database.name, () => ({ method: 'POST', path: '/ceiling', headers: {}, body: JSON.stringify({ id: patientIds[(n += 1) % patientIds.length] }) }));
    console.log(`\nclinic worklist with ${fmt(total)} courses (HTTP, one request at a time, ${requests} measured after ${warmup}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`  ceiling (Fastify, one primary-key select): p50 ${fmt(ceilingStats.p50, 2)} ms, p95 ${fmt(ceilingStats.p95, 2)} ms, p99 ${fmt(ceilingStats.p99, 2)} ms, CPU ${fmt(ceilingStats.serverCpuMs, 2)} + ${fmt(ceilingStats.databaseCpuMs, 2)} ms`);
    console.log('  clinic (open courses) | request | p50 ms | p95 ms | p99 ms | rows/page | p50 / ceiling p50 | CPU ms: server + database | statuses');
    for (const [label, clinic] of Object.entries(pick)) {
      if (clinic === undefined) continue;
      const headers = await sessionFor(clinic.clinic_id);
      const base = `/api/clinics/${clinic.clinic_id}/worklist`;
      // the cursor of page 10 (a later page: the keyset condition, not an offset)
      let cursor: string | undefined;
      for (let page = 0; page < 9; page += 1) {
        const answer = await send(agent, server.port, { method: 'GET', path: `${base}?limit=50${cursor === undefined ? '' : `&cursor=${cursor}`}`, headers });
        const body = JSON.parse(answer.body) as { nextCursor?: string | null };
        if (body.nextCursor === undefined || body.nextCursor === null) break;
        cursor = body.nextCursor;
      }
      const scenarios: Array<[string, string]> = [
        ['first page', `${base}?limit=50`],
        ['page 10 (cursor)', `${base}?limit=50${cursor === undefined ? '' : `&cursor=${cursor}`}`],
        ['filter=blocked', `${base}?limit=50&filter=blocked`],
        ['filter=due', `${base}?limit=50&filter=due`],
        ['filter=overdue', `${base}?limit=50&filter=overdue`],
        ['filter=flagged', `${base}?limit=50&filter=flagged`],
        ['status=qualifying', `${base}?limit=50&status=qualifying`],
      ];
      for (const [name, path] of scenarios) {
        const s = await timed(agent, server, database.name, () => ({ method: 'GET', path, headers }));
        console.log(`  ${label} (${fmt(Number(clinic.n))}) | ${name} | ${fmt(s.p50, 1)} | ${fmt(s.p95, 1)} | ${fmt(s.p99, 1)} | ${fmt(s.rows, 1)} | ${fmt(s.p50 / ceilingStats.p50, 1)}x | ${fmt(s.serverCpuMs, 1)} + ${fmt(s.databaseCpuMs, 1)} | ${s.statuses}`);
      }
    }
    agent.destroy();
    await stop(server);
    await stop(ceiling);
    children.length = 0;
  }
} finally {
  for (const child of children) await stop(child);
  await handle.close();
  if (flag('keep')) log(`kept ${database.url}`);
  else await database.drop();
}
