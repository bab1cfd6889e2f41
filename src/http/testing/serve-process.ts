import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Real `isocourse serve` processes for tests that need more than one server (races across
 * processes on one PostgreSQL database): started as an operator would, stopped with SIGTERM, and
 * killed by `stopAll` whatever happened in the test.
 */
const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'isocourse.mjs');

export interface ServeProcess {
  readonly baseUrl: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stdout and stderr. */
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

const running: ChildProcess[] = [];

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

async function waitReady(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`isocourse serve exited with ${child.exitCode}: ${output()}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`isocourse serve at ${baseUrl} not ready after ${timeoutMs} ms: ${output()}`);
}

/** Starts `isocourse serve` with `env` (PORT is chosen here) and waits until /readyz answers 200. */
export async function startServe(env: Readonly<Record<string, string>>, timeoutMs = 60_000): Promise<ServeProcess> {
  const port = await freePort();
  const cleanEnv: Record<string, string | undefined> = { ...process.env };
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'SANDBOX']) cleanEnv[name] = undefined;
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...cleanEnv, LOG_LEVEL: 'warn', ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitReady(baseUrl, child, () => text, timeoutMs);
  return {
    baseUrl,
    child,
    output: () => text,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Kills every process `startServe` started that is still running (for afterEach). */
export function stopAll(): void {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
