import { sql, type Kysely } from 'kysely';

/**
 * Worklists (issue 5, item 4).
 *
 * - `authorization.pharmacy_id` / `verified_at`: the pharmacy that last verified an open
 *   authorization at its counter (WL-PHARMACY). That is how a pharmacy "sees" an authorization
 *   before dispensing: its worklist lists the authorizations it verified, and only it may reverse
 *   one another pharmacy has not taken over since.
 * - Partial indexes for the worklist queries: open urgent tasks (red flags, WL-FLAG) by clinic
 *   and by patient, and open authorizations by pharmacy in last-day order.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('authorization')
    .addColumn('pharmacy_id', 'uuid', (c) => c.references('pharmacy.id'))
    .addColumn('verified_at', 'timestamptz')
    .execute();
  await sql`create index authorization_pharmacy_open_idx on "authorization" (pharmacy_id, last_day_to_collect, id)
    where status = 'open' and pharmacy_id is not null`.execute(db);
  await sql`create index task_clinic_urgent_open_idx on task (clinic_id, course_id)
    where urgency = 'urgent' and done_at is null`.execute(db);
  await sql`create index task_patient_urgent_open_idx on task (patient_id, created_at)
    where urgency = 'urgent' and done_at is null`.execute(db);
}
