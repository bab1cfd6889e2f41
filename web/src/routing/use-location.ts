import { useSyncExternalStore } from 'react';

// A client-side router small enough to read in one go: the four placeholder areas need no more,
// and it spares a dependency. The server answers index.html for unknown paths, so every client
// route also works when loaded directly or reloaded.
const NAVIGATE_EVENT = 'isocourse:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function currentPath(): string {
  return window.location.pathname;
}

/** The current URL path; the component re-renders when it changes. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** Moves to a path inside the app without reloading the page. */
export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
