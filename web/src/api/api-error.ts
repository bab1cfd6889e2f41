/**
 * What can go wrong with an API call, as one typed error. `problem` is an RFC 9457 answer of our
 * server (its stable `code` decides what a screen says); `network` means no answer arrived;
 * `unexpected` is an answer that is neither the contract's body nor problem+json (a proxy's HTML
 * error page, a truncated body): screens treat it like a temporary failure, never as success.
 */
export type ApiErrorKind = 'problem' | 'network' | 'unexpected';

export interface FieldProblem {
  /** JSON Pointer to the request field, e.g. `/email`. */
  readonly pointer: string;
  readonly detail: string;
}

export interface ApiErrorInit {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly code: string;
  readonly title?: string | undefined;
  readonly detail?: string | undefined;
  readonly errors?: readonly FieldProblem[] | undefined;
  /** `account_locked`: the instant (ISO 8601) after which signing in works again. */
  readonly lockedUntil?: string | undefined;
  /** From the Retry-After header of a 429 or 503, in seconds. */
  readonly retryAfterSeconds?: number | undefined;
  /** The problem's other members (e.g. the programme `decision` of a `rule_blocked`), unchecked: parse before use. */
  readonly extensions?: Readonly<Record<string, unknown>> | undefined;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly code: string;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly errors: readonly FieldProblem[];
  readonly lockedUntil: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: ApiErrorInit) {
    super(init.detail ?? init.title ?? init.code);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.lockedUntil = init.lockedUntil;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.extensions = init.extensions ?? {};
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) =>
    isRecord(entry) && typeof entry.pointer === 'string' && typeof entry.detail === 'string'
      ? [{ pointer: entry.pointer, detail: entry.detail }]
      : [],
  );
}

/** Seconds from a Retry-After header (delta-seconds form only; an HTTP date is ignored). */
export function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || !/^\d{1,6}$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

/**
 * The error for a non-2xx answer. A problem+json body with a string `code` is trusted for its
 * fields, each checked by type (a wrong type is dropped, never passed on); anything else becomes
 * `unexpected` with the HTTP status, so a screen never shows a proxy's page as our message.
 */
export function errorFromResponse(status: number, contentType: string | null, body: unknown, retryAfter: string | null): ApiError {
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  const isProblem = (contentType ?? '').toLowerCase().includes('application/problem+json');
  if (!isProblem || !isRecord(body) || typeof body.code !== 'string' || body.code === '') {
    return new ApiError({ kind: 'unexpected', status, code: 'unexpected_response', retryAfterSeconds });
  }
  return new ApiError({
    kind: 'problem',
    status,
    code: body.code,
    title: optionalString(body.title),
    detail: optionalString(body.detail),
    errors: fieldProblems(body.errors),
    lockedUntil: optionalString(body.lockedUntil),
    retryAfterSeconds,
    extensions: body,
  });
}

export function networkError(): ApiError {
  return new ApiError({ kind: 'network', status: 0, code: 'network_error' });
}

/** The field name a JSON Pointer names at the top level (`/email` -> `email`), or undefined. */
export function pointerField(pointer: string): string | undefined {
  const match = /^\/([^/]+)$/.exec(pointer);
  return match?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
}
