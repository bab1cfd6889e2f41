import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../app/services.js';
import { openDatabase, type DatabaseHandle } from '../db/connect.js';
import { freshTestDatabase, testEngine, type TestDatabase } from '../db/testing/test-database.js';
import { buildServer } from './server.js';

// A slow or absent database must give clean 503 problems at a deadline, never a pile-up of
// requests nor a 500 (issue 7, fault tests). These tests check what is answered, never how fast.
let database: TestDatabase | undefined;
const extraHandles: DatabaseHandle[] = [];
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  for (const h of extraHandles.splice(0)) await h.close();
  await database?.close();
  database = undefined;
});

async function server(requestTimeoutMs: number, routes: (app: FastifyInstance) => void): Promise<{ app: FastifyInstance; logs: () => string }> {
  database = await freshTestDatabase();
  let logs = '';
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs += chunk.toString('utf8');
      callback();
    },
  });
  app = await buildServer({ app: createAppServices({ db: database.db, accepting: () => true }), version: '9.9.9-test' }, { logLevel: 'info', webRoot: undefined, logStream, requestTimeoutMs });
  routes(app);
  await app.ready();
  return { app, logs: () => logs };
}

describe(`timeouts on ${testEngine()}`, () => {
  it('answers a request still in its handler at the request timeout with a 503 timeout problem, with or without a body, and keeps serving', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const s = await server(300, (a) => {
      const stuck = async (): Promise<{ late: boolean }> => {
        await gate;
        return { late: true };
      };
      a.get('/test/stuck', stuck);
      a.post('/test/stuck', stuck);
    });
    // over a real socket: a POST whose body has been read is where Fastify's own handler timeout fails
    const base = await s.app.listen({ port: 0, host: '127.0.0.1' });
    const answers = await Promise.all([
      fetch(`${base}/test/stuck`),
      fetch(`${base}/test/stuck`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ some: 'body' }) }),
    ]);
    for (const response of answers) {
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 503, code: 'timeout', type: 'urn:isocourse:problem:timeout' });
    }
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(s.logs()).toContain('request timed out');
    expect(s.logs()).not.toContain('unhandled error');
  });

  const statementTest =
    testEngine() === 'postgres'
      ? 'cancels a statement that outlasts the statement timeout in the database and answers 503 timeout'
      : 'finishes a statement that blocks the embedded engine (PGlite runs in-process and cannot cancel one) and keeps serving';
  it(statementTest, async () => {
    const s = await server(testEngine() === 'postgres' ? 5000 : 300, (a) => {
      a.get('/test/slow-query', async () => {
        const db = testEngine() === 'postgres' ? await timedHandle(200) : database!.db;
        await sql`select pg_sleep(0.5)`.execute(db);
        return { late: true };
      });
    });
    const response = await s.app.inject({ method: 'GET', url: '/test/slow-query' });
    if (testEngine() === 'postgres') {
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'timeout' });
      // the server cancelled the statement: nothing of it is still running
      const running = await sql<{ n: string }>`select count(*) as n from pg_stat_activity where query like 'select pg_sleep(0.5)%' and state = 'active'`.execute(database!.db);
      expect(running.rows[0]?.n).toBe('0');
      expect(s.logs()).toContain('database timeout');
    } else {
      // the event loop was blocked for the whole statement, so its answer came before any timer
      expect(response.statusCode).toBe(200);
      expect((await s.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    }
    expect(s.logs()).not.toContain('unhandled error');
  });

  it('answers 503 not_ready, not 500, when the database refuses connections', async () => {
    const s = await server(5000, (a) => {
      a.get('/test/down', async () => {
        const down = await openDatabase({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none', poolSize: 1, statementTimeoutMs: 2000 });
        extraHandles.push(down);
        await sql`select 1`.execute(down.db);
        return { reached: true };
      });
    });
    const response = await s.app.inject({ method: 'GET', url: '/test/down' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'not_ready' });
    expect(s.logs()).toContain('database unavailable');
    expect(s.logs()).not.toContain('unhandled error');
  });
});

async function timedHandle(statementTimeoutMs: number): Promise<DatabaseHandle['db']> {
  const handle = await openDatabase({ kind: 'postgres', url: database!.url ?? '', poolSize: 1, statementTimeoutMs });
  extraHandles.push(handle);
  return handle.db;
}
