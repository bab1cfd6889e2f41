import { ApiError, errorFromResponse, networkError } from './api-error.js';

/** The part of `fetch` the client uses, so tests can pass their own. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Methods that change something: the server refuses them without the session's CSRF token. */
const UNSAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const CSRF_HEADER = 'x-csrf-token';

export interface RequestOptions {
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** Extra request headers, e.g. `idempotency-key` for a write that must happen once. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Turns a parsed JSON body into the expected type, or undefined when it is not that shape. */
export type BodyParser<T> = (body: unknown) => T | undefined;

export interface ApiClient {
  /** Sends a request; resolves with the parsed JSON body (undefined for 204), rejects with ApiError. */
  send(method: HttpMethod, path: string, options?: RequestOptions): Promise<unknown>;
  /** Like `send`, and checks the body's shape: a 2xx with another shape rejects as `unexpected`. */
  sendFor<T>(method: HttpMethod, path: string, parse: BodyParser<T>, options?: RequestOptions): Promise<T>;
  /**
   * The session's CSRF token, from the sign-in or session answer. It lives in this object only:
   * never in localStorage or a readable cookie, where an injected script could read it later.
   */
  setCsrfToken(token: string | undefined): void;
}

async function readBody(response: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await response.text();
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * A JSON client for our own API: same-origin cookies (the HttpOnly session cookie goes along,
 * nothing else can), `x-csrf-token` on every unsafe method once a token is known, no caching of
 * health data, and every failure as an ApiError carrying the server's problem `code`.
 */
export function createApiClient(fetchFn: FetchLike): ApiClient {
  let csrfToken: string | undefined;

  const send = async (method: HttpMethod, path: string, options: RequestOptions = {}): Promise<unknown> => {
    const headers: Record<string, string> = { ...options.headers, accept: 'application/json, application/problem+json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (UNSAFE_METHODS.has(method) && csrfToken !== undefined) headers[CSRF_HEADER] = csrfToken;
    let response: Response;
    try {
      response = await fetchFn(path, {
        method,
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
    } catch (error) {
      // an abort is the caller's own decision: it must not be reported as "server unreachable"
      if (options.signal?.aborted === true) throw error;
      throw networkError();
    }
    const body = await readBody(response);
    if (!response.ok) {
      return Promise.reject(
        errorFromResponse(
          response.status,
          response.headers.get('content-type'),
          body.ok ? body.value : undefined,
          response.headers.get('retry-after'),
        ),
      );
    }
    if (!body.ok) throw new ApiError({ kind: 'unexpected', status: response.status, code: 'unexpected_response' });
    return body.value;
  };

  return {
    send,
    async sendFor<T>(method: HttpMethod, path: string, parse: BodyParser<T>, options?: RequestOptions): Promise<T> {
      const body = await send(method, path, options);
      const parsed = parse(body);
      if (parsed === undefined) throw new ApiError({ kind: 'unexpected', status: 200, code: 'unexpected_response' });
      return parsed;
    },
    setCsrfToken(token) {
      csrfToken = token === '' ? undefined : token;
    },
  };
}
