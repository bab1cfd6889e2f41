import { hashPassword } from '../auth/passwords.js';
import { TEMPORARY_PASSWORD_VALIDITY_MS, temporaryPasswordFrom } from '../auth/password-policy.js';
import type { Clock, TokenSource } from '../ports.js';

export interface IssuedPassword {
  /** Shown once to the administrator; only its argon2id hash is stored. */
  readonly temporaryPassword: string;
  readonly passwordHash: string;
  readonly expiresAt: Date;
}

/**
 * SEC-TEMP-PASSWORD: a new temporary password, valid for 72 hours of real time (the security
 * clock: a sandbox clock never stretches or shortens it).
 */
export async function issueTemporaryPassword(tokens: TokenSource, securityClock: Clock): Promise<IssuedPassword> {
  const temporaryPassword = temporaryPasswordFrom(tokens.token());
  return {
    temporaryPassword,
    passwordHash: await hashPassword(temporaryPassword),
    expiresAt: new Date(securityClock.now().getTime() + TEMPORARY_PASSWORD_VALIDITY_MS),
  };
}
