import { t } from '../i18n/t.js';
import type { ApiError } from './api-error.js';

/** What to tell a person about a failed call, in plain words, from the error's kind, status and code. */
export function apiErrorMessage(error: ApiError): string {
  switch (error.kind) {
    case 'network':
      return t('apiError.network');
    case 'unexpected':
      return t('apiError.unexpected');
    case 'problem':
      break;
    default: {
      const unreachable: never = error.kind;
      return unreachable;
    }
  }
  if (error.status === 401) return t('apiError.unauthenticated');
  if (error.status === 403) return t('apiError.forbidden');
  if (error.status === 404) return t('apiError.notFound');
  if (error.status === 409) return t('apiError.conflict');
  if (error.status === 400 || error.status === 422) {
    const detail = error.errors.length > 0 ? error.errors.map((problem) => problem.detail).join('; ') : (error.detail ?? error.code);
    return t('apiError.invalid', { detail });
  }
  if (error.status === 429) return t('apiError.rateLimited', { seconds: error.retryAfterSeconds ?? 60 });
  if (error.status === 503) return t('apiError.unavailable');
  return t('apiError.other', { code: error.code });
}
