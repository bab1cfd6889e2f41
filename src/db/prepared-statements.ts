import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * Names for the statements worth preparing: each distinct parameterised SQL text gets one, up to
 * `limit` texts (lists of varying length make new texts; past the limit they simply run unnamed).
 * Texts with `*` are left out: a prepared `select *` fails once a migration adds a column.
 */
export function statementNamer(limit: number): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    const known = names.get(text);
    if (known !== undefined) return known;
    if (names.size >= limit || text.includes('*')) return undefined;
    const name = `iso_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
    return name;
  };
}

export const MAX_PREPARED_STATEMENTS = 400;

class PreparingClient implements PostgresPoolClient {
  readonly #client: pg.PoolClient;
  readonly #nameOf: (text: string) => string | undefined;
  constructor(client: pg.PoolClient, nameOf: (text: string) => string | undefined) {
    this.#client = client;
    this.#nameOf = nameOf;
  }
  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters: ReadonlyArray<unknown> = []): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // cursors (streaming) go to the client as they are
    if (typeof sqlOrCursor !== 'string') return (this.#client.query as unknown as (cursor: PostgresCursor<R>) => PostgresCursor<R>)(sqlOrCursor);
    const name = parameters.length > 0 ? this.#nameOf(sqlOrCursor) : undefined;
    const values = [...parameters];
    const result = name === undefined ? this.#client.query(sqlOrCursor, values) : this.#client.query({ name, text: sqlOrCursor, values });
    return result as unknown as Promise<PostgresQueryResult<R>>;
  }
  release(): void {
    this.#client.release();
  }
}

/**
 * The pool Kysely reads from, with every parameterised statement run as a named prepared
 * statement on its connection: the server parses and plans it once per connection instead of on
 * every request (planning was about half of the database time of a verify). Each connection
 * keeps at most MAX_PREPARED_STATEMENTS of them.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const nameOf = statementNamer(MAX_PREPARED_STATEMENTS);
  // the driver keys its connections by client object: hand out the same wrapper each time
  const wrappers = new WeakMap<pg.PoolClient, PreparingClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (wrapper === undefined) {
        wrapper = new PreparingClient(client, nameOf);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
