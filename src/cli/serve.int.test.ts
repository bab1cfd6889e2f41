import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findClinic } from '../db/clinic.repository.js';
import { openDatabase } from '../db/connect.js';
import { LOCK_FILE } from '../db/data-dir-lock.js';
import { freshTestDatabase, testEngine, type TestDatabase } from '../db/testing/test-database.js';

// These tests start the real `isocourse` command as separate processes, as an operator would.
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'isocourse.mjs');
const WRITER = join(import.meta.dirname, '..', 'db', 'testing', 'write-clinic-and-wait.ts');

const children: ChildProcess[] = [];
const dirs: string[] = [];
let database: TestDatabase | undefined;
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  await database?.close();
  database = undefined;
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'isocourse-serve-'));
  dirs.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
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

interface Started {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

function start(args: string[], env: Record<string, string>, command = process.execPath, commandArgs = [BIN]): Started {
  const cleanEnv = { ...process.env };
  delete cleanEnv.DATABASE_URL;
  delete cleanEnv.DATA_DIR;
  delete cleanEnv.PORT;
  const child = spawn(command, [...commandArgs, ...args], { env: { ...cleanEnv, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  return { child, output: () => output, exited };
}

async function waitReady(port: number, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on port ${port} not ready after ${timeoutMs} ms`);
}

describe(`isocourse serve as a process on ${testEngine()}`, { timeout: 180_000 }, () => {
  it('starts, answers /readyz with 200, and on SIGTERM stops cleanly with exit code 0', async () => {
    const port = await freePort();
    let env: Record<string, string>;
    if (testEngine() === 'postgres') {
      database = await freshTestDatabase();
      env = { PORT: String(port), DATABASE_URL: database.url ?? '' };
    } else {
      env = { PORT: String(port), DATA_DIR: tempDir() };
    }
    const server = start(['serve'], env);
    await waitReady(port);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'alive' });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    if (env.DATA_DIR !== undefined) expect(existsSync(join(env.DATA_DIR, LOCK_FILE))).toBe(false);
  });

  it('refuses to start with a bad configuration value, in one line naming the variable', async () => {
    const bad = start(['serve'], { PORT: 'abc', DATA_DIR: tempDir() });
    expect(await bad.exited).toBe(2);
    expect(bad.output().trim()).toBe('isocourse: invalid configuration: PORT: must be a whole number from 0 to 65535, got "abc"');
  });
});

describe('the embedded database directory under two processes and kill -9', { timeout: 180_000 }, () => {
  it('refuses a second server on the same data directory and leaves the first one serving', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    start(['serve'], { PORT: String(port), DATA_DIR: dataDir });
    await waitReady(port);
    const second = start(['serve'], { PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/data directory .* is in use by another isocourse process \(pid \d+/);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  });

  it('keeps committed data after kill -9 of the writer and of the server, and restarts on the same directory', async () => {
    const dataDir = tempDir();
    const writer = start([dataDir], {}, process.execPath, ['--import', 'tsx', WRITER]);
    const deadline = Date.now() + 40_000;
    while (!/^[0-9a-f-]{36}\n/.test(writer.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const clinicId = writer.output().trim();
    expect(clinicId).toMatch(/^[0-9a-f-]{36}$/);
    writer.child.kill('SIGKILL');
    await writer.exited;
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);

    // the server takes over the stale lock, migrates and serves; then it is killed too
    const port = await freePort();
    const server = start(['serve'], { PORT: String(port), DATA_DIR: dataDir });
    await waitReady(port);
    server.child.kill('SIGKILL');
    await server.exited;

    const reopened = await openDatabase({ kind: 'embedded', dataDir });
    try {
      expect(await findClinic(reopened.db, clinicId)).toMatchObject({ id: clinicId, name: 'Committed before kill -9' });
    } finally {
      await reopened.close();
    }
  });
});
