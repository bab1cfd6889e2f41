import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import { freshTestDatabase, testEngine, type TestDatabase } from './testing/test-database.js';

let database: TestDatabase | undefined;
let empty: DatabaseHandle | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
  await empty?.close();
  empty = undefined;
});

describe(`migrating an existing database quickly on ${testEngine()}`, () => {
  it('migrates an empty (embedded, in-memory) database in full, then finds it up to date', async () => {
    empty = await openDatabase({ kind: 'embedded-memory' });
    const first = await migrateToLatest(empty.db);
    expect(first).toMatchObject({ ok: true, failed: undefined });
    expect(first.applied).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(empty.db)).toEqual({ ok: true, applied: [], failed: undefined, error: undefined });
  });

  it('still refuses a database that has a migration this version does not know', async () => {
    database = await freshTestDatabase();
    await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01T0000-from-the-future', '2099-01-01T00:00:00Z')`.execute(database.db);
    const outcome = await migrateToLatest(database.db);
    expect(outcome.ok).toBe(false);
    expect(outcome.applied).toEqual([]);
  });
});
