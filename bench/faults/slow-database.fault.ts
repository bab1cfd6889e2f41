// Fault test: a slow PostgreSQL. Requests must time out cleanly (503 problem `timeout`, answered
// by the deadline, nothing half written) instead of piling up, and the service must recover by
// itself. Two kinds of slowness:
//   1. a lock another transaction holds (every audited write waits on it): the statement timeout
//      (DATABASE_STATEMENT_TIMEOUT_MS) cancels the statement, its transaction writes nothing;
//   2. a database that answers late (a delaying proxy between server and database): the request
//      timeout (REQUEST_TIMEOUT_MS) answers the client at the deadline.
// The embedded database is not tested: PGlite runs inside the server process and cannot cancel a
// statement (a slow statement blocks the process; see docs/benchmarks.md).
// Run: npx tsx bench/faults/slow-database.fault.ts    Exit 0 on pass, 1 on fail.
// Env: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
import { Agent } from 'node:http';
import pg from 'pg';
import { openDatabase } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createBenchDatabase, DEFAULT_ADMIN_URL } from '../support/bench-database.js';
import { startDelayProxy } from '../support/delay-proxy.js';
import { send, type Answer, type LoadRequest } from '../support/load.js';
import { freePort, sleep, startServe, stop, waitReady, type Child } from '../support/processes.js';
import { seedFaultWorld, verdict, type FaultWorld } from './support.js';

const STATEMENT_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 2500;
const POOL_SIZE = 4;
const MARGIN_MS = 1500;

const adminUrl = process.env.BENCH_ADMIN_URL ?? DEFAULT_ADMIN_URL;
const database = await createBenchDatabase(adminUrl, 'isocourse_fault_slow');
const children: Child[] = [];
const proxy = await startDelayProxy(new URL(adminUrl).hostname, Number(new URL(adminUrl).port || '5432'));
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
let exitCode = 1;
let locker: pg.Client | undefined;

function problemCode(answer: Answer): string {
  try {
    return (JSON.parse(answer.body) as { code?: string }).code ?? '';
  } catch {
    return '';
  }
}

try {
  const handle = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 4 });
  let world: FaultWorld;
  try {
    await migrateToLatest(handle.db);
    world = await seedFaultWorld(handle.db, { clinics: 2, issuable: 200, dispensable: 60 });
  } finally {
    await handle.close();
  }
  const viaProxy = new URL(database.url);
  viaProxy.port = String(proxy.port);
  const server = startServe('serve', await freePort(), {
    DATABASE_URL: viaProxy.toString(),
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    RATE_LIMIT_PER_MINUTE: '10000000',
  });
  children.push(server);
  await waitReady(server);

  let issueCursor = 0;
  let verifyCursor = 0;
  const issue = (): { request: LoadRequest; prescriptionId: string } => {
    const p = world.issuable[issueCursor++]!;
    const s = world.seeded.clinics[p.clinic]!.prescriber;
    return { prescriptionId: p.prescriptionId, request: { method: 'POST', path: `/api/prescriptions/${p.prescriptionId}/authorizations`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } } };
  };
  const verify = (): LoadRequest => {
    const a = world.dispensable[verifyCursor++ % world.dispensable.length]!;
    const s = world.seeded.pharmacists[verifyCursor % world.seeded.pharmacists.length]!;
    return { method: 'POST', path: '/api/authorizations/verify', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, body: JSON.stringify({ number: a.number, birthDate: a.birthDate }) };
  };
  const burst = (requests: readonly LoadRequest[]): Promise<Answer[]> => Promise.all(requests.map((r) => send(agent, server.port, r)));
  const backends = async (): Promise<number> => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      const { rows } = await c.query<{ n: string }>("select count(*) as n from pg_stat_activity where datname = $1 and application_name <> 'isocourse-fault-locker' and pid <> pg_backend_pid()", [database.name]);
      return Number(rows[0]?.n ?? 0);
    } finally {
      await c.end();
    }
  };
  const failures: string[] = [];
  const facts: Record<string, unknown> = {};
  const expectAll = (phase: string, answers: readonly Answer[], ok: (a: Answer) => boolean, what: string): void => {
    const bad = answers.filter((a) => !ok(a));
    if (bad.length > 0) failures.push(`${phase}: ${bad.length} of ${answers.length} answers were not ${what} (e.g. ${bad[0]?.status} ${problemCode(bad[0]!)})`);
  };
  const summary = (answers: readonly Answer[]): string => {
    const byStatus: Record<string, number> = {};
    for (const a of answers) byStatus[`${a.status} ${problemCode(a)}`.trim()] = (byStatus[`${a.status} ${problemCode(a)}`.trim()] ?? 0) + 1;
    return `${JSON.stringify(byStatus)}, slowest ${Math.round(Math.max(...answers.map((a) => a.ms)))} ms`;
  };
  const success = (a: Answer): boolean => a.status >= 200 && a.status < 300;
  const timedOut = (a: Answer): boolean => a.status === 503 && problemCode(a) === 'timeout' && a.ms <= REQUEST_TIMEOUT_MS + MARGIN_MS;
  // a new pooled connection that cannot be opened in time is "not ready", a slow answer "timeout"
  const unavailable = (a: Answer): boolean => a.status === 503 && ['timeout', 'not_ready'].includes(problemCode(a)) && a.ms <= REQUEST_TIMEOUT_MS + MARGIN_MS;

  // A. a healthy database
  const before = await burst([...Array.from({ length: 5 }, () => issue().request), ...Array.from({ length: 5 }, verify)]);
  facts['A healthy'] = summary(before);
  expectAll('A healthy', before, success, '2xx');

  // B. a lock held by another transaction on the audit chain heads: every audited write waits
  locker = new pg.Client({ connectionString: database.url, application_name: 'isocourse-fault-locker' });
  await locker.connect();
  await locker.query('begin');
  await locker.query('lock table audit_head in access exclusive mode');
  const blockedIssues = Array.from({ length: 20 }, issue);
  const pending = burst([...blockedIssues.map((b) => b.request), ...Array.from({ length: 20 }, verify)]);
  await sleep(300);
  const health = await send(agent, server.port, { method: 'GET', path: '/healthz', headers: {} });
  const peak = await backends();
  const locked = await pending;
  facts['B lock held: 40 requests at once'] = summary(locked);
  facts['B /healthz meanwhile'] = `${health.status} in ${Math.round(health.ms)} ms`;
  facts['B database connections of the server'] = `${peak} (pool ${POOL_SIZE})`;
  expectAll('B lock held', locked, timedOut, `503 timeout within ${REQUEST_TIMEOUT_MS + MARGIN_MS} ms`);
  if (health.status !== 200 || health.ms > 1000) failures.push(`B: /healthz answered ${health.status} in ${Math.round(health.ms)} ms while the database was slow`);
  if (peak > POOL_SIZE) failures.push(`B: ${peak} database connections, more than the pool of ${POOL_SIZE}`);
  await locker.query('rollback');
  await locker.end();
  locker = undefined;
  const written = await (async () => {
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    try {
      const { rows } = await c.query<{ n: string }>('select count(*) as n from "authorization" where prescription_id = any($1::uuid[])', [blockedIssues.map((b) => b.prescriptionId)]);
      return Number(rows[0]?.n ?? 0);
    } finally {
      await c.end();
    }
  })();
  facts['B authorizations written by the timed-out issues'] = written;
  if (written > 0) failures.push(`B: ${written} timed-out issue requests wrote an authorization`);

  // C. the lock is gone: the same kinds of requests succeed at once
  const afterLock = await burst([...Array.from({ length: 5 }, () => issue().request), ...Array.from({ length: 5 }, verify)]);
  facts['C lock released'] = summary(afterLock);
  expectAll('C lock released', afterLock, success, '2xx');

  // D. a database that answers 4 s late (delaying proxy): the request timeout answers
  proxy.setDelay(4000);
  const late = await burst(Array.from({ length: 12 }, verify));
  facts['D answers 4 s late: 12 verifies'] = summary(late);
  expectAll('D slow answers', late, unavailable, `503 timeout or not_ready within ${REQUEST_TIMEOUT_MS + MARGIN_MS} ms`);
  proxy.setDelay(0);

  // E. back to normal: requests succeed again without anyone restarting anything
  const deadline = performance.now() + 20_000;
  let recovered: Answer[] = [];
  while (performance.now() < deadline) {
    recovered = await burst(Array.from({ length: 6 }, verify));
    if (recovered.every(success)) break;
    await sleep(500);
  }
  facts['E recovered'] = summary(recovered);
  expectAll('E recovered', recovered, success, '2xx');
  if (server.hasExited()) failures.push('the server process exited');

  exitCode = verdict(`slow PostgreSQL: statement timeout ${STATEMENT_TIMEOUT_MS} ms, request timeout ${REQUEST_TIMEOUT_MS} ms, pool ${POOL_SIZE}`, failures, facts);
} catch (error) {
  console.error(error);
  for (const c of children) console.error(`--- ${c.name}\n${c.output().slice(-3000)}`);
} finally {
  if (locker !== undefined) await locker.end().catch(() => undefined);
  await Promise.all(children.map((c) => stop(c)));
  agent.destroy();
  await proxy.close();
  await database.drop();
}
process.exit(exitCode);
