import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** True when the database answers a trivial query within the caller's time budget. */
export async function databaseAnswers(db: Kysely<Database>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, timeoutMs);
  });
  const probe = sql<{ one: number }>`select 1 as one`
    .execute(db)
    .then((r) => r.rows[0]?.one === 1)
    .catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
