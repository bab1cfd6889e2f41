import type { FastifyInstance } from 'fastify';
import type { TestUser } from '../../app/testing/builders.js';

/**
 * One HTTP client shape over two transports: `app.inject` (in-process server) and `fetch` (a
 * real `isocourse serve` process). Tests that prove the same property on both (the race tests)
 * and table-driven tests (every route x role) are written once against this interface.
 */
export interface HttpResponse {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape it expects, as light-my-request's json<T>() does
  json<T = unknown>(): T;
}

export interface RequestOptions {
  /** A JSON value, sent as application/json. */
  readonly body?: unknown;
  /** Bytes sent as they are (malformed bodies, images); set the content type in `headers`. */
  readonly rawBody?: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HttpClient {
  /** Who is talking (for failure messages). */
  readonly who: string;
  request(method: string, url: string, options?: RequestOptions): Promise<HttpResponse>;
  get(url: string): Promise<HttpResponse>;
  post(url: string, body?: unknown, headers?: Readonly<Record<string, string>>): Promise<HttpResponse>;
}

/** Sends one request; `headers` already hold the cookie and CSRF token when signed in. */
export type Transport = (method: string, url: string, headers: Record<string, string>, payload: string | Buffer | undefined) => Promise<HttpResponse & { readonly setCookies: readonly string[] }>;

function response(status: number, contentType: string, text: string): HttpResponse {
  return {
    status,
    contentType,
    text,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- see HttpResponse.json
    json: <T>() => JSON.parse(text) as T,
  };
}

let addressCounter = 0;
/**
 * A fresh client address for each in-process client, so the per-address sign-in limit (10 a
 * minute) of one test's many sign-ins does not throttle the others.
 */
export function nextClientAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

export function injectTransport(app: FastifyInstance, remoteAddress = nextClientAddress()): Transport {
  return async (method, url, headers, payload) => {
    const r = await app.inject({
      method: method as 'GET',
      url,
      headers,
      remoteAddress,
      ...(payload === undefined ? {} : { payload }),
    });
    const setCookie = r.headers['set-cookie'];
    return {
      ...response(r.statusCode, String(r.headers['content-type'] ?? ''), r.body),
      setCookies: setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie],
    };
  };
}

export function fetchTransport(baseUrl: string): Transport {
  return async (method, url, headers, payload) => {
    const body = typeof payload === 'string' || payload === undefined ? payload : new Uint8Array(payload);
    const r = await fetch(`${baseUrl}${url}`, { method, headers, ...(body === undefined ? {} : { body }) });
    return { ...response(r.status, r.headers.get('content-type') ?? '', await r.text()), setCookies: r.headers.getSetCookie() };
  };
}

function client(who: string, transport: Transport, session: () => Record<string, string>): HttpClient {
  const request = async (method: string, url: string, options: RequestOptions = {}): Promise<HttpResponse> => {
    const headers: Record<string, string> = { ...session(), ...(options.headers ?? {}) };
    let payload: string | Buffer | undefined;
    if (options.rawBody !== undefined) payload = options.rawBody;
    else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    return transport(method, url, headers, payload);
  };
  return {
    who,
    request,
    get: (url) => request('GET', url),
    post: (url, body, headers) => request('POST', url, { body, ...(headers === undefined ? {} : { headers }) }),
  };
}

/** A client without a session. */
export function signedOut(transport: Transport): HttpClient {
  return client('signed out', transport, () => ({}));
}

/** Signs the user in and returns a client carrying the session cookie and the CSRF token. */
export async function signIn(transport: Transport, user: TestUser): Promise<HttpClient> {
  const login = await transport('POST', '/api/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ email: user.email, password: user.password }));
  if (login.status !== 200) throw new Error(`sign-in of ${user.role} ${user.email} failed: ${login.status} ${login.text}`);
  const cookie = login.setCookies.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('isocourse_session='));
  if (cookie === undefined) throw new Error(`sign-in of ${user.email} set no session cookie`);
  const csrf = login.json<{ csrfToken: string }>().csrfToken;
  return client(user.role, transport, () => ({ cookie, 'x-csrf-token': csrf }));
}
