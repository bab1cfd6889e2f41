import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sendProblem } from './problem.js';

const API_PREFIXES = ['/api/', '/healthz', '/readyz', '/fhir/'];

/**
 * Serves the built web app (dist/web) from the same server. Client-side routes get index.html;
 * API paths never do (they answer 404 problem+json).
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const built = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: ['index.html'],
      setHeaders: (res, path) => {
        // Vite fingerprints assets, so they never change under one name
        res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = API_PREFIXES.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix));
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (!isApi && wantsHtml && (request.method === 'GET' || request.method === 'HEAD')) {
      if (!built) return sendProblem(reply, request, 'web_app_not_built', 'Run `npm run build:web` (npm start does it for you).');
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, request, 'not_found', `No route for ${request.method} ${path}.`);
  });
}
