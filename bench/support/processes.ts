// Child processes for benchmarks and fault tests: `isocourse serve` and the ceiling server,
// started as an operator would, on loopback ports, with their output kept for failure reports.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'isocourse.mjs');

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly pid: number;
  readonly port: number;
  output(): string;
  readonly exited: Promise<number | null>;
  /** True once the process has exited (killed or crashed). */
  hasExited(): boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

/** Environment for a child: ours without database variables, plus `env`. */
function childEnv(env: Readonly<Record<string, string>>): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST'].includes(k)) clean[k] = v;
  }
  return { ...clean, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env };
}

export function startProcess(name: string, port: number, args: readonly string[], env: Readonly<Record<string, string>>, nodeArgs: readonly string[] = [], cwd = ROOT): Child {
  const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd, env: childEnv({ PORT: String(port), ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer): void => {
    output += d.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  const exitedPromise = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exited = true;
      resolve(code);
    });
  });
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  return { name, process: child, pid: child.pid, port, output: () => output, exited: exitedPromise, hasExited: () => exited };
}

/**
 * `isocourse serve` on `port` with the given environment (DATABASE_URL or DATA_DIR, ...), from
 * this checkout or from another one (`root`, for before/after comparisons).
 */
export function startServe(name: string, port: number, env: Readonly<Record<string, string>>, nodeArgs: readonly string[] = [], root = ROOT): Child {
  return startProcess(name, port, [join(root, 'bin', 'isocourse.mjs'), 'serve'], env, nodeArgs, root);
}

export async function waitReady(child: Child, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  const deadline = started + timeoutMs;
  while (performance.now() < deadline) {
    if (child.hasExited()) throw new Error(`${child.name} exited before it was ready:\n${child.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${child.port}/readyz`);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  throw new Error(`${child.name} on port ${child.port} not ready after ${timeoutMs} ms:\n${child.output()}`);
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function stop(child: Child, graceMs = 10_000): Promise<void> {
  if (child.hasExited()) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

export async function kill9(child: Child): Promise<void> {
  if (child.hasExited()) return;
  child.process.kill('SIGKILL');
  await child.exited;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resident set size of a process in bytes (Linux /proc), or NaN elsewhere. */
export async function rssBytes(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] === undefined ? Number.NaN : Number(match[1]) * 1024;
  } catch {
    return Number.NaN;
  }
}
