import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../app/services.js';

export const SANDBOX_HEADER = 'x-isocourse-sandbox';

/**
 * SEC-SANDBOX: in sandbox mode every response says so, so no client (and no person reading a
 * network trace) can mistake training data and a moved clock for the real record.
 */
export function registerSandboxHeader(app: FastifyInstance, services: AppServices): void {
  if (!services.sandbox.enabled) return;
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header(SANDBOX_HEADER, '1');
    return payload;
  });
}
