import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.js';

const DETAIL = 'The request took too long and was answered before it finished; it may still take effect. Repeat a write with the same Idempotency-Key.';

/**
 * Answers a request still running after `timeoutMs` with a 503 `timeout` problem, so a client
 * never waits on a slow database longer than that (0: no limit). The work itself goes on until
 * the database answers or cancels it (DATABASE_STATEMENT_TIMEOUT_MS): hence "may still take
 * effect". Fastify's own `handlerTimeout` is not used: it is cleared as soon as the request body
 * has been read (Node then emits `close` on the request), so it never fires for a POST with a body.
 */
export function registerRequestTimeout(app: FastifyInstance, timeoutMs: number): void {
  if (timeoutMs <= 0) return;
  app.addHook('onRequest', (request, reply, done) => {
    const timer = setTimeout(() => {
      if (reply.sent) return;
      request.log.warn({ route: request.routeOptions.url ?? '(unmatched)', ms: timeoutMs }, 'request timed out');
      sendProblem(reply, request, 'timeout', DETAIL);
    }, timeoutMs);
    // the response is finished or its connection is gone
    reply.raw.once('close', () => {
      clearTimeout(timer);
    });
    done();
  });
}
