import { useEffect, useState } from 'react';
import { checkReadiness, fetchVersion, type FetchJson, type Readiness } from './readiness.js';

/** How often the page asks again; often enough to notice an outage, rare enough to cost nothing. */
export const STATUS_INTERVAL_MS = 15_000;
/** A check that has not answered by then counts as unreachable rather than hanging the display. */
export const STATUS_TIMEOUT_MS = 5_000;

export interface ServerStatus {
  readonly readiness: Readiness;
  readonly version: string | undefined;
}

const initial: ServerStatus = { readiness: 'checking', version: undefined };

// One function for the app's lifetime: a new one per render would restart the polling effect.
const browserFetch: FetchJson = (path, init) => fetch(path, init);

/**
 * Asks /readyz and /healthz on mount and every `intervalMs`. A check never overlaps the previous
 * one, and an unchanged answer keeps the same state object, so the live region is not re-announced.
 */
export function useServerStatus(
  intervalMs: number = STATUS_INTERVAL_MS,
  fetchJson: FetchJson = browserFetch,
): ServerStatus {
  const [status, setStatus] = useState<ServerStatus>(initial);

  useEffect(() => {
    let stopped = false;
    let inFlight: AbortController | undefined;

    const check = async (): Promise<void> => {
      if (inFlight !== undefined) return;
      const controller = new AbortController();
      inFlight = controller;
      const timer = window.setTimeout(() => {
        controller.abort();
      }, STATUS_TIMEOUT_MS);
      try {
        const [readiness, version] = await Promise.all([
          checkReadiness(fetchJson, controller.signal),
          fetchVersion(fetchJson, controller.signal),
        ]);
        if (stopped) return;
        setStatus((previous) =>
          previous.readiness === readiness && previous.version === version ? previous : { readiness, version },
        );
      } finally {
        window.clearTimeout(timer);
        inFlight = undefined;
      }
    };

    void check();
    const interval = window.setInterval(() => {
      void check();
    }, intervalMs);
    return () => {
      stopped = true;
      window.clearInterval(interval);
      inFlight?.abort();
    };
  }, [intervalMs, fetchJson]);

  return status;
}
