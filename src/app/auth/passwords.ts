import { hash, verify, type Algorithm } from '@node-rs/argon2';

// the library exports the algorithm as a const enum, which isolated modules cannot read
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- Algorithm.Argon2id is 2
const ARGON2ID = 2 as Algorithm.Argon2id;

/** argon2id with the library's OWASP-aligned defaults (m=19 MiB, t=2, p=1). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps the response time the same,
// so timing does not reveal which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing-only');
  return dummyHash;
}

export const MIN_PASSWORD_LENGTH = 12;
