import { healthSchema, readinessSchema, type Health, type Readiness } from '../../contracts/health.js';
import { problemSchema } from '../../contracts/problem.js';
import { ProblemError } from '../problem.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import type { ServerDeps } from '../server-deps.js';

export function healthRoutes(deps: ServerDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/healthz',
      public: true,
      operationId: 'getHealth',
      summary: 'Liveness: the process is up (does not touch the database)',
      tags: ['operations'],
      responses: { 200: { description: 'The process is alive', schema: healthSchema } },
      handler: (): Promise<Health> => Promise.resolve({ status: 'alive', version: deps.version }),
    }),
    defineRoute({
      method: 'GET',
      url: '/readyz',
      public: true,
      operationId: 'getReadiness',
      summary: 'Readiness: the database answers and the server is not shutting down',
      tags: ['operations'],
      responses: {
        200: { description: 'Ready to serve', schema: readinessSchema },
        503: { description: 'Not ready', schema: problemSchema, contentType: 'application/problem+json' },
      },
      handler: async (): Promise<Readiness> => {
        const result = await deps.app.readiness();
        if (!result.ready) {
          throw new ProblemError(
            'not_ready',
            result.reason === 'shutting_down' ? 'The server is shutting down.' : 'The database does not answer.',
          );
        }
        return { status: 'ready', database: 'up' };
      },
    }),
  ];
}
