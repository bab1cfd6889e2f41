import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ClinicRecord {
  readonly id: string;
  readonly name: string;
  readonly jurisdiction: string;
  readonly timeZone: string;
  /** Stored in the programme case's wire form; validated by the app layer. */
  readonly settings: unknown;
}

export async function findClinicRecord(db: Db, clinicId: string, options: { lock?: boolean } = {}): Promise<ClinicRecord | undefined> {
  let query = db.selectFrom('clinic').select(['id', 'name', 'jurisdiction', 'time_zone', 'settings']).where('id', '=', clinicId);
  if (options.lock === true) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : { id: row.id, name: row.name, jurisdiction: row.jurisdiction, timeZone: row.time_zone, settings: row.settings };
}

export async function updateClinicRecord(db: Db, clinicId: string, clinic: { name: string; jurisdiction: string; timeZone: string; settings: unknown }): Promise<void> {
  await db
    .updateTable('clinic')
    .set({ name: clinic.name, jurisdiction: clinic.jurisdiction, time_zone: clinic.timeZone, settings: JSON.stringify(clinic.settings) })
    .where('id', '=', clinicId)
    .execute();
}

export async function clinicHasPatients(db: Db, clinicId: string): Promise<boolean> {
  const row = await db.selectFrom('patient').select('id').where('clinic_id', '=', clinicId).limit(1).executeTakeFirst();
  return row !== undefined;
}

export interface PatientListing {
  readonly id: string;
  readonly displayName: string;
  readonly birthDate: string | null;
  /** The active account linked to the record, if any. */
  readonly accountId: string | null;
}

/** Patients of a clinic with their active account (for linking patient accounts). */
export async function listClinicPatients(db: Db, clinicId: string): Promise<PatientListing[]> {
  const rows = await db
    .selectFrom('patient')
    .leftJoin('app_user', (join) => join.onRef('app_user.patient_id', '=', 'patient.id').on('app_user.disabled', '=', false))
    .select(['patient.id', 'patient.display_name', 'patient.birth_date', 'app_user.id as account_id'])
    .where('patient.clinic_id', '=', clinicId)
    .orderBy('patient.display_name')
    .orderBy('patient.id')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, birthDate: r.birth_date, accountId: r.account_id }));
}

export async function findClinicPatient(db: Db, clinicId: string, patientId: string): Promise<{ id: string; displayName: string } | undefined> {
  const row = await db.selectFrom('patient').select(['id', 'display_name']).where('id', '=', patientId).where('clinic_id', '=', clinicId).executeTakeFirst();
  return row === undefined ? undefined : { id: row.id, displayName: row.display_name };
}

/** Whether the database holds any clinic at all (the demo goes into an empty database only). */
export async function anyClinicExists(db: Db): Promise<boolean> {
  const row = await db.selectFrom('clinic').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
