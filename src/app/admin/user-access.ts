import { activeAccountOfPatient, deleteSessionsOf, findManagedUser, setDisabled, setPassword, type ManagedUser } from '../../db/account-admin.repository.js';
import { isUniqueViolation, type Actor } from '../course/course-context.js';
import { AppError } from '../errors.js';
import { adminClinic, auditAdmin, type AdminDeps } from './admin-context.js';
import { issueTemporaryPassword } from './temporary-password.js';

/**
 * Disables an account: it can no longer sign in and its sessions end at once. An administrator
 * cannot disable themself, so a clinic never locks out its last administrator by accident.
 * Disabling is idempotent; nothing is deleted (the audit log keeps naming the account).
 */
export async function disableUser(deps: AdminDeps, actor: Actor, userId: string): Promise<ManagedUser> {
  const clinicId = adminClinic(actor);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const user = await findManagedUser(trx, clinicId, userId, { lock: true });
    if (user === undefined) throw new AppError('not_found', 'No such user in this clinic.');
    if (user.id === actor.principal.userId) throw new AppError('conflict', 'You cannot disable your own account; ask another administrator.');
    await setDisabled(trx, userId, true);
    await deleteSessionsOf(trx, userId);
    await auditAdmin(trx, actor, now, { action: 'disable_user', resourceType: 'user', resourceId: userId, clinicId, patientId: user.patientId });
    return { ...user, disabled: true };
  });
}

/** Enables a disabled account again (a patient record keeps at most one active account). */
export async function enableUser(deps: AdminDeps, actor: Actor, userId: string): Promise<ManagedUser> {
  const clinicId = adminClinic(actor);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const user = await findManagedUser(trx, clinicId, userId, { lock: true });
      if (user === undefined) throw new AppError('not_found', 'No such user in this clinic.');
      if (user.patientId !== null && user.disabled) {
        const active = await activeAccountOfPatient(trx, user.patientId);
        if (active !== undefined) throw new AppError('conflict', 'This patient record has another active account; disable it first.');
      }
      await setDisabled(trx, userId, false);
      await auditAdmin(trx, actor, now, { action: 'enable_user', resourceType: 'user', resourceId: userId, clinicId, patientId: user.patientId });
      return { ...user, disabled: false };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'This patient record has another active account; disable it first.');
    throw error;
  }
}

/**
 * Replaces an account's password with a temporary one shown once (SEC-TEMP-PASSWORD), unlocks
 * it and ends its sessions. Administrators change their own password themselves.
 */
export async function resetPassword(deps: AdminDeps, actor: Actor, userId: string): Promise<{ temporaryPassword: string; expiresAt: Date }> {
  const clinicId = adminClinic(actor);
  const now = deps.clock.now();
  if (userId === actor.principal.userId) throw new AppError('invalid_input', 'Change your own password with POST /api/account/password.');
  const issued = await issueTemporaryPassword(deps.tokens, deps.securityClock);
  return deps.db.transaction().execute(async (trx) => {
    const user = await findManagedUser(trx, clinicId, userId, { lock: true });
    if (user === undefined) throw new AppError('not_found', 'No such user in this clinic.');
    await setPassword(trx, userId, issued.passwordHash, issued.expiresAt);
    await deleteSessionsOf(trx, userId);
    await auditAdmin(trx, actor, now, { action: 'reset_password', resourceType: 'user', resourceId: userId, clinicId, patientId: user.patientId });
    return { temporaryPassword: issued.temporaryPassword, expiresAt: issued.expiresAt };
  });
}
