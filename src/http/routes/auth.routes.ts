import { SESSION_ABSOLUTE_MS } from '../../app/auth/sessions.js';
import {
  loginRequestSchema,
  sessionResponseSchema,
  totpEnableRequestSchema,
  totpSetupResponseSchema,
  type LoginRequest,
  type SessionResponse,
} from '../../contracts/auth.js';
import type { Principal } from '../../app/auth/principal.js';
import { clearSessionCookie, principal, requestContext, setSessionCookie } from '../auth/session-hook.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import type { ServerDeps } from '../server-deps.js';

/** Presenter: the fields a client may see about the signed-in user, listed explicitly. */
function presentUser(p: Principal): SessionResponse['user'] {
  return {
    id: p.userId,
    displayName: p.displayName,
    role: p.role,
    clinicId: p.clinicId,
    pharmacyId: p.pharmacyId,
    patientId: p.patientId,
    actsFor: [...p.actsFor],
  };
}

export function authRoutes(deps: ServerDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/auth/login',
      public: true,
      operationId: 'login',
      summary: 'Sign in with e-mail, password and (when enabled) a one-time code; sets an HttpOnly session cookie',
      tags: ['auth'],
      body: loginRequestSchema,
      rateLimit: { max: 10, timeWindowMs: 60_000 },
      responses: { 200: { description: 'Signed in', schema: sessionResponseSchema } },
      handler: async (request, reply, body: LoginRequest): Promise<SessionResponse> => {
        const result = await deps.app.auth.login(body, requestContext(request));
        setSessionCookie(reply, request, result.sessionToken, SESSION_ABSOLUTE_MS / 1000);
        return { user: presentUser(result.principal), csrfToken: result.csrfToken, credentialChangeRequired: result.mustChangePassword };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/auth/session',
      operationId: 'getSession',
      summary: 'The signed-in user and the CSRF token of the session',
      tags: ['auth'],
      responses: { 200: { description: 'Signed in', schema: sessionResponseSchema } },
      handler: (request): Promise<SessionResponse> => {
        const p = principal(request);
        return Promise.resolve({ user: presentUser(p), csrfToken: request.authSession?.csrfToken ?? '', credentialChangeRequired: request.authSession?.mustChangePassword ?? false });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/logout',
      operationId: 'logout',
      summary: 'Sign out: ends the server-side session',
      tags: ['auth'],
      responses: { 204: { description: 'Signed out' } },
      handler: async (request, reply) => {
        principal(request);
        if (request.authSession !== null) await deps.app.auth.logout(request.authSession, requestContext(request));
        clearSessionCookie(reply);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/totp/setup',
      operationId: 'startTotpSetup',
      summary: 'Staff: create a one-time-code secret (active once a code proves it)',
      tags: ['auth'],
      responses: { 200: { description: 'Scan the URI with an authenticator app', schema: totpSetupResponseSchema } },
      handler: (request) => deps.app.auth.startTotpSetup(principal(request)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/totp/enable',
      operationId: 'enableTotp',
      summary: 'Staff: turn on one-time codes by proving one',
      tags: ['auth'],
      body: totpEnableRequestSchema,
      responses: { 204: { description: 'Enabled' } },
      handler: async (request, reply, body: { code: string }) => {
        await deps.app.auth.enableTotp(principal(request), body.code);
        return reply.code(204).send();
      },
    }),
  ];
}
