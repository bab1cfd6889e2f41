import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { buildOpenApi } from './openapi.js';
import { AppError } from '../app/errors.js';
import { classifyInfrastructureError } from '../app/infrastructure-errors.js';
import { registerRequestTimeout } from './request-timeout.js';
import { appErrorProblem, classifyFrameworkError, ProblemError, sendProblem } from './problem.js';
import { answerDataException, answerFrameworkError } from './input-guard.js';
import { registerRoutes, defineRoute, type RouteDefinition } from './route.js';
import fastifyRateLimit from '@fastify/rate-limit';
import { registerSessions } from './auth/session-hook.js';
import { authRoutes } from './routes/auth.routes.js';
import { authorizationRoutes } from './routes/authorizations.routes.js';
import { courseRoutes } from './routes/courses.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { worklistRoutes } from './routes/worklists.routes.js';
import { patientExportRoutes } from './routes/patient-export.routes.js';
import { registerSecurityHeaders } from './security-headers.js';
import type { ServerDeps } from './server-deps.js';
import { registerWebApp } from './web-app.js';
import { accountRoutes } from './routes/account.routes.js';
import { adminClinicRoutes } from './routes/admin-clinic.routes.js';
import { adminUserRoutes } from './routes/admin-users.routes.js';
import { sandboxRoutes } from './routes/sandbox.routes.js';
import { registerSandboxHeader } from './sandbox-header.js';
import { clinicalRoutes } from './routes/clinical.routes.js';
import { registerPhotoBodyParser } from './routes/clinical-photos.routes.js';

export interface ServerOptions {
  readonly logLevel: string;
  /** Directory of the built web app, or undefined to serve the API only. */
  readonly webRoot: string | undefined;
  /** Where logs go (a stream for tests); stdout by default. */
  readonly logStream?: NodeJS.WritableStream;
  /** Requests per minute per client address on the whole API (default 1200). */
  readonly rateLimitPerMinute?: number;
  /** Milliseconds before a request still in its handler is answered 503 `timeout` (0 or unset: no limit). */
  readonly requestTimeoutMs?: number;
  /** Extra routes (tests use this to exercise the generic request handling). */
  readonly extraRoutes?: readonly RouteDefinition[];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
export const BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1200;

/**
 * Logs carry no health data: requests are logged by route pattern (never the concrete URL, its
 * query or body), and errors by name, code and stack only (database errors put row values in
 * their `detail`, which is never logged).
 */
function loggerOptions(options: ServerOptions): FastifyServerOptions['logger'] {
  return {
    level: options.logLevel,
    ...(options.logStream === undefined ? {} : { stream: options.logStream }),
    serializers: {
      err: (error: FastifyError) => ({
        type: error.name,
        code: error.code,
        message: error.message,
        stack: error.stack?.split('\n').slice(1).join('\n') ?? '',
      }),
    },
    redact: { paths: ['req.headers', 'req.body', 'body', 'headers'], remove: true },
  };
}

export async function buildServer(deps: ServerDeps, options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options),
    // our own onResponse line replaces Fastify's request logs (which would carry the URL)
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    // SEC-HOSTILE-INPUT: a path the router cannot read is answered as a problem too
    frameworkErrors: answerFrameworkError,
  });

  // only JSON bodies; anything else is 415 (Fastify's JSON parser refuses __proto__ poisoning)
  app.removeContentTypeParser('text/plain');
  // ... but for the raw progress-photo upload (CLIN-PHOTO), which takes image/jpeg and image/png
  registerPhotoBodyParser(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(unmatched)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  registerSecurityHeaders(app);
  // a request stuck on a slow database is answered at the deadline instead of holding its client
  registerRequestTimeout(app, options.requestTimeoutMs ?? 0);
  registerSandboxHeader(app, deps.app);

  // During a graceful shutdown, a request that was in flight ends its connection with its
  // response: otherwise its keep-alive socket would hold the close open until it times out.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, request, error.code, error.detail, error.errors);
    if (error instanceof AppError) {
      const extra = typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : undefined;
      return sendProblem(reply, request, appErrorProblem[error.code], error.message, undefined, extra);
    }
    const known = classifyFrameworkError(error);
    if (known !== undefined) return sendProblem(reply, request, known[0], known[1]);
    if (error.statusCode === 429) return sendProblem(reply, request, 'too_many_requests', 'Slow down and try again later.');
    const unstorable = answerDataException(error, request, reply);
    if (unstorable !== undefined) return unstorable;
    const failure = classifyInfrastructureError(error);
    if (failure !== undefined) {
      request.log.warn({ err: error }, failure === 'timeout' ? 'database timeout' : 'database unavailable');
      return failure === 'timeout'
        ? sendProblem(reply, request, 'timeout', 'The database took too long; nothing was changed. Try again shortly.')
        : sendProblem(reply, request, 'not_ready', 'The database does not answer. Try again shortly; a write is safe to repeat with the same Idempotency-Key.');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, 'internal_error', `Something went wrong on our side. Quote request id ${request.id} when reporting it.`);
  });

  await app.register(fastifyRateLimit, {
    global: true,
    max: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    // health checks come from the platform, not from users
    allowList: (request) => request.url === '/healthz' || request.url === '/readyz',
  });
  await registerSessions(app, deps.app);

  const routes: RouteDefinition[] = [
    ...healthRoutes(deps),
    ...authRoutes(deps),
    ...courseRoutes(deps),
    ...authorizationRoutes(deps),
    ...worklistRoutes(deps),
    ...patientExportRoutes(deps),
    ...accountRoutes(deps),
    ...adminClinicRoutes(deps),
    ...adminUserRoutes(deps),
    // SEC-SANDBOX: outside sandbox mode the clock routes do not exist (404)
    ...(deps.app.sandbox.enabled ? sandboxRoutes(deps) : []),
    ...clinicalRoutes(deps),
    ...(options.extraRoutes ?? []),
  ];
  const openApiRoute = defineRoute({
    method: 'GET',
    url: '/api/openapi.json',
    public: true,
    operationId: 'getOpenApi',
    summary: 'This OpenAPI 3.1 document, generated from the route schemas',
    tags: ['operations'],
    responses: { 200: { description: 'The OpenAPI document' } },
    handler: () => Promise.resolve(document),
  });
  const document = buildOpenApi([...routes, openApiRoute], deps.version);
  registerRoutes(app, [...routes, openApiRoute]);
  await registerWebApp(app, options.webRoot);
  return app;
}
