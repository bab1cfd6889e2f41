/**
 * Errors a use case returns to its caller on purpose. Each has a stable code; the HTTP edge maps
 * the code to a status (src/http/problem.ts, exhaustive), the CLI to an exit code.
 */
export const APP_ERROR_CODES = [
  'unauthenticated',
  'invalid_credentials',
  'account_locked',
  'totp_required',
  'csrf_failed',
  'password_change_required',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_input',
  'rule_blocked',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: unknown;
  constructor(code: AppErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}
