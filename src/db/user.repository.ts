import type { Kysely, Transaction } from 'kysely';
import type { Database, Role } from './schema.js';
import type { SessionRecord } from './session.repository.js';

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly clinicId: string | null;
  readonly pharmacyId: string | null;
  readonly patientId: string | null;
  readonly totpSecret: string | null;
  readonly totpEnabled: boolean;
  readonly failedLogins: number;
  readonly lockedUntil: Date | null;
  readonly disabled: boolean;
  /** Until when the current (temporary, administrator-issued) password is accepted; null for the user's own. */
  readonly passwordTemporaryUntil: Date | null;
  /** Prescribers a designee acts for (empty for other roles). */
  readonly actsFor: readonly string[];
}

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly clinicId?: string | null;
  readonly pharmacyId?: string | null;
  readonly patientId?: string | null;
  readonly prescriberSpecialty?: string | null;
  readonly prescriberCertifiedOn?: string | null;
  readonly passwordTemporaryUntil?: Date | null;
}

type Db = Kysely<Database> | Transaction<Database>;

const columns = [
  'id',
  'email',
  'display_name',
  'password_hash',
  'role',
  'clinic_id',
  'pharmacy_id',
  'patient_id',
  'totp_secret',
  'totp_enabled',
  'failed_logins',
  'locked_until',
  'disabled',
  'password_temporary_until',
] as const;

async function withActsFor(db: Db, row: RowShape | undefined): Promise<UserRecord | undefined> {
  if (row === undefined) return undefined;
  const actsFor =
    row.role === 'designee'
      ? (await db.selectFrom('designee_for').select('prescriber_id').where('designee_id', '=', row.id).execute()).map((r) => r.prescriber_id)
      : [];
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    clinicId: row.clinic_id,
    pharmacyId: row.pharmacy_id,
    patientId: row.patient_id,
    totpSecret: row.totp_secret,
    totpEnabled: row.totp_enabled,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    disabled: row.disabled,
    passwordTemporaryUntil: row.password_temporary_until,
    actsFor,
  };
}

interface RowShape {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  clinic_id: string | null;
  pharmacy_id: string | null;
  patient_id: string | null;
  totp_secret: string | null;
  totp_enabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
  disabled: boolean;
  password_temporary_until: Date | null;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('app_user').select(columns).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  return withActsFor(db, row);
}

/**
 * A session and its user in one statement: every signed-in request resolves its session, so a
 * second round trip for the user would cost every request.
 */
export async function findSessionWithUser(db: Db, tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select(columns.map((c) => `app_user.${c}` as const))
    .select(['session.csrf_token', 'session.expires_at', 'session.last_seen_at'])
    .where('session.token_hash', '=', tokenHash)
    .executeTakeFirst();
  const user = await withActsFor(db, row);
  if (row === undefined || user === undefined) return undefined;
  return { session: { tokenHash, userId: row.id, csrfToken: row.csrf_token, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at }, user };
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('app_user').select(columns).where('id', '=', id).executeTakeFirst();
  return withActsFor(db, row);
}

export async function insertUser(db: Db, user: NewUser): Promise<string> {
  const row = await db
    .insertInto('app_user')
    .values({
      email: user.email.trim().toLowerCase(),
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      clinic_id: user.clinicId ?? null,
      pharmacy_id: user.pharmacyId ?? null,
      patient_id: user.patientId ?? null,
      prescriber_specialty: user.prescriberSpecialty ?? null,
      prescriber_certified_on: user.prescriberCertifiedOn ?? null,
      password_temporary_until: user.passwordTemporaryUntil ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addDesignee(db: Db, designeeId: string, prescriberId: string): Promise<void> {
  await db.insertInto('designee_for').values({ designee_id: designeeId, prescriber_id: prescriberId }).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * Counts a failed login atomically and locks the account for `lockFor` once `maxFailures` is
 * reached (the count restarts after the lock). Returns the lock end when it was set.
 */
export async function recordFailedLogin(db: Db, userId: string, now: Date, maxFailures: number, lockForMs: number): Promise<Date | null> {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  if (row.failed_logins < maxFailures) return null;
  const until = new Date(now.getTime() + lockForMs);
  await db.updateTable('app_user').set({ failed_logins: 0, locked_until: until }).where('id', '=', userId).execute();
  return until;
}

export async function recordSuccessfulLogin(db: Db, userId: string): Promise<void> {
  await db.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function setTotpSecret(db: Db, userId: string, secret: string | null, enabled: boolean): Promise<void> {
  await db.updateTable('app_user').set({ totp_secret: secret, totp_enabled: enabled }).where('id', '=', userId).execute();
}
