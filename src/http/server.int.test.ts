import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { testEngine } from '../db/testing/test-database.js';
import { defineRoute } from './route.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// A route that exists only in these tests, to exercise the generic body handling that every
// future JSON endpoint shares (content type, JSON parsing, validation, unexpected errors).
const echoBody = z.object({ weightKg: z.number().positive(), name: z.string().min(1), dates: z.array(z.iso.date()) });
const testRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/test/echo',
    public: true,
    operationId: 'testEcho',
    summary: 'test only',
    tags: ['test'],
    body: echoBody,
    responses: { 200: { description: 'echo' } },
    handler: (_request, _reply, body: z.infer<typeof echoBody>) => Promise.resolve({ received: body.weightKg }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/test/crash',
    public: true,
    operationId: 'testCrash',
    summary: 'test only',
    tags: ['test'],
    body: z.object({ secret: z.string() }),
    responses: { 200: { description: 'never' } },
    handler: (_request, _reply, body: { secret: string }) => Promise.reject(new Error(`database said no for ${body.secret}`)),
  }),
];

describe(`the HTTP server on ${testEngine()}`, () => {
  it('answers /healthz with the version and a request id, with security headers', async () => {
    server = await startTestServer();
    const response = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'alive', version: '9.9.9-test' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('keeps a well-formed incoming x-request-id and replaces a malformed one', async () => {
    server = await startTestServer();
    const kept = await server.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await server.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(replaced.headers['x-request-id']).not.toContain('bad');
  });

  it('answers /readyz with 200 when the database answers', async () => {
    server = await startTestServer();
    const response = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', database: 'up' });
  });

  it('answers /readyz with 503 problem+json when the database does not answer', async () => {
    // a pool pointed at a closed port: every query fails as it would when the server is down
    const unreachable = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 500 }) }),
    });
    server = await startTestServer({ db: unreachable });
    const response = await server.app.inject({ method: 'GET', url: '/readyz' });
    await unreachable.destroy();
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 503, code: 'not_ready', detail: 'The database does not answer.' });
  });

  it('answers /readyz with 503 once shutdown has begun', async () => {
    server = await startTestServer();
    server.stopAccepting();
    const response = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'not_ready', detail: 'The server is shutting down.' });
  });

  it('answers an unknown route with 404 problem+json naming the path', async () => {
    server = await startTestServer();
    const response = await server.app.inject({ method: 'GET', url: '/api/nothing-here?x=1', headers: { accept: 'application/json' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      type: 'urn:isocourse:problem:not_found',
      title: 'Not found',
      status: 404,
      code: 'not_found',
      instance: '/api/nothing-here',
    });
    expect(body.requestId).toBe(response.headers['x-request-id']);
  });

  it('refuses a body that is not JSON with 415', async () => {
    server = await startTestServer({ extraRoutes: testRoutes });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await server.app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': contentType }, payload: 'weightKg=70' });
      expect(response.statusCode, contentType).toBe(415);
      expect(response.json()).toMatchObject({ code: 'unsupported_media_type', status: 415 });
    }
  });

  it('refuses malformed JSON with 400 invalid_json', async () => {
    server = await startTestServer({ extraRoutes: testRoutes });
    const response = await server.app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/json' }, payload: '{"weightKg": 70,' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_json', status: 400 });
  });

  it('refuses JSON with prototype poisoning', async () => {
    server = await startTestServer({ extraRoutes: testRoutes });
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"weightKg": 70, "name": "x", "dates": [], "__proto__": {"admin": true}}',
    });
    expect(response.statusCode).toBe(400);
  });

  it('lists every invalid field, not just the first', async () => {
    server = await startTestServer({ extraRoutes: testRoutes });
    const response = await server.app.inject({ method: 'POST', url: '/api/test/echo', payload: { weightKg: -3, dates: ['2026-02-30'] } });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; errors: Array<{ pointer: string }> }>();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e) => e.pointer).sort()).toEqual(['/dates/0', '/name', '/weightKg']);
  });

  it('accepts a valid body', async () => {
    server = await startTestServer({ extraRoutes: testRoutes });
    const response = await server.app.inject({ method: 'POST', url: '/api/test/echo', payload: { weightKg: 70, name: 'a', dates: ['2026-02-28'] } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: 70 });
  });

  it('refuses a body over 1 MiB with 413', async () => {
    server = await startTestServer({ extraRoutes: testRoutes });
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('answers an unexpected error with a 500 that reveals nothing, and logs no health data', async () => {
    server = await startTestServer({ extraRoutes: testRoutes });
    const response = await server.app.inject({ method: 'POST', url: '/api/test/crash', payload: { secret: 'PATIENT-NAME-ZX81' } });
    expect(response.statusCode).toBe(500);
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({ code: 'internal_error', status: 500 });
    expect(JSON.stringify(body)).not.toContain('PATIENT-NAME-ZX81');
    expect(JSON.stringify(body)).not.toContain('database said no');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
    const errorLog = server.logs.find((l) => l.msg === 'unhandled error');
    expect(errorLog).toBeDefined();
  });

  it('logs each request by route pattern and status, never the query, headers or body', async () => {
    server = await startTestServer({ extraRoutes: testRoutes });
    await server.app.inject({ method: 'POST', url: '/api/test/echo?patient=Jane%20Doe', headers: { authorization: 'Bearer SECRET-TOKEN' }, payload: { weightKg: 81.5, name: 'Jane Doe', dates: [] } });
    const line = server.logs.find((l) => l.msg === 'request');
    expect(line).toMatchObject({ method: 'POST', route: '/api/test/echo', status: 200 });
    expect(server.logText()).not.toMatch(/Jane|SECRET-TOKEN|81\.5/);
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    server = await startTestServer({ extraRoutes: testRoutes });
    const response = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/openapi.json', '/api/test/echo']));
    expect(doc.paths['/readyz']?.get?.responses).toHaveProperty('503');
    expect(doc.paths['/api/test/echo']?.post?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { type: 'object', required: ['weightKg', 'name', 'dates'] } } },
    });
    expect(doc.paths['/api/test/echo']?.post?.responses).toHaveProperty('415');
    expect(doc.components.schemas).toHaveProperty('Problem');
  });

  it('lets an in-flight request finish when the server closes, and refuses new ones', async () => {
    let release: () => void = () => undefined;
    let entered: () => void = () => undefined;
    const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
    const slow = defineRoute({
      method: 'GET',
      url: '/api/test/slow',
      public: true,
      operationId: 'testSlow',
      summary: 'test only',
      tags: ['test'],
      responses: { 200: { description: 'done' } },
      handler: () =>
        new Promise((resolve) => {
          release = () => {
            resolve({ done: true });
          };
          entered();
        }),
    });
    server = await startTestServer({ extraRoutes: [slow] });
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const inFlight = fetch(`${address}/api/test/slow`);
    await handlerEntered;
    const closing = server.app.close();
    // a new connection is refused while the first request is still being served
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await closing;
  });
});

describe('serving the web app', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'isocourse-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>isocourse</title><div id="root"></div>');
  writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log(1)');

  it('serves index.html at / and for client-side routes, and fingerprinted assets as immutable', async () => {
    server = await startTestServer({ webRoot });
    const root = await server.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<title>isocourse</title>');
    const route = await server.app.inject({ method: 'GET', url: '/clinic/worklist', headers: { accept: 'text/html' } });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('<div id="root">');
    const asset = await server.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('never answers an unknown API path with the web page', async () => {
    server = await startTestServer({ webRoot });
    const response = await server.app.inject({ method: 'GET', url: '/api/unknown', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('says clearly when the web app has not been built', async () => {
    server = await startTestServer({ webRoot: join(webRoot, 'missing') });
    const response = await server.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'web_app_not_built' });
  });

  it('cleans up', () => {
    rmSync(webRoot, { recursive: true, force: true });
    expect(true).toBe(true);
  });
});
