import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ProblemError, type FieldIssue } from './problem.js';
import { hostileBodyIssues } from './input-guard.js';

/**
 * A route declared as data: the same zod schemas validate the request, type the handler and
 * generate the OpenAPI document (docs/adr/0005-zod-schemas.md).
 */
export interface RouteResponse {
  readonly description: string;
  readonly schema?: z.ZodType;
  readonly contentType?: string;
}

export interface RouteDefinition<Body = unknown, Query = unknown> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly body?: z.ZodType<Body>;
  /** Query parameters (an object schema of strings, coerced as needed); every issue is a 400. */
  readonly query?: z.ZodType<Query>;
  /**
   * Reachable without a session (health checks, sign-in, this API's document). Every other route
   * answers 401 to a signed-out caller before its body is even read: access is denied by
   * default, so a handler that forgets to ask for the principal is still not open to the world.
   */
  readonly public?: boolean;
  /** A stricter per-route rate limit (per client address) than the global one. */
  readonly rateLimit?: { readonly max: number; readonly timeWindowMs: number };
  readonly responses: Readonly<Record<number, RouteResponse>>;
  handler(request: FastifyRequest, reply: FastifyReply, body: Body, query: Query): Promise<unknown>;
}

export function defineRoute<Body, Query = unknown>(route: RouteDefinition<Body, Query>): RouteDefinition {
  return route;
}

/** Turns zod issues into RFC 6901 pointers, all of them (not just the first). */
export function fieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    pointer: `/${issue.path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`,
    detail: issue.message,
  }));
}

export function registerRoutes(app: FastifyInstance, routes: readonly RouteDefinition[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.rateLimit === undefined ? {} : { config: { rateLimit: { max: route.rateLimit.max, timeWindow: route.rateLimit.timeWindowMs } } }),
      handler: async (request, reply) => {
        if (route.public !== true && request.authSession === null) throw new ProblemError('unauthenticated', 'Sign in first.');
        // SEC-HOSTILE-INPUT: what no schema should have to handle (NUL, lone surrogates, deep nesting)
        const hostile = hostileBodyIssues(request.body);
        if (hostile.length > 0) throw new ProblemError('validation_failed', 'Some values cannot be accepted.', hostile);
        let body: unknown = undefined;
        if (route.body !== undefined) {
          const parsed = route.body.safeParse(request.body);
          if (!parsed.success) {
            throw new ProblemError('validation_failed', 'Some fields are missing or invalid.', fieldIssues(parsed.error.issues));
          }
          body = parsed.data;
        }
        let query: unknown = undefined;
        if (route.query !== undefined) {
          const parsed = route.query.safeParse(request.query);
          if (!parsed.success) {
            throw new ProblemError('validation_failed', 'Some query parameters are missing or invalid.', fieldIssues(parsed.error.issues));
          }
          query = parsed.data;
        }
        return route.handler(request, reply, body, query);
      },
    });
  }
}
