import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../testing/run-cli.js';
import { freshTestDatabase, testEngine } from '../../../db/testing/test-database.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const run = runCli;

async function emptyTarget(): Promise<Record<string, string>> {
  if (testEngine() === 'postgres') {
    const database = await freshTestDatabase();
    cleanups.push(() => database.close());
    return { DATABASE_URL: database.url ?? '' };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'isocourse-population-'));
  cleanups.push(() => {
    rmSync(dataDir, { recursive: true, force: true });
    return Promise.resolve();
  });
  return { DATA_DIR: dataDir };
}

describe(`isocourse demo --courses on ${testEngine()}`, { timeout: 180_000 }, () => {
  it('generates into an empty database with progress and a rate, refuses a second time unless --append, and leaves audit verify passing', async () => {
    const env = await emptyTarget();
    const first = await run(['demo', '--courses', '40', '--seed', '5', '--today', '2026-11-22'], env);
    expect(first.stderr).toMatch(/isocourse demo: 40\/40 courses \(\d[\d,]*\/s\)/);
    expect(first.stdout).toMatch(/^40 courses in \d+\.\d s: [\d,]+ courses\/s$/m);
    expect(first.code).toBe(0);
    const again = await run(['demo', '--courses', '40'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds \d+ clinic\(s\).*--append/);
    const appended = await run(['demo', '--courses', '10', '--append'], env);
    expect(appended.code).toBe(0);
    const verify = await run(['audit', 'verify'], env);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
  });

  it('exits 2 naming a wrong option, and 1 in production mode, before touching the database', async () => {
    const env = await emptyTarget();
    const wrong = await run(['demo', '--courses', 'many'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--courses must be a whole number/);
    const production = await run(['demo', '--courses', '10'], { ...env, NODE_ENV: 'production' });
    expect(production.code).toBe(1);
    expect(production.stderr).toMatch(/refused in production mode/);
  });
});
