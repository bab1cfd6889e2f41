import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../app/ports.js';
import { totpAt } from '../../app/auth/totp.js';
import { aUser, type TestUser } from '../../app/testing/builders.js';
import { verifyAuditLog } from '../../db/audit.repository.js';
import { testEngine } from '../../db/testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

class MovableClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return this.at;
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

async function signIn(s: TestServer, user: TestUser, extra: Record<string, string> = {}) {
  const response = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password, ...extra } });
  const cookie = response.cookies.find((c) => c.name === 'isocourse_session');
  const body = response.json<{ csrfToken?: string }>();
  return { response, cookie: cookie === undefined ? '' : `isocourse_session=${cookie.value}`, csrf: body.csrfToken ?? '', raw: cookie };
}

describe(`signing in and sessions on ${testEngine()}`, () => {
  it('signs in with an HttpOnly SameSite=Strict session cookie and returns the user without secrets', async () => {
    server = await startTestServer();
    const user = await aUser(server.database.db, 'prescriber');
    const { response, raw, cookie } = await signIn(server, user);
    expect(response.statusCode).toBe(200);
    expect(raw).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const body = response.json<Record<string, unknown>>();
    expect(body.user).toMatchObject({ id: user.id, role: 'prescriber', clinicId: user.clinicId, pharmacyId: null, patientId: null, actsFor: [] });
    expect(JSON.stringify(body)).not.toMatch(/argon2|password/i);
    const session = await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(session.statusCode).toBe(200);
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    server = await startTestServer();
    const user = await aUser(server.database.db, 'designee');
    const wrong = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'nope' } });
    const unknown = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.test', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<{ detail: string }>().detail).toBe(unknown.json<{ detail: string }>().detail);
  });

  it('locks the account for 15 minutes after 5 wrong passwords, even against the right one, then lets it in', async () => {
    const clock = new MovableClock(new Date('2026-11-21T10:00:00Z'));
    server = await startTestServer({ clock });
    const user = await aUser(server.database.db, 'pharmacist');
    for (let i = 0; i < 5; i += 1) {
      const r = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'wrong' } });
      expect(r.statusCode).toBe(401);
    }
    const locked = await signIn(server, user);
    expect(locked.response.statusCode).toBe(403);
    expect(locked.response.json()).toMatchObject({ code: 'account_locked', lockedUntil: '2026-11-21T10:15:00.000Z' });
    clock.advance(15 * 60 * 1000 + 1);
    expect((await signIn(server, user)).response.statusCode).toBe(200);
  });

  it('refuses a change without the CSRF token, and accepts it with the token', async () => {
    server = await startTestServer();
    const user = await aUser(server.database.db, 'clinic_admin');
    const { cookie, csrf } = await signIn(server, user);
    const without = await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ code: 'csrf_failed' });
    const wrong = await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': `${csrf}x` } });
    expect(wrong.statusCode).toBe(403);
    const ok = await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(ok.statusCode).toBe(204);
    const after = await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('ends a session after 30 minutes without activity', async () => {
    const clock = new MovableClock(new Date('2026-11-21T10:00:00Z'));
    server = await startTestServer({ clock });
    const user = await aUser(server.database.db, 'patient');
    const { cookie } = await signIn(server, user);
    clock.advance(29 * 60 * 1000);
    expect((await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).statusCode).toBe(200);
    clock.advance(29 * 60 * 1000); // active 29 minutes ago: still in
    expect((await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).statusCode).toBe(200);
    clock.advance(31 * 60 * 1000);
    expect((await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('asks staff who enabled one-time codes for a valid code', async () => {
    const clock = new MovableClock(new Date('2026-11-21T10:00:00Z'));
    server = await startTestServer({ clock });
    const user = await aUser(server.database.db, 'prescriber');
    const { cookie, csrf } = await signIn(server, user);
    const setup = await server.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: { cookie, 'x-csrf-token': csrf } });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json<{ secret: string; otpauthUri: string }>();
    expect(otpauthUri).toContain(`secret=${secret}`);
    const bad = await server.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers: { cookie, 'x-csrf-token': csrf }, payload: { code: '000000' } });
    expect(bad.statusCode).toBe(400);
    const enable = await server.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers: { cookie, 'x-csrf-token': csrf }, payload: { code: totpAt(secret, clock.now()) } });
    expect(enable.statusCode).toBe(204);
    const noCode = await signIn(server, user);
    expect(noCode.response.json()).toMatchObject({ code: 'totp_required' });
    const withCode = await signIn(server, user, { totpCode: totpAt(secret, clock.now()) });
    expect(withCode.response.statusCode).toBe(200);
  });

  it('limits sign-in attempts to 10 a minute per address', async () => {
    server = await startTestServer();
    const codes: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const r = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `x${i}@example.test`, password: 'x' } });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('audits every sign-in attempt in a verifiable chain and never logs the password', async () => {
    server = await startTestServer();
    const user = await aUser(server.database.db, 'prescriber');
    await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'Wrong-Secret-1' } });
    await signIn(server, user);
    const rows = await server.database.db.selectFrom('audit_log').select(['action', 'outcome', 'actor_user_id']).orderBy('at').execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'login', outcome: 'failure', actor_user_id: user.id },
        { action: 'login', outcome: 'success', actor_user_id: user.id },
      ]),
    );
    expect((await verifyAuditLog(server.database.db)).ok).toBe(true);
    expect(server.logText()).not.toContain('Wrong-Secret-1');
    expect(server.logText()).not.toContain(user.email);
  });
});
