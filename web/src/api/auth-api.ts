import { sessionResponseSchema, type LoginRequest, type SessionResponse } from '../../../src/contracts/auth.js';
import { ApiError } from './api-error.js';
import type { ApiClient } from './client.js';

export type SessionUser = SessionResponse['user'];
export type Role = SessionUser['role'];

/**
 * The part of the session answer the web app relies on, checked against the contract. Only these
 * fields: a field the server adds later (even a required one) must not lock people out of an app
 * that does not use it yet.
 */
const webSessionSchema = sessionResponseSchema.pick({ user: true, csrfToken: true });
type WebSession = Pick<SessionResponse, 'user' | 'csrfToken'>;

const parseSession = (body: unknown): WebSession | undefined => {
  const result = webSessionSchema.safeParse(body);
  return result.success ? result.data : undefined;
};

/**
 * The auth endpoints of the API. Each successful answer hands its CSRF token to the client, so
 * the token is known exactly while a session is: after sign-in, after a reload (restored from
 * GET /api/auth/session) and forgotten at sign-out.
 */
export async function signIn(client: ApiClient, request: LoginRequest): Promise<SessionUser> {
  const session = await client.sendFor('POST', '/api/auth/login', parseSession, { body: request });
  client.setCsrfToken(session.csrfToken);
  return session.user;
}

/** The signed-in user, or undefined when signed out (401 `unauthenticated`); other failures reject. */
export async function restoreSession(client: ApiClient, signal?: AbortSignal): Promise<SessionUser | undefined> {
  try {
    const session = await client.sendFor('GET', '/api/auth/session', parseSession, signal === undefined ? {} : { signal });
    client.setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthenticated') {
      client.setCsrfToken(undefined);
      return undefined;
    }
    throw error;
  }
}

export async function signOut(client: ApiClient): Promise<void> {
  try {
    await client.send('POST', '/api/auth/logout');
  } catch (error) {
    // a session that already ended (idle time-out) is signed out all the same
    if (!(error instanceof ApiError && error.code === 'unauthenticated')) throw error;
  }
  client.setCsrfToken(undefined);
}
