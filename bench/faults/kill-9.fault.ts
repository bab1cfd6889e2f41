// Fault test: kill -9 of a server process during a write load (issue authorizations, record
// programme events, dispense), on PostgreSQL (two servers, one killed, then restarted) or on the
// embedded database (one server, killed, then restarted on the same data directory). Afterwards
// every acknowledged (201) write must be present and nothing half written (support.ts). Exit 0 on
// pass, 1 on fail.
// Run: npx tsx bench/faults/kill-9.fault.ts [--engine postgres|embedded] [--seconds 4]
// Env: BENCH_ADMIN_URL (PostgreSQL admin URL, default postgres://postgres@127.0.0.1:5432/postgres).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createBenchDatabase, DEFAULT_ADMIN_URL, type BenchDatabase } from '../support/bench-database.js';
import { numberOption, option } from '../support/args.js';
import { freePort, kill9, sleep, startServe, stop, waitReady, type Child } from '../support/processes.js';
import { checkInvariants, seedFaultWorld, startWriteLoad, tallyStatuses, verdict, type FaultWorld } from './support.js';

const engine = option('engine', 'postgres');
const seconds = numberOption('seconds', 4);
if (engine !== 'postgres' && engine !== 'embedded') throw new Error('--engine must be postgres or embedded');

const children: Child[] = [];
let database: BenchDatabase | undefined;
let dataDir: string | undefined;
let exitCode = 1;
try {
  // 1. a seeded database
  let env: Record<string, string>;
  let world: FaultWorld;
  const sizes = { clinics: 4, issuable: 1500, dispensable: 300 };
  if (engine === 'postgres') {
    database = await createBenchDatabase(process.env.BENCH_ADMIN_URL ?? DEFAULT_ADMIN_URL, 'isocourse_fault');
    const handle = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 4 });
    try {
      await migrateToLatest(handle.db);
      world = await seedFaultWorld(handle.db, sizes);
    } finally {
      await handle.close();
    }
    env = { DATABASE_URL: database.url, RATE_LIMIT_PER_MINUTE: '10000000' };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'isocourse-fault-'));
    const handle = await openDatabase({ kind: 'embedded', dataDir });
    try {
      await migrateToLatest(handle.db);
      world = await seedFaultWorld(handle.db, { clinics: 2, issuable: 400, dispensable: 100 });
    } finally {
      await handle.close();
    }
    env = { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '10000000' };
  }

  // 2. servers under a write load; one is killed with SIGKILL mid-load, then restarted
  const victimPort = await freePort();
  const victim = startServe('victim', victimPort, env);
  children.push(victim);
  const survivors: Child[] = [];
  if (engine === 'postgres') survivors.push(startServe('survivor', await freePort(), env));
  children.push(...survivors);
  for (const c of children) await waitReady(c);
  let live: number[] = [victimPort, ...survivors.map((s) => s.port)];
  const load = startWriteLoad(world, () => live, 12);
  await sleep(seconds * 1000);
  const beforeKill = load.answers.length;
  await kill9(victim);
  const killedAt = performance.now();
  if (engine === 'postgres') live = survivors.map((s) => s.port);
  await sleep(1500);
  const restarted = startServe('restarted', victimPort, env);
  children.push(restarted);
  const restartMs = await waitReady(restarted);
  live = [victimPort, ...survivors.map((s) => s.port)];
  await sleep(2000);
  await load.stop();
  await Promise.all(children.map((c) => stop(c)));

  // 3. the checks, on the database itself
  let handle: DatabaseHandle;
  if (engine === 'postgres') handle = await openDatabase({ kind: 'postgres', url: database!.url, poolSize: 2 });
  else handle = await openDatabase({ kind: 'embedded', dataDir: dataDir! });
  let result: Awaited<ReturnType<typeof checkInvariants>>;
  try {
    result = await checkInvariants(handle.db, load.acknowledged);
  } finally {
    await handle.close();
  }
  const afterRestart = load.answers.filter((a) => a.at > killedAt + 1500 && a.port === victimPort && a.status === 201).length;
  const failures = [...result.violations];
  if (load.acknowledged.issued.length === 0 || load.acknowledged.dispenses.length === 0 || load.acknowledged.events.length === 0) failures.push('the load acknowledged too few writes to judge');
  if (afterRestart === 0) failures.push('the restarted server acknowledged no write');
  exitCode = verdict(`kill -9 during a write load on ${engine === 'postgres' ? 'PostgreSQL (2 servers, one killed)' : 'the embedded database (the only server killed)'}`, failures, {
    'answers before the kill': beforeKill,
    'answers in all': load.answers.length,
    statuses: tallyStatuses(load.answers),
    'restart to /readyz 200': `${Math.round(restartMs)} ms`,
    'writes acknowledged by the restarted server': afterRestart,
    ...result.counts,
  });
} catch (error) {
  console.error(error);
  for (const c of children) console.error(`--- ${c.name}\n${c.output().slice(-3000)}`);
} finally {
  await Promise.all(children.map((c) => stop(c)));
  await database?.drop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
