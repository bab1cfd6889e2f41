import { sql, type Kysely } from 'kysely';

/**
 * The nightly recompute (issue 7, docs/nightly.md).
 *
 * - `course_schedule`: one row per judged course, what the worklist computation (WL-*) and the
 *   programme engine say for the calendar day `computed_for`: the dated items with their timing,
 *   the engine's unmet requirements with their earliest dates, and the earliest deadline
 *   (`next_by`) for queries such as "what falls due this week in my clinic". Derived data: a
 *   course that is no longer judged loses its row; the events stay the record.
 * - `reminder`: the reminders to send, one per course, kind and due date (unique: re-running a
 *   night changes nothing). A reminder that no longer applies is retired (`status = 'retired'`,
 *   when and why), never deleted; a sent one (`sent`, set by the sender) is never changed again.
 * - `nightly_run`: one row per run (the date it was asked for, when it started and ended, its
 *   counts, and the last course of the last committed batch, from which an interrupted run resumes).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('nightly_run')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('requested_date', 'date')
    .addColumn('as_of', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'completed', 'interrupted')`))
    .addColumn('checkpoint', 'uuid')
    .addColumn('courses_judged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problems', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reminders_created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reminders_updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reminders_retired', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('nightly_run_started_idx').on('nightly_run').column('started_at').execute();

  await db.schema
    .createTable('course_schedule')
    .addColumn('course_id', 'uuid', (c) => c.primaryKey().references('course.id'))
    .addColumn('clinic_id', 'uuid', (c) => c.notNull().references('clinic.id'))
    .addColumn('patient_id', 'uuid', (c) => c.notNull().references('patient.id'))
    .addColumn('computed_for', 'date', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('nightly_run.id'))
    .addColumn('course_status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('judged', 'problem')`))
    .addColumn('next_authorization', 'text', (c) => c.check(sql`next_authorization in ('allowed', 'blocked')`))
    .addColumn('overdue', 'integer', (c) => c.notNull())
    .addColumn('due', 'integer', (c) => c.notNull())
    .addColumn('upcoming', 'integer', (c) => c.notNull())
    .addColumn('next_by', 'date')
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('unmet', 'jsonb', (c) => c.notNull())
    .addColumn('problem', 'text')
    .execute();
  await db.schema.createIndex('course_schedule_clinic_next_idx').on('course_schedule').columns(['clinic_id', 'next_by']).execute();

  await db.schema
    .createTable('reminder')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('course.id'))
    .addColumn('clinic_id', 'uuid', (c) => c.notNull().references('clinic.id'))
    .addColumn('patient_id', 'uuid', (c) => c.notNull().references('patient.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`length(kind) between 1 and 100`))
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull().check(sql`recipient in ('patient', 'clinic')`))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('send_on', 'date', (c) => c.notNull())
    .addColumn('message_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sent', 'retired')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_run', 'uuid', (c) => c.notNull().references('nightly_run.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_run', 'uuid', (c) => c.notNull().references('nightly_run.id'))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('retired_at', 'timestamptz')
    .addColumn('retired_reason', 'text', (c) => c.check(sql`retired_reason in ('no_longer_applies', 'course_not_judged')`))
    .addUniqueConstraint('reminder_course_kind_due_unique', ['course_id', 'kind', 'due_on'])
    .execute();
  await sql`alter table reminder add constraint reminder_retired_check
    check ((status = 'retired') = (retired_at is not null and retired_reason is not null))`.execute(db);
  // what the job compares against, and what a sender reads: only pending reminders
  await sql`create index reminder_pending_course_idx on reminder (course_id) where status = 'pending'`.execute(db);
  await sql`create index reminder_pending_send_idx on reminder (send_on) where status = 'pending'`.execute(db);
  await db.schema.createIndex('reminder_patient_idx').on('reminder').columns(['patient_id', 'due_on']).execute();
}
