import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A signed-in session against the in-process server for the administration tests: every
 * method, the session cookie and CSRF token, and a client address of its own (sign-in is
 * limited to 10 a minute per address, and one test signs in many people).
 */
export interface SessionClient {
  readonly signIn: LightMyRequestResponse;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload: unknown): Promise<LightMyRequestResponse>;
}

let address = 0;
function nextAddress(): string {
  address += 1;
  return `10.${Math.floor(address / 65536) % 256}.${Math.floor(address / 256) % 256}.${address % 256}`;
}

export async function sessionOf(app: FastifyInstance, credentials: { email: string; password: string }): Promise<SessionClient> {
  const remoteAddress = nextAddress();
  const signIn = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: credentials });
  if (signIn.statusCode !== 200) throw new Error(`sign-in of ${credentials.email} failed: ${signIn.statusCode} ${signIn.body}`);
  const cookie = `isocourse_session=${signIn.cookies.find((c) => c.name === 'isocourse_session')?.value ?? ''}`;
  const csrf = signIn.json<{ csrfToken: string }>().csrfToken;
  const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown) =>
    app.inject({ method, url, remoteAddress, headers: { cookie, 'x-csrf-token': csrf }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  return {
    signIn,
    get: (url) => app.inject({ method: 'GET', url, remoteAddress, headers: { cookie } }),
    post: (url, payload) => send('POST', url, payload),
    put: (url, payload) => send('PUT', url, payload),
    patch: (url, payload) => send('PATCH', url, payload),
  };
}

/** A sign-in attempt from an address of its own (to test refused sign-ins). */
export function tryLogin(app: FastifyInstance, credentials: { email: string; password: string }): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextAddress(), payload: credentials });
}
