import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { findClinic, insertClinic } from './clinic.repository.js';
import { freshTestDatabase, testEngine, type TestDatabase } from './testing/test-database.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

describe(`prepared statements on ${testEngine()}`, () => {
  it(testEngine() === 'postgres' ? 'prepares a parameterised statement once on its connection and answers it the same each time' : 'runs statements unprepared on the embedded engine and answers them the same each time', async () => {
    database = await freshTestDatabase();
    const clinic = await insertClinic(database.db, { name: 'Derm One', jurisdiction: 'US', timeZone: 'America/New_York' });
    const prepared = await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i += 1) expect(await findClinic(trx, clinic.id)).toEqual(clinic);
      const { rows } = await sql<{ n: string }>`select count(*) as n from pg_prepared_statements where name like 'iso_%' and statement like '%from "clinic"%'`.execute(trx);
      return Number(rows[0]?.n ?? 0);
    });
    expect(prepared).toBe(testEngine() === 'postgres' ? 1 : 0);
  });
});
