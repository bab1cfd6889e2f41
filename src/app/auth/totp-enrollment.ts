import { randomBytes } from 'node:crypto';
import { findUserById, setTotpSecret } from '../../db/user.repository.js';
import { AppError } from '../errors.js';
import { STAFF_ROLES, requireRole, type Principal } from './principal.js';
import type { AuthDeps } from './sessions.js';
import { base32Encode, otpauthUri, verifyTotp } from './totp.js';

/** Optional second factor for staff: a new secret, stored but not active until a code proves it. */
export async function startTotpSetup(deps: AuthDeps, principal: Principal): Promise<{ secret: string; otpauthUri: string }> {
  requireRole(principal, [...STAFF_ROLES, 'pharmacist']);
  const user = await findUserById(deps.db, principal.userId);
  if (user === undefined) throw new AppError('unauthenticated', 'Sign in again.');
  if (user.totpEnabled) throw new AppError('conflict', 'A one-time code is already set up for this account.');
  const secret = base32Encode(randomBytes(20));
  await setTotpSecret(deps.db, user.id, secret, false);
  return { secret, otpauthUri: otpauthUri(secret, user.email) };
}

export async function enableTotp(deps: AuthDeps, principal: Principal, code: string): Promise<void> {
  // the same roles as the set-up: a patient is told "not for you", not "set it up first"
  requireRole(principal, [...STAFF_ROLES, 'pharmacist']);
  const user = await findUserById(deps.db, principal.userId);
  const secret = user?.totpSecret ?? null;
  if (user === undefined || secret === null) throw new AppError('conflict', 'Start the set-up first.');
  if (!verifyTotp(secret, code, deps.clock.now())) throw new AppError('invalid_input', 'That code does not match; try the current one.');
  await setTotpSecret(deps.db, user.id, secret, true);
}
