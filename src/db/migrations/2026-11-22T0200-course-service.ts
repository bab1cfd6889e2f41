import { sql, type Kysely } from 'kysely';

/**
 * The course service (issue 5): a patient's risk category, course details and baseline,
 * prescriptions, authorizations and dispenses with the database invariants that races could
 * break, idempotency keys and clinician tasks.
 *
 * Invariants held by the database itself (program-rules DECISIONS 6 and 7):
 * - at most one open course per patient;
 * - at most one open authorization per prescription;
 * - at most one dispense per authorization, and per prescription.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('patient')
    .addColumn('risk', 'jsonb', (c) => c.notNull().defaultTo(sql`'{"category":"unknown","basis":[]}'::jsonb`))
    .execute();

  await db.schema
    .alterTable('course')
    .addColumn('prescriber_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('product', 'text')
    .addColumn('target_mg_per_kg', 'integer')
    .addColumn('baseline_weight_kg', 'numeric')
    .addColumn('baseline', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('interaction_findings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('stop_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`alter table course add constraint course_status_check
    check (status in ('qualifying', 'active', 'paused', 'completed', 'stopped'))`.execute(db);
  await sql`create unique index course_one_open_per_patient on course (patient_id)
    where status in ('qualifying', 'active', 'paused')`.execute(db);

  // events belong to the patient's programme history (the engine reads every course)
  await db.schema
    .alterTable('course_event')
    .addColumn('patient_id', 'uuid', (c) => c.references('patient.id'))
    .addColumn('event_key', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('on_behalf_of', 'uuid', (c) => c.references('app_user.id'))
    .execute();
  await sql`alter table course_event disable trigger course_event_append_only`.execute(db);
  await sql`update course_event e set patient_id = c.patient_id, event_key = e.id::text from course c where c.id = e.course_id`.execute(db);
  await sql`alter table course_event enable trigger course_event_append_only`.execute(db);
  await sql`alter table course_event alter column patient_id set not null, alter column event_key set not null`.execute(db);
  await sql`create unique index course_event_patient_key on course_event (patient_id, event_key)`.execute(db);
  await db.schema.createIndex('course_event_patient_idx').on('course_event').columns(['patient_id', 'occurred_at']).execute();

  await db.schema
    .createTable('prescription')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('course.id'))
    .addColumn('clinic_id', 'uuid', (c) => c.notNull().references('clinic.id'))
    .addColumn('patient_id', 'uuid', (c) => c.notNull().references('patient.id'))
    .addColumn('prescriber_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('written_on', 'date', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('strength_mg', 'integer', (c) => c.notNull().check(sql`strength_mg > 0`))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('daily_mg', 'integer', (c) => c.notNull().check(sql`daily_mg > 0`))
    .addColumn('refills', 'integer', (c) => c.notNull().check(sql`refills = 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('prescription_course_idx').on('prescription').column('course_id').execute();

  await db.schema
    .createTable('authorization')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('prescription_id', 'uuid', (c) => c.notNull().references('prescription.id'))
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('course.id'))
    .addColumn('clinic_id', 'uuid', (c) => c.notNull().references('clinic.id'))
    .addColumn('patient_id', 'uuid', (c) => c.notNull().references('patient.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'dispensed', 'reversed')`))
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('issued_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('first_instant', 'text', (c) => c.notNull())
    .addColumn('last_instant', 'text', (c) => c.notNull())
    .addColumn('last_day_to_collect', 'date', (c) => c.notNull())
    .addColumn('pack_id', 'text', (c) => c.notNull())
    .addColumn('reversed_at', 'timestamptz')
    .addColumn('reversal_reason', 'text')
    .execute();
  await sql`create unique index authorization_one_open_per_prescription on "authorization" (prescription_id) where status = 'open'`.execute(db);
  await sql`create unique index authorization_one_dispensed_per_prescription on "authorization" (prescription_id) where status = 'dispensed'`.execute(db);
  await db.schema.createIndex('authorization_clinic_status_idx').on('authorization').columns(['clinic_id', 'status']).execute();

  await db.schema
    .createTable('dispense')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('authorization_id', 'uuid', (c) => c.notNull().unique().references('authorization.id'))
    .addColumn('prescription_id', 'uuid', (c) => c.notNull().unique().references('prescription.id'))
    .addColumn('pharmacy_id', 'uuid', (c) => c.notNull().references('pharmacy.id'))
    .addColumn('pharmacist_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('medication_guide_given', 'boolean', (c) => c.notNull())
    .addColumn('rma_number', 'text')
    .addColumn('dnd_date', 'date')
    .addColumn('dispensed_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('idempotency_key')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('key', 'text', (c) => c.notNull().check(sql`length(key) between 1 and 200`))
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_key_pk', ['user_id', 'key'])
    .execute();

  await db.schema
    .createTable('task')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('clinic_id', 'uuid', (c) => c.notNull().references('clinic.id'))
    .addColumn('patient_id', 'uuid', (c) => c.notNull().references('patient.id'))
    .addColumn('course_id', 'uuid', (c) => c.references('course.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull().check(sql`urgency in ('urgent', 'soon', 'routine')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('task_clinic_open_idx').on('task').columns(['clinic_id', 'done_at']).execute();
}
