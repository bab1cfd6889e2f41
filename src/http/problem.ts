import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { AppErrorCode } from '../app/errors.js';
import type { Problem } from '../contracts/problem.js';

/** Every error code the HTTP API can answer with, and its status (exhaustive at compile time). */
export const problemStatus = {
  invalid_json: 400,
  validation_failed: 400,
  invalid_input: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  csrf_failed: 403,
  password_change_required: 403,
  forbidden: 403,
  account_locked: 403,
  not_found: 404,
  conflict: 409,
  rule_blocked: 422,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal_error: 500,
  not_ready: 503,
  timeout: 503,
  web_app_not_built: 503,
} as const satisfies Record<string, number>;

export type ProblemCode = keyof typeof problemStatus;

const titles = {
  invalid_json: 'The request body is not valid JSON',
  validation_failed: 'The request is not valid',
  invalid_input: 'The request cannot be carried out as given',
  unauthenticated: 'Sign in first',
  invalid_credentials: 'Sign-in failed',
  totp_required: 'A one-time code is needed',
  csrf_failed: 'The request is missing its CSRF token',
  password_change_required: 'Choose your own password first',
  forbidden: 'Not allowed',
  account_locked: 'The account is locked for a while',
  not_found: 'Not found',
  conflict: 'Conflict with the current state',
  rule_blocked: 'The programme rules do not allow this now',
  method_not_allowed: 'Method not allowed',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  too_many_requests: 'Too many requests',
  internal_error: 'Internal error',
  not_ready: 'The service is not ready',
  timeout: 'The request took too long',
  web_app_not_built: 'The web app has not been built',
} as const satisfies Record<ProblemCode, string>;

export interface FieldIssue {
  readonly pointer: string;
  readonly detail: string;
}

/** An error a handler throws on purpose; it becomes a problem+json response at the edge. */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly detail: string | undefined;
  readonly errors: readonly FieldIssue[] | undefined;
  constructor(code: ProblemCode, detail?: string, errors?: readonly FieldIssue[]) {
    super(detail ?? titles[code]);
    this.name = 'ProblemError';
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }
}

export function problemBody(
  code: ProblemCode,
  request: FastifyRequest,
  detail?: string,
  errors?: readonly FieldIssue[],
  extra?: Readonly<Record<string, unknown>>,
): Problem {
  return {
    type: `urn:isocourse:problem:${code}`,
    title: titles[code],
    status: problemStatus[code],
    ...(detail === undefined ? {} : { detail }),
    instance: request.url.split('?')[0] ?? '/',
    code,
    requestId: request.id,
    ...(errors === undefined ? {} : { errors: [...errors] }),
    ...(extra ?? {}),
  };
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ProblemCode,
  detail?: string,
  errors?: readonly FieldIssue[],
  extra?: Readonly<Record<string, unknown>>,
): FastifyReply {
  return reply
    .code(problemStatus[code])
    .type('application/problem+json; charset=utf-8')
    .send(problemBody(code, request, detail, errors, extra));
}

/** Every application error code has its problem code (exhaustive at compile time). */
export const appErrorProblem = {
  unauthenticated: 'unauthenticated',
  invalid_credentials: 'invalid_credentials',
  account_locked: 'account_locked',
  totp_required: 'totp_required',
  csrf_failed: 'csrf_failed',
  password_change_required: 'password_change_required',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  invalid_input: 'invalid_input',
  rule_blocked: 'rule_blocked',
} as const satisfies Record<AppErrorCode, ProblemCode>;

/** Maps errors raised by Fastify itself (content-type parsing, body limits) to our codes. */
export function classifyFrameworkError(error: FastifyError): [ProblemCode, string] | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return ['unsupported_media_type', 'Send the body as application/json.'];
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return ['payload_too_large', 'The request body exceeds the size limit.'];
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return ['invalid_json', 'The body is empty but the content type is application/json.'];
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return ['invalid_json', 'The Content-Length header does not match the body.'];
    default:
      break;
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return ['invalid_json', 'The body could not be parsed as JSON.'];
  }
  return undefined;
}
