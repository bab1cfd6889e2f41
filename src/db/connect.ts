import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { preparingPool } from './prepared-statements.js';
import type { Database } from './schema.js';

/** Where the data lives: the embedded PGlite in a directory, or a PostgreSQL server. */
export type DatabaseTarget =
  | { readonly kind: 'embedded'; readonly dataDir: string }
  | { readonly kind: 'embedded-memory' }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      readonly poolSize: number;
      /** Cancels a statement, or a wait for a pooled connection, after this many ms (0 or unset: never). */
      readonly statementTimeoutMs?: number;
    };

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly engine: 'pglite' | 'postgres';
  /** Closes the pool, the embedded engine and releases the data-directory lock. Idempotent. */
  close(): Promise<void>;
}

// DATE columns hold calendar dates: pg would turn them into JS Dates at local midnight, which
// shifts the day in zones west of UTC. Keep them as `YYYY-MM-DD` strings. int8 and numeric stay
// strings (pg's default), so nothing loses precision.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/**
 * Opens the database. Both engines go through Kysely's PostgresDialect with `pg`
 * (docs/adr/0002): PGlite through its node-postgres adapter (one connection), PostgreSQL through
 * a pool. The embedded engine takes the data-directory lock first, so a second process fails
 * before it opens a single database file.
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  switch (target.kind) {
    case 'postgres': {
      const timeout = target.statementTimeoutMs ?? 0;
      const pool = new pg.Pool({
        connectionString: target.url,
        max: target.poolSize,
        // a slow database cancels the statement (its transaction rolls back, the connection comes
        // back) and a request gives up waiting for a connection, rather than queueing work whose
        // caller has stopped waiting
        ...(timeout > 0 ? { statement_timeout: timeout, connectionTimeoutMillis: timeout } : {}),
      });
      // an idle client that loses its server (restart) must not crash the process
      pool.on('error', () => undefined);
      // nor one that loses it while checked out (inside a transaction, between statements): pg
      // emits 'error' on the client, and with no listener that ends the process. Its next
      // statement fails instead (a 503 at the edge) and the pool drops it when it is released.
      pool.on('connect', (client) => {
        client.on('error', () => undefined);
      });
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
      return { db, engine: 'postgres', close: once(() => db.destroy()) };
    }
    case 'embedded':
    case 'embedded-memory': {
      const lock: DataDirLock | undefined = target.kind === 'embedded' ? acquireDataDirLock(target.dataDir) : undefined;
      try {
        const pglite = await PGlite.create(target.kind === 'embedded' ? target.dataDir : 'memory://');
        return embeddedHandle(pglite, lock);
      } catch (error) {
        lock?.release();
        throw error;
      }
    }
  }
}

/** Wraps an open PGlite (also used by tests that clone a migrated template). */
export function embeddedHandle(pglite: PGlite, lock?: DataDirLock): DatabaseHandle {
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'pglite',
    close: once(async () => {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        lock?.release();
      }
    }),
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
