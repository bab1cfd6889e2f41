import { sql, type Kysely } from 'kysely';

/**
 * Change versions (docs/rules/WL-PREFILTER.md, docs/nightly.md): what a course's judgement reads
 * is the course row, the patient row with the patient's programme events, and the clinic's facts
 * (the clinic row and its prescribers). Each of `course`, `patient` and `clinic` gets a
 * `change_seq` taken from one sequence and moved by the DATABASE on every change, whatever code
 * makes it:
 *
 * - any update of a `course`, `patient` or `clinic` row (a BEFORE UPDATE trigger);
 * - any insert into `course_event` moves its patient's `change_seq` (events are append-only);
 * - any insert, delete or change of a prescriber account (role, clinic, disabled, specialty,
 *   certification) moves its clinic's (old and new clinic on a move).
 *
 * The nightly stores, with each `course_schedule` row, the three values it read
 * (`course_seq`, `patient_seq`, `clinic_seq`): the row describes the course exactly as long as the
 * three are unchanged, which is an equality, not a comparison of clocks (tests run on fixed
 * clocks; the database's clock and the application's may differ). `valid_through` is the last
 * day the stored judgement holds without any change (null: only the day it was computed for).
 *
 * Existing rows get 0 (instant on large tables; the default for new rows is the sequence) and no
 * schedule row has versions yet, so nothing counts as unchanged until the next night.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence record_change_seq`.execute(db);
  for (const table of ['patient', 'course', 'clinic']) {
    await sql`alter table ${sql.table(table)} add column change_seq bigint not null default 0`.execute(db);
    await sql`alter table ${sql.table(table)} alter column change_seq set default nextval('record_change_seq')`.execute(db);
  }
  await sql`
    create function record_changed() returns trigger language plpgsql as $$
    begin
      new.change_seq := nextval('record_change_seq');
      return new;
    end $$`.execute(db);
  for (const table of ['patient', 'course', 'clinic']) {
    await sql`create trigger ${sql.raw(`${table}_change_seq`)} before update on ${sql.table(table)}
      for each row execute function record_changed()`.execute(db);
  }
  await sql`
    create function course_event_changes_patient() returns trigger language plpgsql as $$
    begin
      update patient set change_seq = nextval('record_change_seq') where id = new.patient_id;
      return null;
    end $$`.execute(db);
  await sql`create trigger course_event_changes_patient after insert on course_event
    for each row execute function course_event_changes_patient()`.execute(db);
  await sql`
    create function prescriber_changes_clinic() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        if new.role = 'prescriber' and new.clinic_id is not null then
          update clinic set change_seq = nextval('record_change_seq') where id = new.clinic_id;
        end if;
      elsif tg_op = 'DELETE' then
        if old.role = 'prescriber' and old.clinic_id is not null then
          update clinic set change_seq = nextval('record_change_seq') where id = old.clinic_id;
        end if;
      elsif (old.role = 'prescriber' or new.role = 'prescriber')
            and row(old.role, old.clinic_id, old.disabled, old.prescriber_specialty, old.prescriber_certified_on)
                is distinct from row(new.role, new.clinic_id, new.disabled, new.prescriber_specialty, new.prescriber_certified_on) then
        update clinic set change_seq = nextval('record_change_seq') where id in (old.clinic_id, new.clinic_id);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger prescriber_changes_clinic after insert or delete or update on app_user
    for each row execute function prescriber_changes_clinic()`.execute(db);

  await sql`alter table course_schedule add column course_seq bigint, add column patient_seq bigint, add column clinic_seq bigint, add column valid_through date`.execute(db);
  await sql`alter table course_schedule add constraint course_schedule_valid_through_check check (valid_through is null or valid_through >= computed_for)`.execute(db);
}
