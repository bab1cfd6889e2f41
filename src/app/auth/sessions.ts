import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../../db/audit.repository.js';
import type { Database } from '../../db/schema.js';
import { deleteSession, insertSession, touchSession } from '../../db/session.repository.js';
import { findSessionWithUser, findUserByEmail, recordFailedLogin, recordSuccessfulLogin, type UserRecord } from '../../db/user.repository.js';
import { AppError } from '../errors.js';
import type { Clock, TokenSource } from '../ports.js';
import type { Principal } from './principal.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { verifyTotp } from './totp.js';

export interface AuthDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly tokens: TokenSource;
}

/** Session and lockout policy (docs/security.md). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export interface RequestContext {
  readonly ip: string | null;
  readonly requestId: string | null;
}

export interface LoginResult {
  readonly sessionToken: string;
  readonly csrfToken: string;
  readonly principal: Principal;
  readonly expiresAt: Date;
  /** Signed in with a temporary password: only changing it is allowed (SEC-TEMP-PASSWORD). */
  readonly mustChangePassword: boolean;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function principalOf(user: UserRecord): Principal {
  return {
    userId: user.id,
    role: user.role,
    displayName: user.displayName,
    clinicId: user.clinicId,
    pharmacyId: user.pharmacyId,
    patientId: user.patientId,
    actsFor: user.actsFor,
  };
}

/**
 * Checks the password (argon2id), the account lock and, when enabled, the TOTP code; creates a
 * server-side session. Every attempt is audited. The error never says whether the e-mail exists.
 */
export async function login(
  deps: AuthDeps,
  input: { email: string; password: string; totpCode?: string | undefined },
  context: RequestContext,
): Promise<LoginResult> {
  const now = deps.clock.now();
  const user = await findUserByEmail(deps.db, input.email);
  const audit = (action: string, outcome: 'success' | 'failure' | 'denied', who: UserRecord | undefined) =>
    deps.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: now,
        actorUserId: who?.id ?? null,
        actorRole: who?.role ?? null,
        onBehalfOf: null,
        action,
        resourceType: 'session',
        resourceId: null,
        clinicId: who?.clinicId ?? null,
        patientId: null,
        outcome,
        ip: context.ip,
        requestId: context.requestId,
      }),
    );
  if (user === undefined || user.disabled) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await audit('login', 'failure', undefined);
    throw new AppError('invalid_credentials', 'The e-mail address or the password is wrong.');
  }
  if (user.lockedUntil !== null && user.lockedUntil > now) {
    await audit('login', 'denied', user);
    throw new AppError('account_locked', `Too many failed attempts. Try again after ${user.lockedUntil.toISOString()}.`, {
      lockedUntil: user.lockedUntil.toISOString(),
    });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const lockedUntil = await recordFailedLogin(deps.db, user.id, now, MAX_FAILED_LOGINS, LOCKOUT_MS);
    await audit(lockedUntil === null ? 'login' : 'account_locked', 'failure', user);
    throw new AppError('invalid_credentials', 'The e-mail address or the password is wrong.');
  }
  // SEC-TEMP-PASSWORD: an administrator-issued password works for 72 hours only
  if (user.passwordTemporaryUntil !== null && user.passwordTemporaryUntil <= now) {
    await audit('login', 'denied', user);
    throw new AppError('invalid_credentials', 'This temporary password has expired; ask your clinic administrator for a new one.');
  }
  if (user.totpEnabled && user.totpSecret !== null) {
    if (input.totpCode === undefined) throw new AppError('totp_required', 'Enter the 6-digit code from your authenticator app.');
    if (!verifyTotp(user.totpSecret, input.totpCode, now)) {
      await recordFailedLogin(deps.db, user.id, now, MAX_FAILED_LOGINS, LOCKOUT_MS);
      await audit('login', 'failure', user);
      throw new AppError('invalid_credentials', 'The code from your authenticator app is wrong.');
    }
  }
  await recordSuccessfulLogin(deps.db, user.id);
  const sessionToken = deps.tokens.token();
  const csrfToken = deps.tokens.token();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await insertSession(deps.db, { tokenHash: hashToken(sessionToken), userId: user.id, csrfToken, createdAt: now, expiresAt, lastSeenAt: now });
  await audit('login', 'success', user);
  return { sessionToken, csrfToken, principal: principalOf(user), expiresAt, mustChangePassword: user.passwordTemporaryUntil !== null };
}

export interface ResolvedSession {
  readonly principal: Principal;
  readonly csrfToken: string;
  readonly tokenHash: string;
  /** The account still has a temporary password (SEC-TEMP-PASSWORD). */
  readonly mustChangePassword: boolean;
}

/**
 * The principal of a session token, or undefined when the session is unknown, expired (30
 * minutes idle or 12 hours old) or its account is locked or disabled. Extends the idle window.
 */
export async function resolveSession(deps: AuthDeps, token: string): Promise<ResolvedSession | undefined> {
  const now = deps.clock.now();
  const tokenHash = hashToken(token);
  // the session and its user in one statement
  const found = await findSessionWithUser(deps.db, tokenHash);
  if (found === undefined) return undefined;
  const { session, user } = found;
  if (session.expiresAt <= now) {
    await deleteSession(deps.db, tokenHash);
    return undefined;
  }
  if (user.disabled) return undefined;
  // refresh at most once a minute: a read-heavy page must not write on every request
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    const created = session.expiresAt.getTime() - SESSION_IDLE_MS; // lower bound of creation
    const absoluteEnd = Math.max(created, session.lastSeenAt.getTime() - SESSION_ABSOLUTE_MS) + SESSION_ABSOLUTE_MS;
    const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, absoluteEnd));
    await touchSession(deps.db, tokenHash, now, expiresAt);
  }
  return { principal: principalOf(user), csrfToken: session.csrfToken, tokenHash, mustChangePassword: user.passwordTemporaryUntil !== null };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(deps: AuthDeps, session: ResolvedSession, context: RequestContext): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await deleteSession(trx, session.tokenHash);
    await appendAudit(trx, {
      at: deps.clock.now(),
      actorUserId: session.principal.userId,
      actorRole: session.principal.role,
      onBehalfOf: null,
      action: 'logout',
      resourceType: 'session',
      resourceId: null,
      clinicId: session.principal.clinicId,
      patientId: null,
      outcome: 'success',
      ip: context.ip,
      requestId: context.requestId,
    });
  });
}
