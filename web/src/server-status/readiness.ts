/** What the page tells a person about the server. `checking` is only shown before the first answer. */
export type Readiness = 'checking' | 'ready' | 'not_ready' | 'unreachable';

export type CheckedReadiness = Exclude<Readiness, 'checking'>;

/** The part of `fetch` we use, so tests and callers can pass their own. */
export type FetchJson = (path: string, init: RequestInit) => Promise<Response>;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/**
 * Judges an answer of GET /readyz. Ready means exactly the contract's 200 body with the database
 * up; a gateway error (502, 504) means the server behind it could not be reached; anything else,
 * including the 503 problem+json, is "not ready" rather than a guess.
 */
export function interpretReadiness(status: number, body: unknown): CheckedReadiness {
  if (status === 502 || status === 504) return 'unreachable';
  if (status === 200 && isRecord(body) && body.status === 'ready' && body.database === 'up') return 'ready';
  return 'not_ready';
}

/** The version in a GET /healthz body, or undefined when the answer is not the contract's. */
export function interpretVersion(status: number, body: unknown): string | undefined {
  if (status !== 200 || !isRecord(body) || typeof body.version !== 'string' || body.version === '') return undefined;
  return body.version;
}

const requestInit = (signal: AbortSignal): RequestInit => ({
  signal,
  cache: 'no-store',
  headers: { accept: 'application/json' },
});

export async function checkReadiness(fetchJson: FetchJson, signal: AbortSignal): Promise<CheckedReadiness> {
  let response: Response;
  try {
    response = await fetchJson('/readyz', requestInit(signal));
  } catch {
    // a network failure, a refused connection or our own time-out all mean the same to a person
    return 'unreachable';
  }
  return interpretReadiness(response.status, await readJson(response));
}

export async function fetchVersion(fetchJson: FetchJson, signal: AbortSignal): Promise<string | undefined> {
  try {
    const response = await fetchJson('/healthz', requestInit(signal));
    return interpretVersion(response.status, await readJson(response));
  } catch {
    return undefined;
  }
}
