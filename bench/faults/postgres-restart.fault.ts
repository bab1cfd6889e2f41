// Fault test: PostgreSQL restarts during a write load. The service must recover without anyone
// touching it: /readyz back to 200, requests succeed again, no server process lost, during the
// outage 503 problems rather than 500s, and afterwards every acknowledged write present and
// nothing half written. The machine's shared PostgreSQL is never restarted: the test starts a
// private instance (initdb + pg_ctl in a temporary directory, as the postgres user when run as
// root) and restarts that one. Exit 0 on pass, 1 on fail.
// Run: npx tsx bench/faults/postgres-restart.fault.ts [--seconds 3]
import { Agent } from 'node:http';
import { openDatabase } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createBenchDatabase, type BenchDatabase } from '../support/bench-database.js';
import { numberOption } from '../support/args.js';
import { send } from '../support/load.js';
import { createPrivatePostgres, pgAvailable, type PrivatePostgres } from '../support/private-postgres.js';
import { freePort, sleep, startServe, stop, waitReady, type Child } from '../support/processes.js';
import { checkInvariants, seedFaultWorld, startWriteLoad, tallyStatuses, verdict } from './support.js';

const seconds = numberOption('seconds', 3);
if (!pgAvailable()) {
  console.error('PostgreSQL 15 binaries (initdb, pg_ctl) not found; set PG_BIN_DIR');
  process.exit(1);
}

const children: Child[] = [];
let server: PrivatePostgres | undefined;
let database: BenchDatabase | undefined;
let exitCode = 1;
try {
  server = await createPrivatePostgres();
  database = await createBenchDatabase(server.adminUrl, 'isocourse_fault_restart');
  const handle = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 4 });
  const world = await (async () => {
    try {
      await migrateToLatest(handle.db);
      return await seedFaultWorld(handle.db, { clinics: 2, issuable: 600, dispensable: 150 });
    } finally {
      await handle.close();
    }
  })();
  const env = { DATABASE_URL: database.url, RATE_LIMIT_PER_MINUTE: '10000000' };
  children.push(startServe('serve-1', await freePort(), env), startServe('serve-2', await freePort(), env));
  for (const c of children) await waitReady(c);
  const ports = children.map((c) => c.port);

  // readiness of both servers, every 200 ms, beside the load
  const readiness: Array<{ at: number; port: number; status: number }> = [];
  const agent = new Agent({ keepAlive: true });
  const state = { polling: true };
  const poller = (async () => {
    while (state.polling) {
      for (const port of ports) readiness.push({ at: performance.now(), port, status: (await send(agent, port, { method: 'GET', path: '/readyz', headers: {} })).status });
      await sleep(200);
    }
  })();
  const load = startWriteLoad(world, () => ports, 10);
  await sleep(seconds * 1000);
  const restartStarted = performance.now();
  await server.restart();
  const restartEnded = performance.now();
  await sleep(6000);
  await load.stop();
  state.polling = false;
  await poller;
  agent.destroy();

  const failures: string[] = [];
  const lost = children.filter((c) => c.hasExited());
  if (lost.length > 0) failures.push(`server processes exited: ${lost.map((c) => `${c.name}: ${c.output().slice(-1500)}`).join('\n')}`);
  const recoveryMs: Record<string, string> = {};
  for (const port of ports) {
    const firstReady = readiness.find((r) => r.port === port && r.at > restartEnded && r.status === 200);
    recoveryMs[String(port)] = firstReady === undefined ? 'never' : `${Math.round(firstReady.at - restartEnded)} ms after the restart ended`;
    if (firstReady === undefined) failures.push(`/readyz on port ${port} did not return to 200`);
    const succeeded = load.answers.filter((a) => a.port === port && a.at > restartEnded + 1000 && a.status === 201).length;
    if (succeeded === 0) failures.push(`no write succeeded on port ${port} after the restart`);
  }
  const during = load.answers.filter((a) => a.at >= restartStarted && a.at <= restartEnded + 3000);
  const internal = load.answers.filter((a) => a.status >= 500 && a.status !== 503);
  if (internal.length > 0) failures.push(`${internal.length} answers were ${[...new Set(internal.map((a) => `${a.status} ${a.code ?? ''}`))].join(', ')} instead of 503`);

  const check = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 2 });
  let result: Awaited<ReturnType<typeof checkInvariants>>;
  try {
    result = await checkInvariants(check.db, load.acknowledged);
  } finally {
    await check.close();
  }
  failures.push(...result.violations);
  exitCode = verdict('PostgreSQL restart (private instance, pg_ctl restart -m fast) during a write load on 2 servers', failures, {
    'restart took': `${Math.round(restartEnded - restartStarted)} ms`,
    '/readyz back to 200': recoveryMs,
    'answers from the restart to 3 s after it': tallyStatuses(during),
    'answers in all': tallyStatuses(load.answers),
    ...result.counts,
  });
} catch (error) {
  console.error(error);
  for (const c of children) console.error(`--- ${c.name}\n${c.output().slice(-3000)}`);
} finally {
  await Promise.all(children.map((c) => stop(c)));
  await database?.drop().catch(() => undefined);
  server?.destroy();
}
process.exit(exitCode);
