import type { Kysely, Transaction } from 'kysely';
import type { Database, Role } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** An account as its clinic's administrators see it: never the password hash or TOTP secret. */
export interface ManagedUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly clinicId: string | null;
  readonly pharmacyId: string | null;
  readonly patientId: string | null;
  readonly prescriberSpecialty: string | null;
  readonly prescriberCertifiedOn: string | null;
  readonly disabled: boolean;
  readonly totpEnabled: boolean;
  readonly lockedUntil: Date | null;
  readonly passwordTemporaryUntil: Date | null;
  readonly createdAt: Date;
  readonly actsFor: readonly string[];
}

const columns = [
  'app_user.id',
  'app_user.email',
  'app_user.display_name',
  'app_user.role',
  'app_user.clinic_id',
  'app_user.pharmacy_id',
  'app_user.patient_id',
  'app_user.prescriber_specialty',
  'app_user.prescriber_certified_on',
  'app_user.disabled',
  'app_user.totp_enabled',
  'app_user.locked_until',
  'app_user.password_temporary_until',
  'app_user.created_at',
] as const;

/**
 * The accounts a clinic manages: its staff and patient accounts, and the pharmacists of the
 * pharmacies it manages (DECISION-PHARMACY-MANAGEMENT).
 */
function managedBy(db: Db, clinicId: string) {
  return db
    .selectFrom('app_user')
    .leftJoin('pharmacy', 'pharmacy.id', 'app_user.pharmacy_id')
    .select(columns)
    .where((eb) => eb.or([eb('app_user.clinic_id', '=', clinicId), eb('pharmacy.managed_by_clinic_id', '=', clinicId)]));
}

type Row = Awaited<ReturnType<ReturnType<typeof managedBy>['executeTakeFirstOrThrow']>>;

async function withDesignees(db: Db, rows: readonly Row[]): Promise<ManagedUser[]> {
  const designeeIds = rows.filter((r) => r.role === 'designee').map((r) => r.id);
  const links = designeeIds.length === 0 ? [] : await db.selectFrom('designee_for').select(['designee_id', 'prescriber_id']).where('designee_id', 'in', designeeIds).orderBy('prescriber_id').execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    clinicId: r.clinic_id,
    pharmacyId: r.pharmacy_id,
    patientId: r.patient_id,
    prescriberSpecialty: r.prescriber_specialty,
    prescriberCertifiedOn: r.prescriber_certified_on,
    disabled: r.disabled,
    totpEnabled: r.totp_enabled,
    lockedUntil: r.locked_until,
    passwordTemporaryUntil: r.password_temporary_until,
    createdAt: r.created_at,
    actsFor: links.filter((l) => l.designee_id === r.id).map((l) => l.prescriber_id),
  }));
}

export async function listManagedUsers(db: Db, clinicId: string, filter: { role?: Role | undefined; disabled?: boolean | undefined }): Promise<ManagedUser[]> {
  let query = managedBy(db, clinicId);
  if (filter.role !== undefined) query = query.where('app_user.role', '=', filter.role);
  if (filter.disabled !== undefined) query = query.where('app_user.disabled', '=', filter.disabled);
  return withDesignees(db, await query.orderBy('app_user.role').orderBy('app_user.display_name').orderBy('app_user.id').execute());
}

/** One account the clinic manages, or undefined (another clinic's account is not found). */
export async function findManagedUser(db: Db, clinicId: string, userId: string, options: { lock?: boolean } = {}): Promise<ManagedUser | undefined> {
  let query = managedBy(db, clinicId).where('app_user.id', '=', userId);
  // lock only the account row: the pharmacy row is read, not changed
  if (options.lock === true) query = query.forUpdate('app_user');
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : (await withDesignees(db, [row]))[0];
}

export async function emailInUse(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  return row !== undefined;
}

/** Active prescribers of a clinic among `ids` (to check the prescribers a designee acts for). */
export async function activePrescribersAmong(db: Db, clinicId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('role', '=', 'prescriber')
    .where('disabled', '=', false)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

export async function replaceDesignees(db: Db, designeeId: string, prescriberIds: readonly string[]): Promise<void> {
  await db.deleteFrom('designee_for').where('designee_id', '=', designeeId).execute();
  if (prescriberIds.length === 0) return;
  await db
    .insertInto('designee_for')
    .values(prescriberIds.map((prescriberId) => ({ designee_id: designeeId, prescriber_id: prescriberId })))
    .execute();
}

export async function updateProfile(
  db: Db,
  userId: string,
  changes: { displayName?: string | undefined; prescriberSpecialty?: string | undefined; prescriberCertifiedOn?: string | null | undefined },
): Promise<void> {
  const set = {
    ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
    ...(changes.prescriberSpecialty === undefined ? {} : { prescriber_specialty: changes.prescriberSpecialty }),
    ...(changes.prescriberCertifiedOn === undefined ? {} : { prescriber_certified_on: changes.prescriberCertifiedOn }),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable('app_user').set(set).where('id', '=', userId).execute();
}

/** Sets a password; a temporary one carries its end, the user's own has none. Unlocks the account. */
export async function setPassword(db: Db, userId: string, passwordHash: string, temporaryUntil: Date | null): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, password_temporary_until: temporaryUntil, failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export async function setDisabled(db: Db, userId: string, disabled: boolean): Promise<void> {
  await db.updateTable('app_user').set({ disabled }).where('id', '=', userId).execute();
}

/** Ends every session of a user, except (optionally) the one making the change. */
export async function deleteSessionsOf(db: Db, userId: string, keepTokenHash?: string): Promise<void> {
  let query = db.deleteFrom('session').where('user_id', '=', userId);
  if (keepTokenHash !== undefined) query = query.where('token_hash', '<>', keepTokenHash);
  await query.execute();
}

export async function findPasswordHash(db: Db, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('app_user').select('password_hash').where('id', '=', userId).forUpdate().executeTakeFirst();
  return row?.password_hash;
}

/** Active accounts linked to a patient record (at most one, by a unique index). */
export async function activeAccountOfPatient(db: Db, patientId: string): Promise<string | undefined> {
  const row = await db.selectFrom('app_user').select('id').where('patient_id', '=', patientId).where('disabled', '=', false).executeTakeFirst();
  return row?.id;
}
