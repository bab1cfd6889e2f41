import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../app/auth/principal.js';
import { csrfMatches, type RequestContext, type ResolvedSession } from '../../app/auth/sessions.js';
import { AppError } from '../../app/errors.js';
import type { AppServices } from '../../app/services.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session, resolved from the HttpOnly cookie; null when signed out. */
    authSession: ResolvedSession | null;
  }
}

export const SESSION_COOKIE = 'isocourse_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What a session with a temporary password may do: see itself, sign out or in again, choose a password. */
const WHILE_TEMPORARY = new Set(['/api/auth/session', '/api/auth/logout', '/api/auth/login', '/api/account/password']);

/**
 * Resolves the session cookie on every API request and enforces CSRF on unsafe methods: a
 * signed-in request that changes something must carry the session's token in `x-csrf-token`
 * (SameSite=Strict cookies already stop cross-site sends; the token is the second wall).
 */
export async function registerSessions(app: FastifyInstance, services: AppServices): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('authSession', null);
  app.addHook('preHandler', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') && !path.startsWith('/fhir/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined || token === '') return;
    const session = await services.auth.resolveSession(token);
    if (session === undefined) return;
    if (UNSAFE.has(request.method) && !csrfMatches(session.csrfToken, headerValue(request, 'x-csrf-token'))) {
      throw new AppError('csrf_failed', 'Send the x-csrf-token header you received at sign-in.');
    }
    if (session.mustChangePassword && !WHILE_TEMPORARY.has(path.replace(/\/+$/, ''))) {
      throw new AppError('password_change_required', 'You signed in with a temporary password: choose your own with POST /api/account/password first.');
    }
    request.authSession = session;
  });
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, maxAgeSeconds: number): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The signed-in principal, or a 401 problem. */
export function principal(request: FastifyRequest): Principal {
  if (request.authSession === null) throw new AppError('unauthenticated', 'Sign in first.');
  return request.authSession.principal;
}

export function requestContext(request: FastifyRequest): RequestContext {
  return { ip: request.ip, requestId: request.id };
}
