import { Temporal } from 'temporal-polyfill';
import { appendAuditEntries } from '../../db/audit-batch.repository.js';
import { listPharmacyWorklist, type PharmacyWorklistRow } from '../../db/worklist.repository.js';
import { requireRole } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { auditOf, type Actor, type CourseDeps } from '../course/course-context.js';
import { instantOf } from './program-facts.js';

/** One authorization on a pharmacy's worklist (only what dispensing needs). */
export type PharmacyWorklistEntry = PharmacyWorklistRow;

export interface PharmacyWorklist {
  readonly asOf: Date;
  /** Verified here, still open, window not closed: last day to collect first. */
  readonly waiting: readonly PharmacyWorklistRow[];
  /** Verified here, still open, window closed: reverse them and return the stock (US13). */
  readonly toReverse: readonly PharmacyWorklistRow[];
  /** More than PHARMACY_WORKLIST_LIMIT open authorizations: the oldest are listed. */
  readonly truncated: boolean;
}

/** A pharmacy's open authorizations are few (a week's pickups); this bounds one answer. */
export const PHARMACY_WORKLIST_LIMIT = 500;

/**
 * WL-PHARMACY: the authorizations a pharmacy verified that are still open, split by whether
 * their window has closed (at the authorization's own closing instant, 23:59:59 in the
 * programme's zone on the last day: DECISION 5). Audited: one entry for the list, one per
 * patient shown (in the patient's clinic chain).
 */
export async function pharmacyWorklist(deps: CourseDeps, actor: Actor, pharmacyId: string): Promise<PharmacyWorklist> {
  requireRole(actor.principal, ['pharmacist']);
  if (actor.principal.pharmacyId !== pharmacyId) throw new AppError('forbidden', 'This is another pharmacy.');
  const now = deps.clock.now();
  const at = instantOf(now);
  return deps.db.transaction().execute(async (trx) => {
    const rows = await listPharmacyWorklist(trx, pharmacyId, PHARMACY_WORKLIST_LIMIT + 1);
    const listed = rows.slice(0, PHARMACY_WORKLIST_LIMIT);
    const closed = (r: PharmacyWorklistRow): boolean => Temporal.Instant.compare(at, Temporal.Instant.from(r.lastInstant)) > 0;
    await appendAuditEntries(trx, [
      auditOf(actor, now, { action: 'read_worklist', resourceType: 'pharmacy', resourceId: pharmacyId, clinicId: null, patientId: null }),
      ...listed.map((r) => auditOf(actor, now, { action: 'read_worklist', resourceType: 'authorization', resourceId: r.authorizationId, clinicId: r.clinicId, patientId: r.patientId })),
    ]);
    return { asOf: now, waiting: listed.filter((r) => !closed(r)), toReverse: listed.filter(closed), truncated: rows.length > PHARMACY_WORKLIST_LIMIT };
  });
}
