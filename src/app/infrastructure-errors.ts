/**
 * Failures of what a use case runs on (the database is slow, restarting or gone), told apart from
 * programming errors so that the edge answers 503 with a stable code and the client knows to try
 * again, instead of a 500 that says "our bug". Nothing here reveals row values: only the kind.
 */
export type InfrastructureFailure = 'timeout' | 'unavailable';

/** SQLSTATEs of a statement stopped for taking too long (statement_timeout, lock_timeout). */
const TIMEOUT_STATES = new Set(['57014', '55P03']);
/** SQLSTATEs of a server shutting down, starting up or out of connections. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors from the driver when the server is not there. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// pg-pool and pg raise these without any code, so their (stable, library-owned) messages are the
// only way to know them; nothing else is classified by message.
const POOL_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';
const CONNECTION_LOST_MESSAGES = ['Connection terminated', 'Client has encountered a connection error', 'Client was closed and is not queryable'];

function property(error: object, name: string): string | undefined {
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

export function classifyInfrastructureError(error: unknown): InfrastructureFailure | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = property(error, 'code');
  if (code !== undefined) {
    if (TIMEOUT_STATES.has(code)) return 'timeout';
    // class 08: connection exceptions
    if (UNAVAILABLE_STATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code)) return 'unavailable';
  }
  const message = property(error, 'message') ?? '';
  if (message === POOL_TIMEOUT_MESSAGE) return 'timeout';
  if (CONNECTION_LOST_MESSAGES.some((m) => message.startsWith(m))) return 'unavailable';
  return undefined;
}
