import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { TestUser } from '../../app/testing/builders.js';

/**
 * A signed-in user talking to the in-process server, with the session cookie and CSRF token.
 * Tests that move the clock by weeks outlive a session: the client signs in again when the
 * server answers `unauthenticated`, as a person would.
 */
export interface ApiClient {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function signedIn(app: FastifyInstance, user: TestUser): Promise<ApiClient> {
  let cookie = '';
  let csrf = '';
  const signIn = async (): Promise<void> => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
    if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
    cookie = `isocourse_session=${login.cookies.find((c) => c.name === 'isocourse_session')?.value ?? ''}`;
    csrf = login.json<{ csrfToken: string }>().csrfToken;
  };
  const retrying = async (send: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> => {
    const first = await send();
    if (first.statusCode !== 401 || !first.body.includes('"unauthenticated"')) return first;
    await signIn();
    return send();
  };
  await signIn();
  return {
    get: (url) => retrying(() => app.inject({ method: 'GET', url, headers: { cookie } })),
    post: (url, payload, headers = {}) =>
      retrying(() =>
        app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'x-csrf-token': csrf, ...headers },
          ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
        }),
      ),
  };
}
