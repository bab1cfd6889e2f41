import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { signIn, restoreSession, signOut } from './auth-api.js';
import { createApiClient, type FetchLike } from './client.js';

interface Call {
  readonly path: string;
  readonly init: RequestInit;
}

function recordingFetch(responses: Array<() => Response>): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = (path, init) => {
    calls.push({ path, init });
    const next = responses.shift();
    if (next === undefined) throw new Error('no response left');
    return Promise.resolve(next());
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown, contentType = 'application/json'): (() => Response) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });

const headersOf = (call: Call | undefined): Record<string, string> => (call?.init.headers ?? {}) as Record<string, string>;

const sessionBody = {
  user: { id: 'u1', displayName: 'Sam Lee', role: 'patient', clinicId: 'c1', pharmacyId: null, patientId: 'p1', actsFor: [] },
  csrfToken: 'token-1',
};

describe('the API client', () => {
  it('sends same-origin credentials, no caching and a JSON body', async () => {
    const { fetch, calls } = recordingFetch([json(200, sessionBody)]);
    await signIn(createApiClient(fetch), { email: 'sam@example.org', password: 'pw' });
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(calls[0]?.init.cache).toBe('no-store');
    expect(calls[0]?.init.method).toBe('POST');
    expect(headersOf(calls[0])['content-type']).toBe('application/json');
    expect(JSON.parse(calls[0]?.init.body as string)).toEqual({ email: 'sam@example.org', password: 'pw' });
  });

  it('adds the CSRF token from sign-in to unsafe methods only, and forgets it at sign-out', async () => {
    const { fetch, calls } = recordingFetch([json(200, sessionBody), json(200, sessionBody), () => new Response(null, { status: 204 }), () => new Response(null, { status: 204 })]);
    const client = createApiClient(fetch);
    await signIn(client, { email: 'sam@example.org', password: 'pw' });
    await client.send('GET', '/api/auth/session');
    await signOut(client);
    await client.send('POST', '/api/auth/logout');
    expect(headersOf(calls[0])['x-csrf-token']).toBeUndefined();
    expect(headersOf(calls[1])['x-csrf-token']).toBeUndefined();
    expect(headersOf(calls[2])['x-csrf-token']).toBe('token-1');
    expect(headersOf(calls[3])['x-csrf-token']).toBeUndefined();
  });

  it('sends a caller\'s extra headers (an Idempotency-Key), never over the accept, content type or CSRF token', async () => {
    const { fetch, calls } = recordingFetch([json(200, sessionBody), json(201, {})]);
    const client = createApiClient(fetch);
    await signIn(client, { email: 'sam@example.org', password: 'pw' });
    await client.send('POST', '/api/x', { body: {}, headers: { 'idempotency-key': 'k-1', 'x-csrf-token': 'forged', accept: 'text/html' } });
    expect(headersOf(calls[1])).toMatchObject({ 'idempotency-key': 'k-1', 'x-csrf-token': 'token-1', accept: 'application/json, application/problem+json', 'content-type': 'application/json' });
  });

  it('takes the CSRF token from a restored session after a reload', async () => {
    const { fetch, calls } = recordingFetch([json(200, sessionBody), () => new Response(null, { status: 204 })]);
    const client = createApiClient(fetch);
    expect((await restoreSession(client))?.displayName).toBe('Sam Lee');
    await client.send('DELETE', '/api/anything');
    expect(headersOf(calls[1])['x-csrf-token']).toBe('token-1');
  });

  it('reads a signed-out session as undefined rather than an error', async () => {
    const problem = { type: 'urn:isocourse:problem:unauthenticated', title: 'Sign in first', status: 401, code: 'unauthenticated', requestId: 'r' };
    const { fetch } = recordingFetch([json(401, problem, 'application/problem+json; charset=utf-8')]);
    expect(await restoreSession(createApiClient(fetch))).toBeUndefined();
  });

  it('turns problem+json into an ApiError with code, detail, field errors and lockedUntil', async () => {
    const problem = {
      type: 'urn:isocourse:problem:account_locked',
      title: 'The account is locked for a while',
      status: 403,
      detail: 'Too many failed attempts.',
      code: 'account_locked',
      requestId: 'r',
      lockedUntil: '2026-03-01T10:15:00.000Z',
      errors: [{ pointer: '/email', detail: 'too short' }, { pointer: 7 }],
    };
    const { fetch } = recordingFetch([json(403, problem, 'application/problem+json')]);
    const error = await createApiClient(fetch).send('POST', '/api/auth/login', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.kind).toBe('problem');
    expect(apiError.code).toBe('account_locked');
    expect(apiError.detail).toBe('Too many failed attempts.');
    expect(apiError.lockedUntil).toBe('2026-03-01T10:15:00.000Z');
    // the malformed entry is dropped, the valid one kept
    expect(apiError.errors).toEqual([{ pointer: '/email', detail: 'too short' }]);
  });

  it('sends extra headers (an idempotency key) and keeps a problem\'s other members for the screen to parse', async () => {
    const problem = { type: 'urn:isocourse:problem:rule_blocked', title: 'Blocked', status: 422, code: 'rule_blocked', requestId: 'r1', decision: { outcome: 'blocked' } };
    const { fetch, calls } = recordingFetch([json(422, problem, 'application/problem+json')]);
    const error = await createApiClient(fetch)
      .send('POST', '/api/prescriptions/p1/authorizations', { headers: { 'idempotency-key': 'key-1' } })
      .catch((e: unknown) => e);
    expect(headersOf(calls[0])['idempotency-key']).toBe('key-1');
    expect((error as ApiError).extensions.decision).toEqual({ outcome: 'blocked' });
  });

  it('reads Retry-After seconds of a 429', async () => {
    const { fetch } = recordingFetch([
      () =>
        new Response(JSON.stringify({ code: 'too_many_requests', status: 429, title: 'Too many requests' }), {
          status: 429,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '42' },
        }),
    ]);
    const error = (await createApiClient(fetch).send('POST', '/api/auth/login').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('too_many_requests');
    expect(error.retryAfterSeconds).toBe(42);
  });

  it('calls an HTML error page from a proxy unexpected, not a problem', async () => {
    const { fetch } = recordingFetch([() => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })]);
    const error = (await createApiClient(fetch).send('GET', '/api/auth/session').catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe('unexpected');
    expect(error.status).toBe(502);
    expect(error.code).toBe('unexpected_response');
  });

  it('rejects a 200 whose body is not the contract shape', async () => {
    const { fetch } = recordingFetch([json(200, { user: { id: 'u1' }, csrfToken: 'x' })]);
    const error = (await restoreSession(createApiClient(fetch)).catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe('unexpected');
  });

  it('reports a failed connection as a network error', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = (await createApiClient(fetch).send('GET', '/api/auth/session').catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe('network');
    expect(error.code).toBe('network_error');
  });

  it('treats sign-out of an already ended session as signed out', async () => {
    const problem = { code: 'unauthenticated', status: 401, title: 'Sign in first' };
    const { fetch, calls } = recordingFetch([json(200, sessionBody), json(401, problem, 'application/problem+json'), () => new Response(null, { status: 204 })]);
    const client = createApiClient(fetch);
    await signIn(client, { email: 'sam@example.org', password: 'pw' });
    await signOut(client);
    await client.send('POST', '/api/other');
    expect(headersOf(calls[2])['x-csrf-token']).toBeUndefined();
  });
});
