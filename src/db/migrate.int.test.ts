import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { findClinic, insertClinic } from './clinic.repository.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import { freshTestDatabase, testEngine, type TestDatabase } from './testing/test-database.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

describe(`migrations and the course record core on ${testEngine()}`, () => {
  it('has applied every migration of the static map, in order, and a second run applies nothing', async () => {
    database = await freshTestDatabase();
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db);
    expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    const again = await migrateToLatest(database.db);
    expect(again).toMatchObject({ ok: true, applied: [], failed: undefined });
  });

  it('stores and reads back a clinic', async () => {
    database = await freshTestDatabase();
    const created = await insertClinic(database.db, { name: 'Derm One', jurisdiction: 'US', timeZone: 'America/New_York' });
    expect(await findClinic(database.db, created.id)).toEqual(created);
  });

  it('refuses a clinic in an unknown jurisdiction (database constraint)', async () => {
    database = await freshTestDatabase();
    await expect(insertClinic(database.db, { name: 'X', jurisdiction: 'MARS', timeZone: 'UTC' })).rejects.toThrow(/check constraint/);
  });

  it('keeps course events append-only: an update or delete is refused by the database', async () => {
    database = await freshTestDatabase();
    const db = database.db;
    const clinic = await insertClinic(db, { name: 'Derm One', jurisdiction: 'UK', timeZone: 'Europe/London' });
    const patient = await db.insertInto('patient').values({ clinic_id: clinic.id }).returning('id').executeTakeFirstOrThrow();
    const course = await db
      .insertInto('course')
      .values({ patient_id: patient.id, clinic_id: clinic.id, sequence: 1, status: 'qualifying' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const event = await db
      .insertInto('course_event')
      .values({ course_id: course.id, clinic_id: clinic.id, patient_id: patient.id, event_key: 'e1', kind: 'note', occurred_at: '2026-11-20T10:00:00Z', payload: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(db.updateTable('course_event').set({ kind: 'x' }).where('id', '=', event.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('course_event').where('id', '=', event.id).execute()).rejects.toThrow(/append-only/);
  });

  it('gives each test its own database', async () => {
    database = await freshTestDatabase();
    const { rows } = await sql<{ n: string }>`select count(*) as n from clinic`.execute(database.db);
    expect(rows[0]?.n).toBe('0');
  });
});
