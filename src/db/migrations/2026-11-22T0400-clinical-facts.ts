import { sql, type Kysely } from 'kysely';

/**
 * The clinical facts of a course (issue 5, docs/adr/0010-clinical-facts.md): doses taken and
 * missed, weights, labs, PHQ-9 responses, symptom reports, gradings and notes as one append-only
 * table with their standard codes in columns (a FHIR Observation / MedicationStatement /
 * QuestionnaireResponse maps one to one), and progress photos with their bytes (bytea).
 *
 * Invariants held by the database itself:
 * - a dose (course, day, dose of the day) and a weight (course, day) are recorded at most once
 *   (`dedupe_key`), so a dose log is never counted twice (DOSE-CUMULATIVE, CLIN-DOSE-LOG);
 * - facts and photos are evidence: never updated or deleted (the core's `forbid_change` trigger);
 * - a photo is a JPEG or PNG of at most 4 MiB whose stored length is the length it declared.
 */
// Migrations see the database as it was when they were written, so they are untyped by design.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clinical_fact')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('course.id'))
    .addColumn('clinic_id', 'uuid', (c) => c.notNull().references('clinic.id'))
    .addColumn('patient_id', 'uuid', (c) => c.notNull().references('patient.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('dose', 'weight', 'lab', 'phq9', 'symptoms', 'grading', 'note')`))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('effective_on', 'date')
    .addColumn('dedupe_key', 'text')
    .addColumn('code_system', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('display', 'text', (c) => c.notNull())
    .addColumn('value_numeric', 'numeric')
    .addColumn('value_text', 'text')
    .addColumn('unit', 'text')
    .addColumn('reference_high', 'numeric')
    .addColumn('codings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('result', 'jsonb')
    .addColumn('alert', 'text', (c) => c.check(sql`alert in ('urgent', 'soon', 'routine')`))
    .addColumn('visible_to_patient', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('program_event_key', 'text')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('recorded_role', 'text', (c) => c.notNull())
    .addColumn('on_behalf_of', 'uuid', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('clinical_fact_course_kind_idx').on('clinical_fact').columns(['course_id', 'kind', 'occurred_at']).execute();
  await sql`create unique index clinical_fact_course_dedupe on clinical_fact (course_id, dedupe_key) where dedupe_key is not null`.execute(db);

  await db.schema
    .createTable('progress_photo')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('course.id'))
    .addColumn('clinic_id', 'uuid', (c) => c.notNull().references('clinic.id'))
    .addColumn('patient_id', 'uuid', (c) => c.notNull().references('patient.id'))
    .addColumn('content_type', 'text', (c) => c.notNull().check(sql`content_type in ('image/jpeg', 'image/png')`))
    .addColumn('byte_size', 'integer', (c) => c.notNull().check(sql`byte_size between 1 and 4194304`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('taken_on', 'date')
    .addColumn('body_site', 'text', (c) => c.check(sql`body_site in ('face', 'chest', 'back', 'other')`))
    .addColumn('caption', 'text', (c) => c.check(sql`length(caption) <= 500`))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('recorded_role', 'text', (c) => c.notNull())
    .execute();
  await sql`alter table progress_photo add constraint progress_photo_size_matches check (octet_length(content) = byte_size)`.execute(db);
  await db.schema.createIndex('progress_photo_course_idx').on('progress_photo').columns(['course_id', 'recorded_at']).execute();

  await sql`create trigger clinical_fact_append_only before update or delete on clinical_fact
    for each row execute function forbid_change()`.execute(db);
  await sql`create trigger progress_photo_append_only before update or delete on progress_photo
    for each row execute function forbid_change()`.execute(db);
}
