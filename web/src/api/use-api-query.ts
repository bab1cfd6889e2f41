import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../session/session-context.js';
import { ApiError } from './api-error.js';
import type { BodyParser } from './client.js';

/** Where a read stands: loading (first time or again), failed with a typed error, or ready. */
export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ApiError }
  | { readonly status: 'ready'; readonly data: T; readonly refreshing: boolean };

export interface Query<T> {
  readonly state: QueryState<T>;
  /** Reads again (after a change the screen made); the shown data stays until the answer comes. */
  readonly reload: () => void;
}

const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError({ kind: 'unexpected', status: 0, code: 'unexpected_response' });

/**
 * GETs `path` (an API address; `undefined` waits) and parses the answer with `parse`. A new path
 * or a reload aborts the request still running, and an unmounted screen ignores late answers, so
 * the screen never shows an older answer over a newer one.
 */
export function useApiQuery<T>(path: string | undefined, parse: BodyParser<T>): Query<T> {
  const client = useApiClient();
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  // the latest parser, without making a new closure per render a reason to read again
  const parseRef = useRef(parse);
  parseRef.current = parse;

  useEffect(() => {
    if (path === undefined) return undefined;
    const controller = new AbortController();
    setState((previous) => (previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' }));
    client.sendFor('GET', path, (body) => parseRef.current(body), { signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data, refreshing: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(error) });
      },
    );
    return () => {
      controller.abort();
    };
  }, [client, path, generation]);

  const reload = useCallback(() => {
    setGeneration((n) => n + 1);
  }, []);

  return { state, reload };
}
