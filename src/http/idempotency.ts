import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { IdempotencyRequest } from '../app/course/idempotency.js';
import { ProblemError } from './problem.js';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** Reads an `Idempotency-Key` header; the request hash ties the key to this exact request. */
export function idempotencyOf(request: FastifyRequest): IdempotencyRequest | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY.test(header)) {
    throw new ProblemError('validation_failed', 'Idempotency-Key must be 1 to 200 visible ASCII characters.', [{ pointer: '/headers/idempotency-key', detail: 'invalid' }]);
  }
  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url ?? ''} ${JSON.stringify(request.params)} ${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  return { key: header, requestHash };
}
