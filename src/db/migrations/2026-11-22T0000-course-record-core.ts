import { sql, type Kysely } from 'kysely';

/**
 * The course record core: clinics, patients, courses, append-only course events and stored
 * programme decisions. Forward-only (docs/adr/0002-kysely-pg-on-pglite-and-postgresql.md); SQL
 * that runs on PostgreSQL 15 and on PGlite alike (gen_random_uuid is core since PostgreSQL 13).
 */
// Migrations see the database as it was when they were written, so they are untyped by design.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clinic')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
    .addColumn('jurisdiction', 'text', (c) => c.notNull().check(sql`jurisdiction in ('US', 'EU', 'EU-FR', 'EU-IT', 'UK')`))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('patient')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('clinic_id', 'uuid', (c) => c.notNull().references('clinic.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('patient_clinic_idx').on('patient').column('clinic_id').execute();

  await db.schema
    .createTable('course')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('patient_id', 'uuid', (c) => c.notNull().references('patient.id'))
    .addColumn('clinic_id', 'uuid', (c) => c.notNull().references('clinic.id'))
    .addColumn('sequence', 'integer', (c) => c.notNull().check(sql`sequence >= 1`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('course_patient_sequence_unique', ['patient_id', 'sequence'])
    .execute();
  await db.schema.createIndex('course_clinic_status_idx').on('course').columns(['clinic_id', 'status']).execute();

  await db.schema
    .createTable('course_event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('course.id'))
    .addColumn('clinic_id', 'uuid', (c) => c.notNull().references('clinic.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('course_event_course_idx').on('course_event').columns(['course_id', 'occurred_at']).execute();

  await db.schema
    .createTable('program_decision')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('course.id'))
    .addColumn('clinic_id', 'uuid', (c) => c.notNull().references('clinic.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .addColumn('pack_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('allowed', 'blocked')`))
    .addColumn('decision', 'jsonb', (c) => c.notNull())
    .addColumn('facts', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('program_decision_course_idx').on('program_decision').columns(['course_id', 'decided_at']).execute();

  // Events and decisions are evidence: they are never updated or deleted (append-only).
  await sql`
    create function forbid_change() returns trigger language plpgsql as $$
    begin
      raise exception 'rows of % are append-only', tg_table_name using errcode = '42501';
    end
    $$`.execute(db);
  await sql`create trigger course_event_append_only before update or delete on course_event
    for each row execute function forbid_change()`.execute(db);
  await sql`create trigger program_decision_append_only before update or delete on program_decision
    for each row execute function forbid_change()`.execute(db);
}
