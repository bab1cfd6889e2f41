import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tamperForTest } from '../db/audit.repository.js';
import { openDatabase } from '../db/connect.js';
import { freshTestDatabase, testEngine, type TestDatabase } from '../db/testing/test-database.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'isocourse.mjs');
let database: TestDatabase | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await database?.close();
  database = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function target(): Promise<{ env: Record<string, string>; open: () => ReturnType<typeof openDatabase> }> {
  if (testEngine() === 'postgres') {
    database = await freshTestDatabase();
    const url = database.url ?? '';
    return { env: { DATABASE_URL: url }, open: () => openDatabase({ kind: 'postgres', url, poolSize: 1 }) };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'isocourse-admin-'));
  dirs.push(dataDir);
  return { env: { DATA_DIR: dataDir }, open: () => openDatabase({ kind: 'embedded', dataDir }) };
}

function run(args: string[], env: Record<string, string>, input = ''): { code: number | null; stdout: string; stderr: string } {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.DATA_DIR;
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...clean, ...env }, input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const clinicInput = JSON.stringify({
  clinic: { name: 'Derm One', jurisdiction: 'US', timeZone: 'America/New_York' },
  admin: { email: 'Admin@Example.test', displayName: 'Ada Admin', password: 'a-long-password-1' },
});

describe(`isocourse bootstrap and audit verify on ${testEngine()}`, { timeout: 180_000 }, () => {
  it('creates a clinic and its administrator once, audited, and refuses the same e-mail twice', async () => {
    const { env } = await target();
    const first = run(['bootstrap'], env, clinicInput);
    expect(first.code).toBe(0);
    const created = JSON.parse(first.stdout) as { clinicId: string; adminId: string };
    expect(created.clinicId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.adminId).toMatch(/^[0-9a-f-]{36}$/);
    const again = run(['bootstrap'], env, clinicInput);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists already');
    const verify = run(['audit', 'verify'], env);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, entries: 1 });
  });

  it('names every invalid field with exit code 2', async () => {
    const { env } = await target();
    const bad = run(['bootstrap'], env, JSON.stringify({ clinic: { name: '', jurisdiction: 'XX', timeZone: 'Mars/Base' }, admin: { email: 'x', displayName: 'A', password: 'short' } }));
    expect(bad.code).toBe(2);
    for (const field of ['clinic.name', 'clinic.jurisdiction', 'clinic.timeZone', 'admin.email', 'admin.password']) {
      expect(bad.stderr).toContain(`field ${field}:`);
    }
  });

  it('detects an altered audit entry and exits 1', async () => {
    const { env, open } = await target();
    expect(run(['bootstrap'], env, clinicInput).code).toBe(0);
    const handle = await open();
    await tamperForTest(handle.db, `update audit_log set action = 'nothing_to_see'`);
    await handle.close();
    const verify = run(['audit', 'verify'], env);
    expect(verify.code).toBe(1);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: false, problems: [{ problem: 'hash_mismatch' }] });
  });
});
