import { deleteSessionsOf, findPasswordHash, setPassword } from '../../db/account-admin.repository.js';
import { appendAudit, type AuditEntry } from '../../db/audit.repository.js';
import { recordFailedLogin } from '../../db/user.repository.js';
import { AppError } from '../errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { describePasswordIssue, newPasswordIssues } from './password-policy.js';
import { LOCKOUT_MS, MAX_FAILED_LOGINS, type AuthDeps, type RequestContext, type ResolvedSession } from './sessions.js';

export interface ChangePasswordInput {
  readonly currentPassword: string;
  readonly newPassword: string;
}

/**
 * A signed-in user replaces their password (their own, or the temporary one an administrator
 * issued: SEC-TEMP-PASSWORD). The current password is required, so a session left open cannot
 * be turned into a stolen account; a wrong one counts as a failed sign-in (SEC lockout). Every
 * other session of the user ends; this one stays.
 */
export async function changePassword(deps: AuthDeps, session: ResolvedSession, input: ChangePasswordInput, context: RequestContext): Promise<void> {
  const userId = session.principal.userId;
  const now = deps.clock.now();
  const issues = newPasswordIssues(input.newPassword);
  if (issues.length > 0) {
    throw new AppError('invalid_input', describePasswordIssue(issues[0] ?? 'too_short'), {
      errors: issues.map((issue) => ({ pointer: '/newPassword', detail: describePasswordIssue(issue) })),
    });
  }
  const currentHash = await findPasswordHash(deps.db, userId);
  if (currentHash === undefined) throw new AppError('unauthenticated', 'Sign in first.');
  if (!(await verifyPassword(currentHash, input.currentPassword))) {
    await recordFailedLogin(deps.db, userId, now, MAX_FAILED_LOGINS, LOCKOUT_MS);
    await deps.db.transaction().execute((trx) => appendAudit(trx, entry(session, now, 'failure', context)));
    throw new AppError('invalid_input', 'The current password is wrong.', { errors: [{ pointer: '/currentPassword', detail: 'does not match the current password' }] });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('invalid_input', describePasswordIssue('same_as_current'), { errors: [{ pointer: '/newPassword', detail: describePasswordIssue('same_as_current') }] });
  }
  const newHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await setPassword(trx, userId, newHash, null);
    await deleteSessionsOf(trx, userId, session.tokenHash);
    await appendAudit(trx, entry(session, now, 'success', context));
  });
}

function entry(session: ResolvedSession, at: Date, outcome: 'success' | 'failure', context: RequestContext): AuditEntry {
  return {
    at,
    actorUserId: session.principal.userId,
    actorRole: session.principal.role,
    onBehalfOf: null,
    action: 'change_password',
    resourceType: 'user',
    resourceId: session.principal.userId,
    clinicId: session.principal.clinicId,
    patientId: session.principal.patientId,
    outcome,
    ip: context.ip,
    requestId: context.requestId,
  };
}
