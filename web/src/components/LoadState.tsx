import type { ReactNode } from 'react';
import { apiErrorMessage } from '../api/api-error-message.js';
import type { Query } from '../api/use-api-query.js';
import { t } from '../i18n/t.js';

/**
 * Shows a read's state: "Loading…" as a polite status, a failure with what to do and a retry
 * button, or the content once the data is there (with a quiet "Updating…" while it is read again).
 */
export function LoadState<T>({ query, children, testId }: { readonly query: Query<T>; readonly children: (data: T) => ReactNode; readonly testId?: string }) {
  const { state, reload } = query;
  switch (state.status) {
    case 'loading':
      return (
        <p className="notice notice--quiet" role="status" data-testid={testId === undefined ? undefined : `${testId}-loading`}>
          {t('load.loading')}
        </p>
      );
    case 'error':
      return (
        <div className="notice notice--error" role="alert" data-testid={testId === undefined ? undefined : `${testId}-error`}>
          <p>{apiErrorMessage(state.error)}</p>
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('load.retry')}
          </button>
        </div>
      );
    case 'ready':
      return (
        <>
          {state.refreshing ? (
            <p className="visually-hidden" role="status">
              {t('load.refreshing')}
            </p>
          ) : null}
          {children(state.data)}
        </>
      );
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
