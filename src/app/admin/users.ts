import type { CreateUserRequest, UpdateUserRequest, UserListQuery } from '../../contracts/admin.js';
import {
  activeAccountOfPatient,
  activePrescribersAmong,
  emailInUse,
  findManagedUser,
  listManagedUsers,
  replaceDesignees,
  updateProfile,
  type ManagedUser,
} from '../../db/account-admin.repository.js';
import { findClinicPatient } from '../../db/clinic-admin.repository.js';
import { findManagedPharmacy } from '../../db/pharmacy-admin.repository.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { insertUser } from '../../db/user.repository.js';
import { isUniqueViolation, type Actor } from '../course/course-context.js';
import { AppError } from '../errors.js';
import { adminClinic, auditAdmin, type AdminDeps } from './admin-context.js';
import { issueTemporaryPassword } from './temporary-password.js';

export type { ManagedUser } from '../../db/account-admin.repository.js';

export interface CreatedUser {
  readonly user: ManagedUser;
  readonly temporaryPassword: string;
  readonly expiresAt: Date;
}

/** The accounts the clinic manages (staff, patient accounts, pharmacists of its pharmacies); audited. */
export async function listUsers(deps: AdminDeps, actor: Actor, query: UserListQuery): Promise<ManagedUser[]> {
  const clinicId = adminClinic(actor);
  const now = deps.clock.now();
  const disabled = query.status === 'all' ? undefined : query.status === 'disabled';
  return deps.db.transaction().execute(async (trx) => {
    const users = await listManagedUsers(trx, clinicId, { role: query.role, disabled });
    await auditAdmin(trx, actor, now, { action: 'read', resourceType: 'user_list', resourceId: null, clinicId });
    return users;
  });
}

async function checkPrescribers(trx: Transaction<Database>, clinicId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await activePrescribersAmong(trx, clinicId, unique);
  const missing = unique.filter((id) => !found.includes(id));
  if (missing.length > 0) throw new AppError('not_found', `Not an active prescriber of this clinic: ${missing.join(', ')}.`, { field: 'actsFor', missing });
  return unique;
}

/** Where the new account belongs, after checking that every reference is the clinic's own. */
async function scopeOf(trx: Transaction<Database>, clinicId: string, input: CreateUserRequest): Promise<{ clinicId: string | null; pharmacyId: string | null; patientId: string | null }> {
  switch (input.role) {
    case 'prescriber':
    case 'clinic_admin':
      return { clinicId, pharmacyId: null, patientId: null };
    case 'designee':
      await checkPrescribers(trx, clinicId, input.actsFor);
      return { clinicId, pharmacyId: null, patientId: null };
    case 'patient': {
      const patient = await findClinicPatient(trx, clinicId, input.patientId);
      if (patient === undefined) throw new AppError('not_found', 'No such patient in this clinic.', { field: 'patientId' });
      if ((await activeAccountOfPatient(trx, input.patientId)) !== undefined) throw new AppError('conflict', 'This patient record already has an active account; reset its password instead.');
      return { clinicId, pharmacyId: null, patientId: input.patientId };
    }
    case 'pharmacist': {
      const pharmacy = await findManagedPharmacy(trx, clinicId, input.pharmacyId);
      if (pharmacy === undefined) throw new AppError('not_found', 'No such pharmacy managed by this clinic.', { field: 'pharmacyId' });
      return { clinicId: null, pharmacyId: input.pharmacyId, patientId: null };
    }
    default: {
      const unreachable: never = input;
      return unreachable;
    }
  }
}

/**
 * Creates an account with a role and its scope, and a temporary password shown once
 * (SEC-TEMP-PASSWORD): the administrator never learns the password the user will use.
 */
export async function createUser(deps: AdminDeps, actor: Actor, input: CreateUserRequest): Promise<CreatedUser> {
  const clinicId = adminClinic(actor);
  const now = deps.clock.now();
  const issued = await issueTemporaryPassword(deps.tokens, deps.securityClock);
  try {
    const user = await deps.db.transaction().execute(async (trx) => {
      if (await emailInUse(trx, input.email)) throw new AppError('conflict', 'An account with that e-mail address exists already.', { field: 'email' });
      const scope = await scopeOf(trx, clinicId, input);
      const userId = await insertUser(trx, {
        email: input.email,
        displayName: input.displayName,
        passwordHash: issued.passwordHash,
        passwordTemporaryUntil: issued.expiresAt,
        role: input.role,
        ...scope,
        prescriberSpecialty: input.role === 'prescriber' ? input.specialty : null,
        prescriberCertifiedOn: input.role === 'prescriber' ? input.certifiedOn : null,
      });
      if (input.role === 'designee') await replaceDesignees(trx, userId, [...new Set(input.actsFor)]);
      await auditAdmin(trx, actor, now, { action: 'create_user', resourceType: 'user', resourceId: userId, clinicId, patientId: scope.patientId });
      const created = await findManagedUser(trx, clinicId, userId);
      if (created === undefined) throw new AppError('not_found', 'The new account could not be read back.');
      return created;
    });
    return { user, temporaryPassword: issued.temporaryPassword, expiresAt: issued.expiresAt };
  } catch (error) {
    // two administrators creating the same e-mail, or two accounts for one patient, at once
    if (isUniqueViolation(error)) throw new AppError('conflict', 'That e-mail address or patient record was taken by another request at the same moment.');
    throw error;
  }
}

/** Changes a name, a prescriber's specialty or certification, or the prescribers a designee acts for. */
export async function updateUser(deps: AdminDeps, actor: Actor, userId: string, input: UpdateUserRequest): Promise<ManagedUser> {
  const clinicId = adminClinic(actor);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const user = await findManagedUser(trx, clinicId, userId, { lock: true });
    if (user === undefined) throw new AppError('not_found', 'No such user in this clinic.');
    const wrongRole = [
      ...(user.role !== 'prescriber' && input.specialty !== undefined ? ['specialty'] : []),
      ...(user.role !== 'prescriber' && input.certifiedOn !== undefined ? ['certifiedOn'] : []),
      ...(user.role !== 'designee' && input.actsFor !== undefined ? ['actsFor'] : []),
    ];
    if (wrongRole.length > 0) {
      throw new AppError('invalid_input', `A ${user.role} account has no ${wrongRole.join(' or ')}.`, {
        errors: wrongRole.map((field) => ({ pointer: `/${field}`, detail: `not a field of a ${user.role} account` })),
      });
    }
    await updateProfile(trx, userId, { displayName: input.displayName, prescriberSpecialty: input.specialty, prescriberCertifiedOn: input.certifiedOn });
    if (input.actsFor !== undefined) await replaceDesignees(trx, userId, await checkPrescribers(trx, clinicId, input.actsFor));
    await auditAdmin(trx, actor, now, { action: 'update_user', resourceType: 'user', resourceId: userId, clinicId, patientId: user.patientId });
    const updated = await findManagedUser(trx, clinicId, userId);
    if (updated === undefined) throw new AppError('not_found', 'No such user in this clinic.');
    return updated;
  });
}
