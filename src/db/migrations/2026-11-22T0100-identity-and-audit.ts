import { sql, type Kysely } from 'kysely';

/**
 * Who may do what, and the audit log (issue 5: security and audit).
 *
 * - pharmacies with their certification and yearly activation (US2);
 * - users with exactly one role, scoped by the database itself: staff belong to a clinic,
 *   pharmacists to a pharmacy, a patient account to one patient record;
 * - designees act for named prescribers of their clinic;
 * - server-side sessions (only a hash of the session token is stored);
 * - an append-only, hash-chained audit log of every read and write of health data.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pharmacy')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
    .addColumn('jurisdiction', 'text', (c) => c.notNull().check(sql`jurisdiction in ('US', 'EU', 'EU-FR', 'EU-IT', 'UK')`))
    .addColumn('certified_on', 'date')
    .addColumn('activated_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .alterTable('patient')
    .addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('birth_date', 'date')
    .execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull().check(sql`email = lower(email) and length(email) between 3 and 254`))
    .addColumn('display_name', 'text', (c) => c.notNull().check(sql`length(display_name) between 1 and 200`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('prescriber', 'designee', 'pharmacist', 'patient', 'clinic_admin')`),
    )
    .addColumn('clinic_id', 'uuid', (c) => c.references('clinic.id'))
    .addColumn('pharmacy_id', 'uuid', (c) => c.references('pharmacy.id'))
    .addColumn('patient_id', 'uuid', (c) => c.references('patient.id'))
    .addColumn('prescriber_specialty', 'text')
    .addColumn('prescriber_certified_on', 'date')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('app_user_email_unique', ['email'])
    // the scope of each role is a database invariant, not only an application check
    .addCheckConstraint(
      'app_user_scope',
      sql`(role in ('prescriber', 'designee', 'clinic_admin') and clinic_id is not null and pharmacy_id is null and patient_id is null)
       or (role = 'pharmacist' and pharmacy_id is not null and clinic_id is null and patient_id is null)
       or (role = 'patient' and patient_id is not null and clinic_id is not null and pharmacy_id is null)`,
    )
    .execute();

  await db.schema
    .createTable('designee_for')
    .addColumn('designee_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('prescriber_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addPrimaryKeyConstraint('designee_for_pk', ['designee_id', 'prescriber_id'])
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

  // The audit log is a set of hash chains, one per clinic (and one, 'system', for events outside
  // any clinic): each entry stores the hash of the previous entry of its chain, so an altered,
  // inserted or deleted entry breaks the chain. Appending locks the chain's head row, so
  // concurrent appends from several server processes never fork a chain, and clinics do not
  // wait on each other.
  await db.schema
    .createTable('audit_log')
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_role', 'text')
    .addColumn('on_behalf_of', 'uuid')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text')
    .addColumn('clinic_id', 'uuid')
    .addColumn('patient_id', 'uuid')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_log_pk', ['chain', 'seq'])
    .execute();
  await db.schema.createIndex('audit_log_patient_idx').on('audit_log').columns(['patient_id', 'at']).execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await sql`create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function forbid_change()`.execute(db);

  await db.schema
    .createTable('audit_head')
    .addColumn('chain', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
}
