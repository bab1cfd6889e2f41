import { randomBytes } from 'node:crypto';

/** The clock is a dependency (sandbox mode moves it; tests pin it). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Unguessable tokens (sessions, CSRF), as a port so tests can make them predictable. */
export interface TokenSource {
  token(): string;
}

export const cryptoTokens: TokenSource = { token: () => randomBytes(32).toString('base64url') };
