import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../app/services.js';
import { verifyAuditLog } from '../../db/audit.repository.js';
import { openDatabase, type DatabaseHandle } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import { freshTestDatabase, testEngine, type TestDatabase } from '../../db/testing/test-database.js';
import { buildServer } from '../../http/server.js';
import { sessionOf } from '../../http/testing/admin-client.js';
import { parseDemoArgs } from './demo-command.js';
import { DEMO_PASSWORD, demoEmail } from './demo-people.js';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'isocourse.mjs');
const CONFIG = new Set(['DATABASE_URL', 'DATA_DIR', 'PORT', 'NODE_ENV', 'ISOCOURSE_PRODUCTION', 'SANDBOX']);
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs `isocourse` as an operator would (a child process; the test's event loop stays free). */
function run(args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CONFIG.has(name)));
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...inherited, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

/** A fresh, empty target: a data directory on PGlite, a new database on PostgreSQL. */
async function emptyTarget(): Promise<{ env: Record<string, string>; open: () => Promise<{ db: Kysely<Database>; release: () => Promise<void> }> }> {
  if (testEngine() === 'postgres') {
    const database: TestDatabase = await freshTestDatabase();
    cleanups.push(() => database.close());
    return { env: { DATABASE_URL: database.url ?? '' }, open: () => Promise.resolve({ db: database.db, release: () => Promise.resolve() }) };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'isocourse-demo-'));
  cleanups.push(() => {
    rmSync(dataDir, { recursive: true, force: true });
    return Promise.resolve();
  });
  return {
    env: { DATA_DIR: dataDir },
    open: async () => {
      const handle: DatabaseHandle = await openDatabase({ kind: 'embedded', dataDir });
      cleanups.push(() => handle.close());
      // the embedded database allows one process at a time: release it before running the CLI again
      return { db: handle.db, release: () => handle.close() };
    },
  };
}

async function courseStates(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('course')
    .innerJoin('patient', 'patient.id', 'course.patient_id')
    .select(['patient.display_name as name', 'course.id', 'course.status', 'course.stop_reason'])
    .execute();
  const states = new Map<string, { id: string; status: string; stopReason: string | null; authorizations: string[]; tasks: string[] }>();
  for (const r of rows) {
    const authorizations = (await db.selectFrom('authorization').select('status').where('course_id', '=', r.id).orderBy('issued_at').execute()).map((a) => a.status);
    const tasks = (await db.selectFrom('task').select('kind').where('course_id', '=', r.id).execute()).map((t) => t.kind);
    states.set(r.name, { id: r.id, status: r.status, stopReason: r.stop_reason, authorizations, tasks });
  }
  return states;
}

describe('isocourse demo arguments', () => {
  it('takes US by default and a jurisdiction in either form, and names a wrong one', () => {
    expect(parseDemoArgs([])).toEqual({ jurisdiction: 'US' });
    expect(parseDemoArgs(['--jurisdiction', 'uk'])).toEqual({ jurisdiction: 'UK' });
    expect(parseDemoArgs(['--jurisdiction=EU-FR'])).toEqual({ jurisdiction: 'EU-FR' });
    expect(parseDemoArgs(['--jurisdiction', 'XX'])).toEqual({ error: expect.stringContaining('US, EU, EU-FR, EU-IT, UK') as unknown });
    expect(parseDemoArgs(['--jurisdiction'])).toEqual({ error: '--jurisdiction needs a value' });
    expect(parseDemoArgs(['--reset'])).toEqual({ error: 'unknown option "--reset"' });
  });
});

describe(`isocourse demo on ${testEngine()}`, () => {
  it('creates a US clinic with a course in each state whose printed logins all sign in, and refuses to run twice', async () => {
    const target = await emptyTarget();
    const result = await run(['demo'], target.env);
    expect(result.code, result.stderr).toBe(0);
    for (const local of ['admin', 'prescriber', 'nurse', 'pharmacist', 'sam', 'jordan']) expect(result.stdout).toContain(demoEmail(local));
    expect(result.stdout).toContain(DEMO_PASSWORD);

    const { db, release } = await target.open();
    const states = await courseStates(db);
    expect(Object.fromEntries([...states].map(([name, s]) => [name, [s.status, s.authorizations.join(','), s.tasks.sort().join(',')]]))).toEqual({
      'Riley Chen': ['qualifying', '', ''],
      'Sam Rivera': ['qualifying', 'open', ''],
      'Jamie Park': ['qualifying', 'open', ''],
      'Jordan Lee': ['active', 'dispensed,dispensed', ''],
      'Chris Novak': ['active', 'dispensed,dispensed', 'lab_grade_3'],
      'Taylor Brooks': ['active', 'dispensed,dispensed', 'phq9_band_review,phq9_item9'],
      'Avery Quinn': ['active', 'dispensed,dispensed,dispensed', ''],
      'Casey Morgan': ['stopped', 'dispensed,reversed', 'positive_pregnancy_test'],
    });
    expect(states.get('Casey Morgan')?.stopReason).toBe('pregnancy');
    const windows = await db.selectFrom('authorization').innerJoin('patient', 'patient.id', 'authorization.patient_id').select(['patient.display_name as name', 'last_day_to_collect']).where('authorization.status', '=', 'open').execute();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
    const lastDay = (name: string) => windows.find((w) => w.name === name)?.last_day_to_collect ?? '';
    expect(lastDay('Sam Rivera') >= today).toBe(true);
    expect(lastDay('Jamie Park') < today).toBe(true);
    const averyEvents = (await db.selectFrom('course_event').select('kind').where('course_id', '=', states.get('Avery Quinn')?.id ?? '').execute()).map((e) => e.kind);
    expect(averyEvents).toContain('last_dose');
    const riskOf = await db.selectFrom('patient').select(['display_name', 'risk']).execute();
    expect(new Set(riskOf.map((p) => (p.risk as { category: string }).category))).toEqual(new Set(['can_get_pregnant', 'cannot_get_pregnant']));
    expect((await verifyAuditLog(db)).ok).toBe(true);

    const app = await buildServer({ app: createAppServices({ db, accepting: () => true }), version: 'test' }, { logLevel: 'silent', webRoot: undefined });
    cleanups.push(() => app.close());
    for (const local of ['admin', 'prescriber', 'nurse', 'pharmacist', 'sam', 'jordan']) {
      const session = await sessionOf(app, { email: demoEmail(local), password: DEMO_PASSWORD });
      expect(session.signIn.json(), local).toMatchObject({ credentialChangeRequired: false });
    }
    const sam = await sessionOf(app, { email: demoEmail('sam'), password: DEMO_PASSWORD });
    const own = await sam.get(`/api/courses/${states.get('Sam Rivera')?.id ?? ''}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ authorizations: [{ status: 'open' }] });
    expect((await sam.get(`/api/courses/${states.get('Jamie Park')?.id ?? ''}`)).statusCode).toBe(403);
    const admin = await sessionOf(app, { email: demoEmail('admin'), password: DEMO_PASSWORD });
    expect((await admin.get('/api/admin/audit/verification')).json()).toMatchObject({ ok: true });
    await app.close();
    await release();

    const again = await run(['demo'], target.env);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('already holds the demo clinic');
  }, 300_000);

  it('creates a UK clinic with the same states under the UK programme', async () => {
    const target = await emptyTarget();
    const result = await run(['demo', '--jurisdiction', 'UK'], target.env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('created a UK demo clinic');
    const { db } = await target.open();
    const clinic = await db.selectFrom('clinic').select(['jurisdiction', 'time_zone']).executeTakeFirstOrThrow();
    expect(clinic).toEqual({ jurisdiction: 'UK', time_zone: 'Europe/London' });
    const states = await courseStates(db);
    expect([...states.values()].map((s) => s.status).sort()).toEqual(['active', 'active', 'active', 'active', 'qualifying', 'qualifying', 'qualifying', 'stopped']);
    expect(states.get('Sam Rivera')?.authorizations).toEqual(['open']);
    expect(states.get('Chris Novak')?.tasks).toEqual(['lab_grade_3']);
    const assessments = await db.selectFrom('course_event').select('kind').where('kind', '=', 'assessment').execute();
    expect(assessments.length).toBeGreaterThan(0);
  }, 300_000);

  it('refuses a database that already holds a clinic, production mode and an unknown jurisdiction', async () => {
    const target = await emptyTarget();
    const bootstrap = spawn(process.execPath, [BIN, 'bootstrap'], { env: { ...Object.fromEntries(Object.entries(process.env).filter(([n]) => !CONFIG.has(n))), ...target.env }, stdio: ['pipe', 'ignore', 'ignore'] });
    bootstrap.stdin.end(JSON.stringify({ clinic: { name: 'Real Clinic', jurisdiction: 'US', timeZone: 'America/New_York' }, admin: { email: 'real@example.test', displayName: 'Real', password: 'a-long-password-1' } }));
    expect(await new Promise((resolve) => bootstrap.once('exit', resolve))).toBe(0);
    const refused = await run(['demo'], target.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already holds a clinic');
    const production = await run(['demo'], { ...target.env, NODE_ENV: 'production' });
    expect(production.code).toBe(1);
    expect(production.stderr).toContain('refused in production mode');
    const unknown = await run(['demo', '--jurisdiction', 'Mars'], target.env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--jurisdiction must be one of');
    const { db } = await target.open();
    expect(await db.selectFrom('clinic').select('name').execute()).toEqual([{ name: 'Real Clinic' }]);
  }, 300_000);
});
