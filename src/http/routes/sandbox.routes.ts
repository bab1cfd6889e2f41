import type { FastifyRequest } from 'fastify';
import type { SandboxClockView } from '../../app/sandbox/sandbox-services.js';
import { sandboxClockRequestSchema, sandboxClockSchema } from '../../contracts/sandbox.js';
import { principal, requestContext } from '../auth/session-hook.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import type { ServerDeps } from '../server-deps.js';

function actorOf(request: FastifyRequest) {
  return { principal: principal(request), context: requestContext(request) };
}

function present(view: SandboxClockView) {
  return { sandbox: true as const, now: view.now.toISOString(), realNow: view.realNow.toISOString(), offsetMs: view.offsetMs };
}

const off = { description: 'Not found: the server is not in sandbox mode (SANDBOX=1)' };

/** SEC-SANDBOX: the movable clock. In normal mode both routes answer 404. */
export function sandboxRoutes(deps: ServerDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/sandbox/clock',
      operationId: 'getSandboxClock',
      summary: 'Sandbox mode: what the server clock reads (any signed-in user)',
      tags: ['sandbox'],
      responses: { 200: { description: 'The clock', schema: sandboxClockSchema }, 404: off },
      handler: (request) => Promise.resolve(present(deps.app.sandbox.readClock(actorOf(request)))),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sandbox/clock',
      operationId: 'moveSandboxClock',
      summary: 'Sandbox mode, clinic admin: move the server clock to an instant (it runs on from there); audited',
      tags: ['sandbox'],
      body: sandboxClockRequestSchema,
      responses: { 200: { description: 'Moved', schema: sandboxClockSchema }, 403: { description: 'Not a clinic administrator' }, 404: off },
      handler: async (request, _reply, body: { at: string }) => present(await deps.app.sandbox.moveClock(actorOf(request), new Date(body.at))),
    }),
  ];
}
