import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Principal } from './auth/principal.js';
import {
  login,
  logout,
  resolveSession,
  type LoginResult,
  type RequestContext,
  type ResolvedSession,
} from './auth/sessions.js';
import { enableTotp, startTotpSetup } from './auth/totp-enrollment.js';
import { cryptoTokens, systemClock, type Clock, type TokenSource } from './ports.js';
import { checkReadiness, type ReadinessResult } from './readiness.js';

/**
 * The use cases the edges (HTTP, CLI) may call, bound to their dependencies. The HTTP layer
 * sees only this interface, never the database.
 */
export interface AppServices {
  readiness(): Promise<ReadinessResult>;
  readonly auth: {
    login(input: { email: string; password: string; totpCode?: string | undefined }, context: RequestContext): Promise<LoginResult>;
    resolveSession(token: string): Promise<ResolvedSession | undefined>;
    logout(session: ResolvedSession, context: RequestContext): Promise<void>;
    startTotpSetup(principal: Principal): Promise<{ secret: string; otpauthUri: string }>;
    enableTotp(principal: Principal, code: string): Promise<void>;
  };
}

export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly accepting: () => boolean;
  readonly clock?: Clock;
  readonly tokens?: TokenSource;
}

export function createAppServices(deps: AppDeps): AppServices {
  const auth = { db: deps.db, clock: deps.clock ?? systemClock, tokens: deps.tokens ?? cryptoTokens };
  return {
    readiness: () => checkReadiness(deps),
    auth: {
      login: (input, context) => login(auth, input, context),
      resolveSession: (token) => resolveSession(auth, token),
      logout: (session, context) => logout(auth, session, context),
      startTotpSetup: (principal) => startTotpSetup(auth, principal),
      enableTotp: (principal, code) => enableTotp(auth, principal, code),
    },
  };
}
