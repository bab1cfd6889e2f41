import {
  authorizationSchema,
  dispenseRequestSchema,
  dispenseResponseSchema,
  issueAuthorizationResponseSchema,
  reverseRequestSchema,
  verifyRequestSchema,
  verifyResponseSchema,
  type DispenseRequest,
} from '../../contracts/course.js';
import { principal, requestContext } from '../auth/session-hook.js';
import { idempotencyOf } from '../idempotency.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import type { ServerDeps } from '../server-deps.js';
import { uuidParam } from './courses.routes.js';
import type { FastifyRequest } from 'fastify';

function actorOf(request: FastifyRequest) {
  return { principal: principal(request), context: requestContext(request) };
}

export function authorizationRoutes(deps: ServerDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/prescriptions/:prescriptionId/authorizations',
      operationId: 'issueAuthorization',
      summary: 'Issue the authorization for a prescription (exactly once; accepts Idempotency-Key)',
      tags: ['authorizations'],
      body: undefined,
      responses: { 201: { description: 'Issued', schema: issueAuthorizationResponseSchema } },
      handler: async (request, reply) =>
        reply.code(201).send(await deps.app.authorizations.issue(actorOf(request), uuidParam(request, 'prescriptionId'), idempotencyOf(request))),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/authorizations/verify',
      operationId: 'verifyAuthorization',
      summary: 'Pharmacy: look up an authorization by number and date of birth; may it be dispensed now, and why not',
      tags: ['authorizations'],
      body: verifyRequestSchema,
      responses: { 200: { description: 'Found', schema: verifyResponseSchema } },
      handler: async (request, _reply, body: { number: string; birthDate: string }) => deps.app.authorizations.verify(actorOf(request), body.number, body.birthDate),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/authorizations/:authorizationId/dispenses',
      operationId: 'dispense',
      summary: 'Pharmacy: record the dispense (exactly once; accepts Idempotency-Key)',
      tags: ['authorizations'],
      body: dispenseRequestSchema,
      responses: { 201: { description: 'Dispensed', schema: dispenseResponseSchema } },
      handler: async (request, reply, body: DispenseRequest) =>
        reply.code(201).send(await deps.app.authorizations.dispense(actorOf(request), uuidParam(request, 'authorizationId'), body, idempotencyOf(request))),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/authorizations/:authorizationId/reversal',
      operationId: 'reverseAuthorization',
      summary: 'Reverse an open authorization (not collected, wrong quantity)',
      tags: ['authorizations'],
      body: reverseRequestSchema,
      responses: { 200: { description: 'Reversed', schema: authorizationSchema } },
      handler: async (request, _reply, body: { reason: string }) => deps.app.authorizations.reverse(actorOf(request), uuidParam(request, 'authorizationId'), body.reason),
    }),
  ];
}
