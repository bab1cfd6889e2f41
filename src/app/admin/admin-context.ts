import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../../db/audit.repository.js';
import type { Database } from '../../db/schema.js';
import { requireRole } from '../auth/principal.js';
import { auditOf, type Actor } from '../course/course-context.js';
import { AppError } from '../errors.js';
import type { Clock, TokenSource } from '../ports.js';

export interface AdminDeps {
  readonly db: Kysely<Database>;
  /** Clinical time (moved in sandbox mode): audit entries. */
  readonly clock: Clock;
  /** Real time, never moved: password expiry. */
  readonly securityClock: Clock;
  readonly tokens: TokenSource;
}

/** The clinic a clinic administrator manages; every other role is refused (403). */
export function adminClinic(actor: Actor): string {
  requireRole(actor.principal, ['clinic_admin']);
  const clinicId = actor.principal.clinicId;
  if (clinicId === null) throw new AppError('forbidden', 'Your account is not linked to a clinic.');
  return clinicId;
}

/** Appends an administration entry to the clinic's audit chain, in the caller's transaction. */
export async function auditAdmin(
  trx: Transaction<Database>,
  actor: Actor,
  at: Date,
  what: { action: string; resourceType: string; resourceId: string | null; clinicId: string; patientId?: string | null },
): Promise<void> {
  await appendAudit(trx, auditOf(actor, at, { ...what, patientId: what.patientId ?? null }));
}
