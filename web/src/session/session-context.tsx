import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginRequest } from '../../../src/contracts/auth.js';
import { restoreSession, signIn as apiSignIn, signOut as apiSignOut, type SessionUser } from '../api/auth-api.js';
import { apiClient } from '../api/browser-client.js';
import type { ApiClient } from '../api/client.js';

/**
 * What the app knows about the person. `checking` lasts until GET /api/auth/session answers (on
 * every page load, so a reload keeps the session the HttpOnly cookie still holds);
 * `unavailable` means that check failed (server down): protected pages offer to try again
 * instead of pretending the person is signed out.
 */
export type SessionState =
  | { readonly status: 'checking' }
  | { readonly status: 'signedOut'; readonly justSignedOut: boolean }
  | { readonly status: 'signedIn'; readonly user: SessionUser }
  | { readonly status: 'unavailable' };

export interface Session {
  readonly state: SessionState;
  /** Signs in; rejects with the ApiError of a refused sign-in (the page explains it). */
  readonly signIn: (request: LoginRequest) => Promise<SessionUser>;
  /**
   * Signs out on the server; rejects when the server could not be told (the person stays signed
   * in). `beforeUpdate` runs once the server agreed and before the app forgets the user, so a
   * page can move on without the protected page behind it redirecting first.
   */
  readonly signOut: (beforeUpdate?: () => void) => Promise<void>;
  /** Asks the server again after `unavailable`. */
  readonly recheck: () => void;
  /** The API client holding this session's CSRF token: every screen's calls go through it. */
  readonly client: ApiClient;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children, client = apiClient }: { readonly children: ReactNode; readonly client?: ApiClient }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [checks, setChecks] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    restoreSession(client, controller.signal).then(
      (user) => {
        setState(user === undefined ? { status: 'signedOut', justSignedOut: false } : { status: 'signedIn', user });
      },
      () => {
        if (!controller.signal.aborted) setState({ status: 'unavailable' });
      },
    );
    return () => {
      controller.abort();
    };
  }, [client, checks]);

  const signIn = useCallback(
    async (request: LoginRequest): Promise<SessionUser> => {
      const user = await apiSignIn(client, request);
      setState({ status: 'signedIn', user });
      return user;
    },
    [client],
  );

  const signOut = useCallback(async (beforeUpdate?: () => void): Promise<void> => {
    await apiSignOut(client);
    beforeUpdate?.();
    setState({ status: 'signedOut', justSignedOut: true });
  }, [client]);

  const recheck = useCallback(() => {
    setState({ status: 'checking' });
    setChecks((n) => n + 1);
  }, []);

  const value = useMemo<Session>(() => ({ state, signIn, signOut, recheck, client }), [state, signIn, signOut, recheck, client]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession needs a SessionProvider above it');
  return session;
}

/** The signed-in user; only for components that the router shows to signed-in people. */
export function useSignedInUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useSignedInUser outside a signed-in page');
  return state.user;
}

/** The session's API client (see `Session.client`). */
export function useApiClient(): ApiClient {
  return useSession().client;
}
