import { MIN_PASSWORD_LENGTH } from './passwords.js';

/**
 * SEC-PASSWORD-LENGTH: a password a person chooses has at least 12 characters (counted as
 * Unicode code points, so "é" or an emoji counts once) and at most 1024 (argon2id hashes every
 * byte: an unbounded password is a cheap way to make the server work).
 */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * SEC-TEMP-PASSWORD: a password an administrator issues (new account or reset) is temporary: it
 * is shown once, works for 72 hours, and its holder must choose their own before doing anything
 * else. 72 hours covers a weekend between the administrator and the new user.
 */
export const TEMPORARY_PASSWORD_VALIDITY_MS = 72 * 60 * 60 * 1000;

/** 32 capitals and digits without look-alikes (0/O, 1/I): 256 % 32 = 0, so no modulo bias. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GROUPS = 4;
const GROUP_LENGTH = 5;

export type PasswordIssue = 'too_short' | 'too_long' | 'same_as_current';

export function passwordLength(password: string): number {
  let codePoints = 0;
  for (const _ of password) codePoints += 1;
  return codePoints;
}

/** Every reason a new password is refused (empty when it is acceptable). */
export function newPasswordIssues(password: string, options: { sameAsCurrent?: boolean } = {}): PasswordIssue[] {
  const issues: PasswordIssue[] = [];
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH) issues.push('too_short');
  if (length > MAX_PASSWORD_LENGTH) issues.push('too_long');
  if (options.sameAsCurrent === true) issues.push('same_as_current');
  return issues;
}

export function describePasswordIssue(issue: PasswordIssue): string {
  switch (issue) {
    case 'too_short':
      return `The password needs at least ${MIN_PASSWORD_LENGTH} characters (SEC-PASSWORD-LENGTH).`;
    case 'too_long':
      return `The password may have at most ${MAX_PASSWORD_LENGTH} characters (SEC-PASSWORD-LENGTH).`;
    case 'same_as_current':
      return 'Choose a password different from the current one.';
    default: {
      const unreachable: never = issue;
      return unreachable;
    }
  }
}

/**
 * A temporary password from a random token: 20 characters of a 32-letter alphabet (100 bits),
 * in groups of five so it can be read out or typed: `ABCDE-FGHJK-MNPQR-STUVW`.
 */
export function temporaryPasswordFrom(randomToken: string): string {
  const bytes = Buffer.from(randomToken, 'base64url');
  if (bytes.length < GROUPS * GROUP_LENGTH) throw new Error('the token source gave too few random bytes');
  const letters: string[] = [];
  for (let i = 0; i < GROUPS * GROUP_LENGTH; i += 1) letters.push(ALPHABET.charAt((bytes[i] ?? 0) % ALPHABET.length));
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) groups.push(letters.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH).join(''));
  return groups.join('-');
}
