import type { AuditQuery } from '../../contracts/admin.js';
import { listAuditEntries, type AuditRow } from '../../db/audit-query.repository.js';
import { verifyAuditLog } from '../../db/audit.repository.js';
import { findClinicRecord } from '../../db/clinic-admin.repository.js';
import { date, startOfDay, type LocalDate } from '../../domain/calendar/index.js';
import type { Actor } from '../course/course-context.js';
import { AppError } from '../errors.js';
import { adminClinic, auditAdmin, type AdminDeps } from './admin-context.js';

export type { AuditRow } from '../../db/audit-query.repository.js';

export interface AuditPage {
  readonly entries: readonly AuditRow[];
  /** The `before` cursor of the next (older) page; null on the last page. */
  readonly nextCursor: string | null;
}

export interface ClinicAuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly problems: ReadonlyArray<{ seq: string; problem: 'hash_mismatch' | 'broken_link' | 'missing_entry' | 'head_mismatch' }>;
}

const startOf = (day: LocalDate, zone: string): Date => new Date(startOfDay(day, zone).epochMilliseconds);

/**
 * One page of the clinic's audit chain, newest first, filtered by actor, patient, action and a
 * range of days in the clinic's zone. The read itself is audited (after the page is taken, so a
 * page never shows its own read).
 */
export async function readAuditLog(deps: AdminDeps, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  const clinicId = adminClinic(actor);
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new AppError('invalid_input', 'The range ends before it starts.', { errors: [{ pointer: '/to', detail: 'must be on or after from' }] });
  }
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const clinic = await findClinicRecord(trx, clinicId);
    if (clinic === undefined) throw new AppError('not_found', 'No such clinic.');
    const rows = await listAuditEntries(
      trx,
      clinicId,
      {
        actorUserId: query.actor,
        patientId: query.patient,
        action: query.action,
        from: query.from === undefined ? undefined : startOf(date(query.from), clinic.timeZone),
        until: query.to === undefined ? undefined : startOf(date(query.to).add({ days: 1 }), clinic.timeZone),
        beforeSeq: query.before,
      },
      query.limit + 1,
    );
    const entries = rows.slice(0, query.limit);
    const last = entries[entries.length - 1];
    await auditAdmin(trx, actor, now, { action: 'read', resourceType: 'audit_log', resourceId: null, clinicId, patientId: query.patient ?? null });
    return { entries, nextCursor: rows.length > query.limit && last !== undefined ? last.seq : null };
  });
}

/** Recomputes the clinic's own hash chain (`isocourse audit verify` checks every chain). */
export async function verifyClinicAuditLog(deps: AdminDeps, actor: Actor): Promise<ClinicAuditVerification> {
  const clinicId = adminClinic(actor);
  const now = deps.clock.now();
  const result = await verifyAuditLog(deps.db, 5000, clinicId);
  await deps.db.transaction().execute((trx) => auditAdmin(trx, actor, now, { action: 'verify', resourceType: 'audit_log', resourceId: null, clinicId }));
  return { ok: result.ok, entries: result.entries, problems: result.problems.map((p) => ({ seq: p.seq, problem: p.problem })) };
}
