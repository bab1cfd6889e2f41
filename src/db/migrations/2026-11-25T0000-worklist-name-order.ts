import { sql, type Kysely } from 'kysely';

/**
 * The clinic worklist walks a clinic's patients in name order (WL-ORDER: byte order, `collate
 * "C"`, the same on both engines) and stops at the page size, instead of sorting every open
 * course of the clinic for each page: at 1,000,000 courses the largest clinic had about 8,000 open
 * courses to sort per request (docs/benchmarks.md, worklist latency).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index patient_clinic_name_idx on patient (clinic_id, display_name collate "C", id)`.execute(db);
}
