import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyInfrastructureError } from '../app/infrastructure-errors.js';
import { openDatabase, type DatabaseHandle } from './connect.js';
import { freshTestDatabase, testEngine, type TestDatabase } from './testing/test-database.js';

let database: TestDatabase | undefined;
let handle: DatabaseHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
  await database?.close();
  database = undefined;
});

async function terminate(url: string, pid: number): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('select pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

describe(`a database connection lost under a transaction on ${testEngine()}`, () => {
  const name =
    testEngine() === 'postgres'
      ? 'survives the server ending its connection between two statements of a transaction (as a restart does): the statement fails as "unavailable" and the pool serves again'
      : 'keeps serving after a statement fails inside a transaction (the embedded engine has no connection to lose)';
  it(name, async () => {
    database = await freshTestDatabase();
    if (testEngine() === 'postgres') {
      const url = database.url ?? '';
      handle = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
      const db = handle.db;
      const failure = await db
        .transaction()
        .execute(async (trx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
          await terminate(url, rows[0]?.pid ?? 0);
          // the server's FATAL message reaches the client while it is checked out and idle
          await new Promise((r) => setTimeout(r, 300));
          await sql`select 1`.execute(trx);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(classifyInfrastructureError(failure)).toBe('unavailable');
      const again = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(again.rows[0]?.one).toBe(1);
    } else {
      const db = database.db;
      await expect(db.transaction().execute((trx) => sql`select 1 / 0`.execute(trx))).rejects.toThrow(/division by zero/);
      const again = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(again.rows[0]?.one).toBe(1);
    }
  });
});
