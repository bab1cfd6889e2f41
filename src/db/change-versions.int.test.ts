import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { insertClinic } from './clinic.repository.js';
import { loadClinicFacts } from './clinic-settings.repository.js';
import { freshTestDatabase, testEngine, type TestDatabase } from './testing/test-database.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

async function seqs(db: TestDatabase['db'], ids: { clinic: string; patient: string; course: string }) {
  const { rows } = await sql<{ clinic: string; patient: string; course: string }>`
    select (select change_seq::text from clinic where id = ${ids.clinic}::uuid) as clinic,
           (select change_seq::text from patient where id = ${ids.patient}::uuid) as patient,
           (select change_seq::text from course where id = ${ids.course}::uuid) as course`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error('no row');
  return row;
}

describe(`change versions moved by the database (migration 2026-11-26T0000-change-versions) on ${testEngine()}`, () => {
  it('moves exactly the version of what changed: the patient on an event, the course, the patient, the clinic, a prescriber account', async () => {
    database = await freshTestDatabase();
    const db = database.db;
    const clinic = await insertClinic(db, { name: 'Derm One', jurisdiction: 'US', timeZone: 'America/New_York' });
    const other = await insertClinic(db, { name: 'Derm Two', jurisdiction: 'US', timeZone: 'America/New_York' });
    const patient = await db.insertInto('patient').values({ clinic_id: clinic.id }).returning('id').executeTakeFirstOrThrow();
    const course = await db.insertInto('course').values({ patient_id: patient.id, clinic_id: clinic.id, sequence: 1, status: 'qualifying' }).returning('id').executeTakeFirstOrThrow();
    const ids = { clinic: clinic.id, patient: patient.id, course: course.id };

    const s0 = await seqs(db, ids);
    // new rows take distinct values from the one sequence
    expect(new Set([s0.clinic, s0.patient, s0.course]).size).toBe(3);
    const facts = await loadClinicFacts(db, clinic.id);
    expect(facts?.changeSeq).toBe(s0.clinic);

    // an event moves its patient only
    await db.insertInto('course_event').values({ course_id: course.id, clinic_id: clinic.id, patient_id: patient.id, event_key: 'e1', kind: 'note', occurred_at: '2026-11-20T10:00:00Z', payload: '{}' }).execute();
    const s1 = await seqs(db, ids);
    expect(BigInt(s1.patient)).toBeGreaterThan(BigInt(s0.patient));
    expect([s1.course, s1.clinic]).toEqual([s0.course, s0.clinic]);

    // an update of the course moves the course only
    await db.updateTable('course').set({ status: 'active', updated_at: '2026-11-21T10:00:00Z' }).where('id', '=', course.id).execute();
    const s2 = await seqs(db, ids);
    expect(BigInt(s2.course)).toBeGreaterThan(BigInt(s1.course));
    expect([s2.patient, s2.clinic]).toEqual([s1.patient, s1.clinic]);

    // an update of the patient (risk) moves the patient only
    await db.updateTable('patient').set({ risk: JSON.stringify({ category: 'cannot_get_pregnant' }) }).where('id', '=', patient.id).execute();
    const s3 = await seqs(db, ids);
    expect(BigInt(s3.patient)).toBeGreaterThan(BigInt(s2.patient));
    expect([s3.course, s3.clinic]).toEqual([s2.course, s2.clinic]);

    // the clinic's settings move the clinic
    await db.updateTable('clinic').set({ settings: JSON.stringify({ homeTests: true }) }).where('id', '=', clinic.id).execute();
    const s4 = await seqs(db, ids);
    expect(BigInt(s4.clinic)).toBeGreaterThan(BigInt(s3.clinic));
    expect([s4.course, s4.patient]).toEqual([s3.course, s3.patient]);

    // a new prescriber moves the clinic; a designee or a prescriber's sign-in bookkeeping does not
    const prescriber = await db
      .insertInto('app_user')
      .values({ email: 'p@example.org', display_name: 'Dr P', password_hash: 'x', role: 'prescriber', clinic_id: clinic.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const s5 = await seqs(db, ids);
    expect(BigInt(s5.clinic)).toBeGreaterThan(BigInt(s4.clinic));
    await db.insertInto('app_user').values({ email: 'd@example.org', display_name: 'D', password_hash: 'x', role: 'designee', clinic_id: clinic.id }).execute();
    await db.updateTable('app_user').set({ failed_logins: 3, locked_until: '2026-11-21T11:00:00Z' }).where('id', '=', prescriber.id).execute();
    expect((await seqs(db, ids)).clinic).toBe(s5.clinic);

    // certification and disabling move it
    await db.updateTable('app_user').set({ prescriber_certified_on: '2026-11-01' }).where('id', '=', prescriber.id).execute();
    const s6 = await seqs(db, ids);
    expect(BigInt(s6.clinic)).toBeGreaterThan(BigInt(s5.clinic));
    await db.updateTable('app_user').set({ disabled: true }).where('id', '=', prescriber.id).execute();
    const s7 = await seqs(db, ids);
    expect(BigInt(s7.clinic)).toBeGreaterThan(BigInt(s6.clinic));

    // a prescriber moved to another clinic moves both; deleting one moves its clinic
    const otherBefore = (await db.selectFrom('clinic').select(sql<string>`change_seq::text`.as('seq')).where('id', '=', other.id).executeTakeFirstOrThrow()).seq;
    await db.updateTable('app_user').set({ clinic_id: other.id }).where('id', '=', prescriber.id).execute();
    const s8 = await seqs(db, ids);
    const otherAfter = (await db.selectFrom('clinic').select(sql<string>`change_seq::text`.as('seq')).where('id', '=', other.id).executeTakeFirstOrThrow()).seq;
    expect(BigInt(s8.clinic)).toBeGreaterThan(BigInt(s7.clinic));
    expect(BigInt(otherAfter)).toBeGreaterThan(BigInt(otherBefore));
    await db.deleteFrom('app_user').where('id', '=', prescriber.id).execute();
    const otherDeleted = (await db.selectFrom('clinic').select(sql<string>`change_seq::text`.as('seq')).where('id', '=', other.id).executeTakeFirstOrThrow()).seq;
    expect(BigInt(otherDeleted)).toBeGreaterThan(BigInt(otherAfter));
  });
});
