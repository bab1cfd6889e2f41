import { useSyncExternalStore } from 'react';

// A client-side router small enough to read in one go, which spares a dependency. The server
// answers index.html for unknown paths, so every client route also works when loaded directly
// or reloaded.
const NAVIGATE_EVENT = 'isocourse:navigate';

/** How the address last changed: `redirect` is the app's own doing, not the person's. */
export type NavigationKind = 'load' | 'push' | 'replace' | 'redirect' | 'pop';

let lastKind: NavigationKind = 'load';

function subscribe(onChange: () => void): () => void {
  const onPop = (): void => {
    lastKind = 'pop';
    onChange();
  };
  window.addEventListener('popstate', onPop);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onPop);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function currentPath(): string {
  return window.location.pathname;
}

function currentSearch(): string {
  return window.location.search;
}

/** The current URL path; the component re-renders when it changes. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** The current query string (`?next=...` or ''); the component re-renders when it changes. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch);
}

export function lastNavigationKind(): NavigationKind {
  return lastKind;
}

export interface NavigateOptions {
  /** Replace the current history entry (after sign-in, the sign-in form is not a place to go back to). */
  readonly replace?: boolean;
  /** The app sends the person elsewhere on its own (a signed-out visit to a protected page). */
  readonly redirect?: boolean;
}

/** Moves to a path (with an optional query) inside the app without reloading the page. */
export function navigate(path: string, options: NavigateOptions = {}): void {
  if (path === window.location.pathname + window.location.search) return;
  const replace = options.replace === true || options.redirect === true;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  lastKind = options.redirect === true ? 'redirect' : replace ? 'replace' : 'push';
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
