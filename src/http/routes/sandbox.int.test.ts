import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SandboxClock } from '../../app/sandbox/sandbox-clock.js';
import { createAppServices } from '../../app/services.js';
import { aClinic, aUser } from '../../app/testing/builders.js';
import { MovableClock } from '../../app/testing/clock.js';
import { freshTestDatabase, testEngine, type TestDatabase } from '../../db/testing/test-database.js';
import { buildServer } from '../server.js';
import { sessionOf } from '../testing/admin-client.js';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'isocourse.mjs');
let database: TestDatabase | undefined;
let app: FastifyInstance | undefined;
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await app?.close();
  app = undefined;
  await database?.close();
  database = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An in-process server, in sandbox mode when `sandbox` is given (real time is `real`). */
async function serverWith(real: MovableClock, sandbox?: SandboxClock) {
  database = await freshTestDatabase();
  const services = createAppServices({ db: database.db, accepting: () => true, clock: real, ...(sandbox === undefined ? {} : { sandbox }) });
  app = await buildServer({ app: services, version: 'test' }, { logLevel: 'silent', webRoot: undefined });
  await app.ready();
  const clinic = await aClinic(database.db, { timeZone: 'America/New_York' });
  return {
    app,
    db: database.db,
    admin: await aUser(database.db, 'clinic_admin', { clinicId: clinic.id }),
    prescriber: await aUser(database.db, 'prescriber', { clinicId: clinic.id }),
  };
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

const CONFIG_VARIABLES = new Set(['DATABASE_URL', 'DATA_DIR', 'PORT', 'NODE_ENV', 'ISOCOURSE_PRODUCTION', 'SANDBOX']);

/** The test's environment without any configuration of its own, plus `extra`. */
function cleanEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const inherited = Object.entries(process.env).filter(([name]) => !CONFIG_VARIABLES.has(name));
  return { ...Object.fromEntries(inherited), LOG_LEVEL: 'warn', ...extra };
}

describe(`SEC-SANDBOX: sandbox mode on ${testEngine()}`, () => {
  it('has no clock routes and no sandbox header in normal mode', async () => {
    const w = await serverWith(new MovableClock('2026-11-22T12:00:00Z'));
    const admin = await sessionOf(w.app, w.admin);
    expect((await admin.get('/api/sandbox/clock')).statusCode).toBe(404);
    const move = await admin.post('/api/sandbox/clock', { at: '2027-01-01T00:00:00Z' });
    expect(move.statusCode).toBe(404);
    expect(move.headers['x-isocourse-sandbox']).toBeUndefined();
    expect((await w.app.inject({ method: 'GET', url: '/healthz' })).headers['x-isocourse-sandbox']).toBeUndefined();
  });

  it('marks every response, lets an administrator move the clock, and the course record follows the moved clock', async () => {
    const real = new MovableClock('2026-11-22T12:00:00Z');
    const w = await serverWith(real, new SandboxClock(real));
    for (const url of ['/healthz', '/api/nowhere', '/api/admin/clinic']) {
      expect((await w.app.inject({ method: 'GET', url })).headers['x-isocourse-sandbox'], url).toBe('1');
    }
    const admin = await sessionOf(w.app, w.admin);
    expect((await admin.get('/api/sandbox/clock')).json()).toEqual({ sandbox: true, now: '2026-11-22T12:00:00.000Z', realNow: '2026-11-22T12:00:00.000Z', offsetMs: 0 });
    const moved = await admin.post('/api/sandbox/clock', { at: '2027-02-10T09:00:00-05:00' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ now: '2027-02-10T14:00:00.000Z', realNow: '2026-11-22T12:00:00.000Z' });
    expect(moved.headers['x-isocourse-sandbox']).toBe('1');

    // the session started before the move still works: security time is real time
    const doctor = await sessionOf(w.app, w.prescriber);
    real.advance(60_000);
    expect((await doctor.get('/api/sandbox/clock')).json()).toMatchObject({ now: '2027-02-10T14:01:00.000Z' });
    const enrolled = await doctor.post('/api/patients', { displayName: 'Future', birthDate: '2000-01-01', risk: { category: 'can_get_pregnant', basis: [] } });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const started = await w.db.selectFrom('course_event').select(['payload']).where('kind', '=', 'course_started').executeTakeFirstOrThrow();
    expect(started.payload).toMatchObject({ on: '2027-02-10' });
    const audit = await w.db.selectFrom('audit_log').select(['action', 'resource_id', 'at']).where('action', '=', 'move_sandbox_clock').execute();
    expect(audit).toEqual([{ action: 'move_sandbox_clock', resource_id: '2027-02-10T14:00:00.000Z', at: new Date('2026-11-22T12:00:00Z') }]);
    const sessions = await w.db.selectFrom('session').select('expires_at').execute();
    expect(sessions.every((s) => s.expires_at < new Date('2026-11-23T00:00:00Z'))).toBe(true);
  });

  it('lets only clinic administrators move the clock, to an instant between 2000 and 2099', async () => {
    const real = new MovableClock('2026-11-22T12:00:00Z');
    const w = await serverWith(real, new SandboxClock(real));
    const doctor = await sessionOf(w.app, w.prescriber);
    expect((await doctor.post('/api/sandbox/clock', { at: '2027-01-01T00:00:00Z' })).statusCode).toBe(403);
    const admin = await sessionOf(w.app, w.admin);
    expect((await admin.post('/api/sandbox/clock', { at: '2027-01-01' })).statusCode).toBe(400);
    expect((await admin.post('/api/sandbox/clock', { at: '2100-01-01T00:00:00Z' })).statusCode).toBe(400);
    expect((await admin.post('/api/sandbox/clock', { at: '1999-12-31T23:59:59Z' })).statusCode).toBe(400);
    expect((await admin.post('/api/sandbox/clock', { at: '2099-12-31T23:59:59Z' })).statusCode).toBe(200);
    expect((await admin.post('/api/sandbox/clock', { at: '2000-01-01T00:00:00Z' })).statusCode).toBe(200);
    expect((await w.app.inject({ method: 'GET', url: '/api/sandbox/clock' })).statusCode).toBe(401);
  });

  it.each([
    [{ NODE_ENV: 'production' }, 'NODE_ENV=production'],
    [{ ISOCOURSE_PRODUCTION: '1' }, 'ISOCOURSE_PRODUCTION=1'],
  ])('refuses to start with SANDBOX=1 and %o, in one line naming the variable', (production, named) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'isocourse-sandbox-'));
    dirs.push(dataDir);
    const result = spawnSync(process.execPath, [BIN, 'serve'], { env: cleanEnv({ SANDBOX: '1', DATA_DIR: dataDir, ...production }), encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('SANDBOX');
    expect(lines[0]).toContain(named);
  });

  it('starts a real server in sandbox mode that says so in its log and on every response', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'isocourse-sandbox-'));
    dirs.push(dataDir);
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'serve'], { env: cleanEnv({ SANDBOX: '1', DATA_DIR: dataDir, PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let response: Response | undefined;
    for (let i = 0; i < 200 && response === undefined; i += 1) {
      response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      if (response === undefined) await new Promise((r) => setTimeout(r, 250));
    }
    expect(response?.headers.get('x-isocourse-sandbox'), output).toBe('1');
    expect(output).toContain('SANDBOX MODE');
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }, 90_000);
});
