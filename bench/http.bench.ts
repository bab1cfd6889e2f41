// HTTP benchmark on PostgreSQL with two `isocourse serve` processes (issue 7):
//   (a) verify an authorization (POST /api/authorizations/verify, pharmacists: the read path);
//   (b) issue an authorization (POST /api/prescriptions/:id/authorizations, each on a distinct
//       prescription: the write path);
//   (c) the ceiling: two Fastify processes answering one primary-key select on the same database
//       with the same pool size (bench/ceiling-server.ts).
// It creates a fresh database on the admin URL, seeds it (bench/support/seed.ts), runs a closed
// loop load on loopback and drops the database at the end. Figures only: it never fails on numbers.
//
// Run: npx tsx bench/http.bench.ts [--seconds 10] [--warmup 3] [--connections 32] [--rounds 1]
//        [--clinics 50] [--prescriptions 30000] [--verify-set 2000] [--pool 10] [--only verify,issue,ceiling]
//        [--cpu-prof DIR] [--statements] [--compare DIR] [--keep]
// --compare DIR: also start two servers from another checkout DIR (same schema) and measure them
//   in the same rounds, alternating which goes first: a before/after comparison on a shared machine
// --statements: per-request statement counts from pg_stat_statements (when the server has it loaded)
// Env: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
import { cpus, loadavg } from 'node:os';
import { createBenchDatabase, DEFAULT_ADMIN_URL } from './support/bench-database.js';
import { flag, numberOption, option } from './support/args.js';
import { backendPids, sample, used, type CpuSample } from './support/cpu.js';
import { runLoad, type LoadOptions, type LoadRequest, type LoadResult } from './support/load.js';
import { resetStatements, statementCosts, statementsAvailable } from './support/statements.js';
import { freePort, startProcess, startServe, stop, waitReady, type Child } from './support/processes.js';
import { issueInProcess, seed, type IssuedAuthorization, type ReadyPrescription, type Seeded } from './support/seed.js';
import { fmt, report } from './lib.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';

const seconds = numberOption('seconds', 10);
const warmup = numberOption('warmup', 3);
const connections = numberOption('connections', 32);
const rounds = numberOption('rounds', 1);
const clinicCount = numberOption('clinics', 50);
const prescriptionCount = numberOption('prescriptions', 30_000);
const verifySetSize = numberOption('verify-set', 2000);
const poolSize = numberOption('pool', 10);
const only = option('only', 'ceiling,verify,issue').split(',');
const cpuProfDir = option('cpu-prof', '');
const compareRoot = option('compare', '');
const adminUrl = process.env.BENCH_ADMIN_URL ?? DEFAULT_ADMIN_URL;

const log = (line: string): void => {
  console.log(line);
};
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

const database = await createBenchDatabase(adminUrl, 'isocourse_bench');
const children: Child[] = [];
let exitCode = 0;
try {
  log(`database ${database.name}; ${cpus().length} cores; load average before seeding ${load()}`);
  const handle = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 10 });
  let verifySet: IssuedAuthorization[];
  let issueSet: ReadyPrescription[];
  let patientIds: string[];
  let sessions: Seeded;
  try {
    const migrated = await migrateToLatest(handle.db);
    if (!migrated.ok) throw new Error(`migration failed: ${String(migrated.error)}`);
    const t0 = performance.now();
    const seeded = (sessions = await seed(handle.db, { clinics: clinicCount, prescriptions: prescriptionCount + verifySetSize, pharmacists: 16, log }));
    log(`seeded ${seeded.ready.length} prescriptions in ${fmt((performance.now() - t0) / 1000, 1)} s`);
    const t1 = performance.now();
    verifySet = await issueInProcess(handle.db, seeded, seeded.ready.slice(0, verifySetSize));
    issueSet = seeded.ready.slice(verifySetSize);
    log(`issued ${verifySet.length} authorizations for the verify set in-process in ${fmt((performance.now() - t1) / 1000, 1)} s`);
    patientIds = (await handle.db.selectFrom('patient').select('id').limit(20_000).execute()).map((r) => r.id);
  } finally {
    await handle.close();
  }

  const serverEnv = { DATABASE_URL: database.url, DATABASE_POOL_SIZE: String(poolSize), RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'warn' };
  const nodeArgs = (name: string): string[] => (cpuProfDir === '' ? [] : ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, `--cpu-prof-name=${name}.cpuprofile`]);
  const withStatements = flag('statements') && (await statementsAvailable(adminUrl));
  if (flag('statements') && !withStatements) log('pg_stat_statements is not loaded on this server: no statement counts');
  const servers = [
    startServe('serve-1', await freePort(), serverEnv, nodeArgs('serve-1')),
    startServe('serve-2', await freePort(), serverEnv, nodeArgs('serve-2')),
  ];
  const ceilings = [
    startProcess('ceiling-1', await freePort(), ['--import', 'tsx', 'bench/ceiling-server.ts'], serverEnv),
    startProcess('ceiling-2', await freePort(), ['--import', 'tsx', 'bench/ceiling-server.ts'], serverEnv),
  ];
  const baseServers =
    compareRoot === ''
      ? []
      : [startServe('base-1', await freePort(), serverEnv, nodeArgs('base-1'), compareRoot), startServe('base-2', await freePort(), serverEnv, nodeArgs('base-2'), compareRoot)];
  children.push(...servers, ...ceilings, ...baseServers);
  for (const child of children) await waitReady(child);

  const json = (request: Omit<LoadRequest, 'method'>): LoadRequest => ({ method: 'POST', ...request });
  interface Measured extends LoadResult {
    readonly serverCpuMsPerOk: number;
    readonly databaseCpuMsPerOk: number;
    readonly clientCpuMsPerOk: number;
    readonly loadAverage: string;
  }
  const results: Record<string, Measured[]> = { ceiling: [], verify: [], issue: [], 'verify (--compare)': [], 'issue (--compare)': [] };
  /** One measured run, with the CPU that the server processes, their database backends and this client used. */
  const measure = async (name: string, processes: readonly Child[], options: Pick<LoadOptions, 'next' | 'onAnswer'>): Promise<void> => {
    let before: CpuSample = new Map();
    let clientBefore = process.cpuUsage();
    const pids = async (): Promise<number[]> => [...processes.map((p) => p.pid), ...(await backendPids(adminUrl, database.name))];
    const r = await runLoad({
      ports: processes.map((p) => p.port),
      connections,
      seconds,
      warmupSeconds: warmup,
      ...options,
      onMeasureStart: async () => {
        if (withStatements) await resetStatements(adminUrl);
        before = sample(await pids());
        clientBefore = process.cpuUsage();
      },
    });
    const client = process.cpuUsage(clientBefore);
    const after = sample(await pids());
    const serverPids = new Set(processes.map((p) => p.pid));
    const split = (s: CpuSample, server: boolean): CpuSample => new Map([...s].filter(([pid]) => serverPids.has(pid) === server));
    const ok = Math.max(1, r.okPerSecond * r.seconds);
    if (withStatements) {
      const costs = (await statementCosts(adminUrl, database.name, r.requests)).filter((c) => c.perRequest >= 0.05);
      const total = costs.reduce((sum, c) => sum + c.perRequest, 0);
      const serverMs = costs.reduce((sum, c) => sum + c.perRequest * (c.meanMs + c.meanPlanMs), 0);
      report(
        `${name}: ${fmt(total, 1)} statements per request, ${fmt(serverMs, 3)} ms of execution and planning in the database (pg_stat_statements)`,
        costs.map((c) => [`${fmt(c.perRequest, 2)} x (${fmt(c.meanMs, 3)} + plan ${fmt(c.meanPlanMs, 3)}) ms`, c.query.slice(0, 140)]),
      );
    }
    results[name]!.push({
      ...r,
      serverCpuMsPerOk: (used(split(before, true), split(after, true)) * 1000) / ok,
      databaseCpuMsPerOk: (used(split(before, false), split(after, false)) * 1000) / ok,
      clientCpuMsPerOk: ((client.user + client.system) / 1000) / ok,
      loadAverage: load(),
    });
  };
  let issueCursor = 0;
  const acknowledged: string[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    if (only.includes('ceiling')) {
      let i = 0;
      await measure('ceiling', ceilings, { next: () => json({ path: '/ceiling', headers: {}, body: JSON.stringify({ id: patientIds[(i += 1) % patientIds.length] }) }) });
    }
    // with --compare, the two builds take turns going first, so drift in the machine's load hits both
    const pairs: Array<[string, Child[]]> = [['', servers]];
    if (baseServers.length > 0) pairs[round % 2 === 0 ? 'push' : 'unshift'](['(--compare)', baseServers]);
    if (only.includes('verify')) {
      for (const [suffix, group] of pairs) {
        let i = 0;
        await measure(suffix === '' ? 'verify' : `verify ${suffix}`, group, {
          next: (connection) => {
            const a = verifySet[(i += 1) % verifySet.length]!;
            const s = sessions.pharmacists[connection % sessions.pharmacists.length]!;
            return json({ path: '/api/authorizations/verify', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, body: JSON.stringify({ number: a.number, birthDate: a.birthDate }) });
          },
        });
      }
    }
    if (only.includes('issue')) {
      for (const [suffix, group] of pairs) {
        await measure(suffix === '' ? 'issue' : `issue ${suffix}`, group, {
          next: () => {
            const p = issueSet[issueCursor];
            if (p === undefined) return undefined;
            issueCursor += 1;
            const s = sessions.clinics[p.clinic]!.prescriber;
            return { method: 'POST', path: `/api/prescriptions/${p.prescriptionId}/authorizations`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } };
          },
          onAnswer: (_request, answer) => {
            if (answer.status === 201) acknowledged.push(answer.body);
          },
        });
      }
    }
  }

  const median = (list: readonly Measured[], pick: (r: Measured) => number): number => {
    const values = list.map(pick).sort((a, b) => a - b);
    return values[Math.floor((values.length - 1) / 2)] ?? Number.NaN;
  };
  const ceilingRate = median(results.ceiling!, (r) => r.okPerSecond);
  const rows: Array<readonly [string, string]> = [];
  for (const [name, list] of Object.entries(results)) {
    if (list.length === 0) continue;
    for (const [n, r] of list.entries()) {
      rows.push([
        `${name} round ${n + 1}`,
        `${fmt(r.okPerSecond)} ok/s, p50 ${fmt(r.p50Ms, 2)} ms, p99 ${fmt(r.p99Ms, 2)} ms, max ${fmt(r.maxMs, 1)} ms; CPU ms per ok request: servers ${fmt(r.serverCpuMsPerOk, 2)}, database ${fmt(r.databaseCpuMsPerOk, 2)}, load generator ${fmt(r.clientCpuMsPerOk, 2)}; statuses ${JSON.stringify(r.statuses)}${r.ranDry ? ', ran out of prescriptions' : ''}; load average ${r.loadAverage}`,
      ]);
    }
  }
  report(`HTTP on PostgreSQL, 2 server processes, pool ${poolSize} each, ${connections} connections, ${seconds} s measured after ${warmup} s warm-up`, rows);
  const verifyRate = median(results.verify!, (r) => r.okPerSecond);
  const issueRate = median(results.issue!, (r) => r.okPerSecond);
  report('summary (medians over rounds)', [
    ['ceiling: one primary-key select through Fastify', `${fmt(ceilingRate)} /s`],
    ['verify an authorization', `${fmt(verifyRate)} /s = ${fmt((verifyRate / ceilingRate) * 100, 1)} % of the ceiling (target >= 50 %)`],
    ['issue an authorization', `${fmt(issueRate)} /s = ${fmt((issueRate / ceilingRate) * 100, 1)} % of the ceiling (target >= 1,000 /s)`],
    ['acknowledged authorizations (201)', fmt(acknowledged.length)],
  ]);
  if (baseServers.length > 0) {
    const pick = (name: string, f: (r: Measured) => number): string => fmt(median(results[name]!, f), 2);
    report(`--compare ${compareRoot}: this checkout vs the other (medians)`, [
      ['verify ok/s', `${pick('verify', (r) => r.okPerSecond)} vs ${pick('verify (--compare)', (r) => r.okPerSecond)}`],
      ['verify server CPU ms per request', `${pick('verify', (r) => r.serverCpuMsPerOk)} vs ${pick('verify (--compare)', (r) => r.serverCpuMsPerOk)}`],
      ['verify database CPU ms per request', `${pick('verify', (r) => r.databaseCpuMsPerOk)} vs ${pick('verify (--compare)', (r) => r.databaseCpuMsPerOk)}`],
      ['issue ok/s', `${pick('issue', (r) => r.okPerSecond)} vs ${pick('issue (--compare)', (r) => r.okPerSecond)}`],
      ['issue server CPU ms per request', `${pick('issue', (r) => r.serverCpuMsPerOk)} vs ${pick('issue (--compare)', (r) => r.serverCpuMsPerOk)}`],
      ['issue database CPU ms per request', `${pick('issue', (r) => r.databaseCpuMsPerOk)} vs ${pick('issue (--compare)', (r) => r.databaseCpuMsPerOk)}`],
    ]);
  }
  if (flag('json')) console.log(JSON.stringify({ date: new Date().toISOString(), cores: cpus().length, connections, seconds, poolSize, results }));
} catch (error) {
  console.error(error);
  for (const child of children) console.error(`--- ${child.name}\n${child.output().slice(-4000)}`);
  exitCode = 1;
} finally {
  await Promise.all(children.map((c) => stop(c)));
  if (flag('keep')) log(`kept database ${database.url}`);
  else await database.drop();
}
process.exit(exitCode);
