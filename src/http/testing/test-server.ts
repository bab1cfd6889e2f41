import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../app/ports.js';
import { createAppServices } from '../../app/services.js';
import { freshTestDatabase, type TestDatabase } from '../../db/testing/test-database.js';
import type { RouteDefinition } from '../route.js';
import { buildServer } from '../server.js';

export interface TestServer {
  readonly app: FastifyInstance;
  readonly database: TestDatabase;
  /** Every log line the server wrote, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  /** Raw log text, to check that no health data reached it. */
  logText(): string;
  stopAccepting(): void;
  close(): Promise<void>;
}

/** A server on a fresh database of its own, logs captured, for `app.inject` tests. */
export async function startTestServer(
  options: { extraRoutes?: readonly RouteDefinition[]; webRoot?: string; db?: Kysely<Database>; clock?: Clock; rateLimitPerMinute?: number } = {},
): Promise<TestServer> {
  const database = await freshTestDatabase();
  const logs: Array<Record<string, unknown>> = [];
  let raw = '';
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const text = chunk.toString('utf8');
      raw += text;
      for (const line of text.split('\n').filter((l) => l.trim() !== '')) logs.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  let accepting = true;
  const app = await buildServer(
    { app: createAppServices({ db: options.db ?? database.db, accepting: () => accepting, ...(options.clock === undefined ? {} : { clock: options.clock }) }), version: '9.9.9-test' },
    { logLevel: 'info', webRoot: options.webRoot, logStream, extraRoutes: options.extraRoutes ?? [], ...(options.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: options.rateLimitPerMinute }) },
  );
  await app.ready();
  return {
    app,
    database,
    logs,
    logText: () => raw,
    stopAccepting: () => {
      accepting = false;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
