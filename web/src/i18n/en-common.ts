/** Messages shared by every screen that reads or writes through the API. */
export const enCommon = {
  'load.loading': 'Loading…',
  'load.refreshing': 'Updating…',
  'load.retry': 'Try again',
  'apiError.network': 'The server could not be reached. Check your connection and try again.',
  'apiError.unexpected': 'The server gave an answer this page cannot read. Try again in a moment.',
  'apiError.unauthenticated': 'Your session has ended. Sign in again to continue.',
  'apiError.forbidden': 'Your role or clinic does not give you access to this.',
  'apiError.notFound': 'This was not found. It may have been removed, or the address is wrong.',
  'apiError.conflict': 'This changed in the meantime (someone else may have done it already). Reload to see where it stands.',
  'apiError.invalid': 'Some of what was entered is not valid: {detail}',
  'apiError.rateLimited': 'Too many requests. Wait {seconds} seconds and try again.',
  'apiError.unavailable': 'The service is busy or down for a moment. Try again shortly.',
  'apiError.other': 'Something went wrong ({code}). Try again; if it keeps happening, tell your clinic or administrator.',
} as const;
