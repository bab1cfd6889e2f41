import { sql, type Kysely } from 'kysely';

/**
 * Clinic administration (issue 5, admin API):
 *
 * - a pharmacy is managed by the clinic whose administrator registered it
 *   (DECISION-PHARMACY-MANAGEMENT): that clinic records its certification and yearly activation
 *   and creates its pharmacist accounts; pharmacies still dispense for patients of any clinic;
 * - a password set by an administrator is temporary (SEC-TEMP-PASSWORD): it is refused after
 *   `password_temporary_until`, and the holder must choose their own before doing anything else;
 * - a patient record has at most one active account, so a patient's record is never shared
 *   between two sign-ins (a disabled account may be replaced).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('pharmacy')
    .addColumn('managed_by_clinic_id', 'uuid', (c) => c.references('clinic.id'))
    .execute();
  await db.schema.createIndex('pharmacy_managed_by_idx').on('pharmacy').column('managed_by_clinic_id').execute();

  await db.schema.alterTable('app_user').addColumn('password_temporary_until', 'timestamptz').execute();

  await sql`create unique index app_user_one_active_account_per_patient on app_user (patient_id)
    where patient_id is not null and not disabled`.execute(db);
}
