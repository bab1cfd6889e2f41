import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshTestDatabase, testEngine, type TestDatabase } from '../db/testing/test-database.js';
import { DEFAULT_WORKERS, parseNightlyArgs } from './nightly-command.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'isocourse.mjs');
let database: TestDatabase | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await database?.close();
  database = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.DATA_DIR;
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...clean, ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe(`isocourse nightly on ${testEngine()}`, () => {
  it('runs, prints one summary line, and exits 2 on a bad date without touching the database', async () => {
    let env: Record<string, string>;
    if (testEngine() === 'postgres') {
      database = await freshTestDatabase();
      env = { DATABASE_URL: database.url ?? '' };
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'isocourse-nightly-'));
      dirs.push(dataDir);
      env = { DATA_DIR: dataDir };
    }
    const ok = run(['nightly', '--date', '2026-02-06', '--workers', '0'], env);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/^isocourse nightly: 2026-02-06: 0 courses judged \(0 could not be judged\), reminders 0 created, 0 updated, 0 retired, [\d.]+ s\n$/);
    expect(ok.code).toBe(0);
    const bad = run(['nightly', '--date', '2026-13-01'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM-DD');
    // a new embedded data directory (initdb and migrations in the child) is slow on a loaded machine
  }, 120_000);

  it('reads its options', () => {
    expect(parseNightlyArgs([])).toEqual({ date: undefined, workers: DEFAULT_WORKERS });
    expect(parseNightlyArgs(['--date=2026-02-06', '--workers', '0'])).toEqual({ date: '2026-02-06', workers: 0 });
    expect(parseNightlyArgs(['--workers=3'])).toMatchObject({ workers: 3 });
    expect(parseNightlyArgs(['--full', '--date', '2026-02-06'])).toEqual({ date: '2026-02-06', workers: DEFAULT_WORKERS, full: true });
    expect(JSON.stringify(parseNightlyArgs(['--workers', 'many']))).toContain('--workers needs a number');
    expect(parseNightlyArgs(['--dates', 'x'])).toEqual({ error: 'unknown option "--dates"' });
    expect(parseNightlyArgs(['--date'])).toEqual({ error: '--date needs a value YYYY-MM-DD' });
    expect(parseNightlyArgs(['--dry-run'])).toEqual({ error: 'unknown option "--dry-run"' });
    expect(parseNightlyArgs(['--date', '2026-2-6'])).toEqual({ error: '--date must be a calendar date YYYY-MM-DD, got "2026-2-6"' });
  });
});
