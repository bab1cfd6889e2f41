/**
 * The page to return to after signing in, from `?next=`. Only a path of this app is accepted
 * (it starts with one `/`, no scheme, no `//host`, no backslash that some browsers read as `/`),
 * so a crafted sign-in link cannot send a person to another site after they sign in.
 */
export function safeReturnPath(next: string | null): string | undefined {
  if (next === null || next === '') return undefined;
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return undefined;
  // control characters (a newline, a tab) have no business in an address we built ourselves
  for (let i = 0; i < next.length; i += 1) {
    const code = next.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return undefined;
  }
  if (next === '/sign-in' || next.startsWith('/sign-in?') || next.startsWith('/sign-in/')) return undefined;
  return next;
}

/** The sign-in address that brings a person back to `path` afterwards. */
export function signInPathFor(path: string): string {
  return safeReturnPath(path) === undefined ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`;
}
