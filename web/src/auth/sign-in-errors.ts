import { ApiError, pointerField } from '../api/api-error.js';
import { formatClockTime, formatDayMonth, isSameLocalDay } from '../i18n/format.js';
import { t } from '../i18n/t.js';

export type SignInField = 'email' | 'password' | 'totpCode';

export interface SignInValues {
  readonly email: string;
  readonly password: string;
  readonly totpCode: string;
}

/** What the sign-in form shows after an attempt. */
export type SignInOutcome =
  | { readonly kind: 'needsCode' }
  | {
      readonly kind: 'problem';
      /** A message about the whole attempt (wrong details, locked, too many attempts). */
      readonly general: string | undefined;
      readonly fields: Partial<Record<SignInField, string>>;
    };

const FIELD_MESSAGES = {
  email: 'signIn.error.emailInvalid',
  password: 'signIn.error.passwordMissing',
  totpCode: 'signIn.error.codeFormat',
} as const;

const isSignInField = (name: string | undefined): name is SignInField => name === 'email' || name === 'password' || name === 'totpCode';

/** Checks before sending: only what is certainly wrong; the server judges the rest. */
export function checkBeforeSending(values: SignInValues, needsCode: boolean): Partial<Record<SignInField, string>> {
  const fields: Partial<Record<SignInField, string>> = {};
  if (values.email.trim() === '') fields.email = t('signIn.error.emailMissing');
  if (values.password === '') fields.password = t('signIn.error.passwordMissing');
  if (needsCode && !/^\d{6}$/.test(values.totpCode.trim())) fields.totpCode = t('signIn.error.codeFormat');
  return fields;
}

function lockedMessage(lockedUntil: string | undefined, now: Date, timeZone: string | undefined): string {
  const until = lockedUntil === undefined ? undefined : new Date(lockedUntil);
  if (until === undefined || Number.isNaN(until.getTime())) return t('signIn.error.lockedNoTime');
  const time = formatClockTime(until, timeZone);
  return isSameLocalDay(until, now, timeZone)
    ? t('signIn.error.locked', { time })
    : t('signIn.error.lockedOtherDay', { time, day: formatDayMonth(until, timeZone) });
}

/**
 * The words for a refused sign-in, by the server's problem code. Wrong e-mail and wrong password
 * get the same message, so the page never tells whether an account exists.
 */
export function describeSignInError(error: unknown, needsCode: boolean, now: Date, timeZone?: string): SignInOutcome {
  const problem = (general: string | undefined, fields: Partial<Record<SignInField, string>> = {}): SignInOutcome => ({
    kind: 'problem',
    general,
    fields,
  });
  if (!(error instanceof ApiError) || error.kind !== 'problem') return problem(t('signIn.error.unavailable'));
  switch (error.code) {
    case 'totp_required':
      return { kind: 'needsCode' };
    case 'invalid_credentials':
      return problem(needsCode ? t('signIn.error.wrongDetailsWithCode') : t('signIn.error.wrongDetails'));
    case 'account_locked':
      return problem(lockedMessage(error.lockedUntil, now, timeZone));
    case 'too_many_requests':
      return problem(
        error.retryAfterSeconds === undefined
          ? t('signIn.error.tooManyAttempts')
          : t('signIn.error.tooManyAttemptsWait', { seconds: error.retryAfterSeconds }),
      );
    case 'validation_failed': {
      const fields: Partial<Record<SignInField, string>> = {};
      let unknownField = false;
      for (const issue of error.errors) {
        const name = pointerField(issue.pointer);
        if (isSignInField(name)) fields[name] = t(FIELD_MESSAGES[name]);
        else unknownField = true;
      }
      const noneMapped = Object.keys(fields).length === 0;
      return problem(unknownField || noneMapped ? t('signIn.error.checkDetails') : undefined, fields);
    }
    default:
      return problem(t('signIn.error.unavailable'));
  }
}
