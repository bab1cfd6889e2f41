// Start-up time and memory on the embedded database (issue 7): from process start to the first
// `/readyz` 200, and the resident set size right after, on a new data directory (created and
// migrated) and on an existing one (the demo clinic's data, reopened). Several runs, medians.
// The floor beside it: `isocourse --version` (Node, the TypeScript loader and the CLI, no server).
// Run: npx tsx bench/startup.bench.ts [--runs 5]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { numberOption } from './support/args.js';
import { BIN, freePort, ROOT, rssBytes, startServe, stop, waitReady } from './support/processes.js';
import { fmt, report } from './lib.js';

const runs = numberOption('runs', 5);
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'isocourse-startup-'));
  dirs.push(dir);
  return dir;
};

interface Start {
  readonly ms: number;
  readonly rss: number;
}

async function startOnce(dataDir: string): Promise<Start> {
  const server = startServe('serve', await freePort(), { DATA_DIR: dataDir });
  try {
    const ms = await waitReady(server, 120_000);
    return { ms, rss: await rssBytes(server.pid) };
  } finally {
    await stop(server);
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const line = (list: readonly Start[]): string =>
  `median ${fmt(median(list.map((s) => s.ms)))} ms (min ${fmt(Math.min(...list.map((s) => s.ms)))}, max ${fmt(Math.max(...list.map((s) => s.ms)))}), RSS median ${fmt(median(list.map((s) => s.rss)) / 2 ** 20, 1)} MiB`;

try {
  console.log(`${cpus().length} cores; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const floor: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    spawnSync(process.execPath, [BIN, '--version'], { cwd: ROOT });
    floor.push(performance.now() - t0);
  }
  const fresh: Start[] = [];
  for (let i = 0; i < runs; i += 1) fresh.push(await startOnce(tempDir()));
  // an existing directory with data: the demo clinic, written once, then reopened each run
  const existingDir = tempDir();
  const demo = spawnSync(process.execPath, [BIN, 'demo'], { cwd: ROOT, env: { ...process.env, DATA_DIR: existingDir, LOG_LEVEL: 'warn' }, encoding: 'utf8' });
  const withData = demo.status === 0;
  if (!withData) {
    console.log(`(isocourse demo failed, exit ${String(demo.status)}: the existing directory is only migrated)\n${demo.stderr.slice(-500)}`);
    await startOnce(existingDir);
  }
  const existing: Start[] = [];
  for (let i = 0; i < runs; i += 1) existing.push(await startOnce(existingDir));
  report(`start-up on the embedded database, ${runs} runs each, load average after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`, [
    ['floor: isocourse --version', `median ${fmt(median(floor))} ms`],
    ['new data directory (create + migrate) to /readyz 200', line(fresh)],
    [`existing data directory (${withData ? 'demo clinic' : 'migrated'}) to /readyz 200`, `${line(existing)} (target < 2,000 ms)`],
    ['ratio to the floor (medians)', `new ${fmt(median(fresh.map((s) => s.ms)) / median(floor), 1)} x, existing ${fmt(median(existing.map((s) => s.ms)) / median(floor), 1)} x`],
  ]);
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
