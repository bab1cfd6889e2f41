import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditFilter {
  readonly actorUserId?: string | undefined;
  readonly patientId?: string | undefined;
  readonly action?: string | undefined;
  /** Inclusive lower bound of `at`. */
  readonly from?: Date | undefined;
  /** Exclusive upper bound of `at`. */
  readonly until?: Date | undefined;
  /** Entries with a sequence number below this one (the cursor of the next page). */
  readonly beforeSeq?: string | undefined;
}

export interface AuditRow {
  readonly seq: string;
  readonly at: Date;
  readonly actorUserId: string | null;
  readonly actorName: string | null;
  readonly actorRole: string | null;
  readonly onBehalfOf: string | null;
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string | null;
  readonly patientId: string | null;
  readonly outcome: string;
  readonly ip: string | null;
  readonly requestId: string | null;
}

/**
 * One page of a chain, newest first. Pages are cut by sequence number, not by offset, so entries
 * appended while someone pages (every read is audited) never shift a page.
 */
export async function listAuditEntries(db: Db, chain: string, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.actor_user_id')
    .select([
      'audit_log.seq',
      'audit_log.at',
      'audit_log.actor_user_id',
      'app_user.display_name as actor_name',
      'audit_log.actor_role',
      'audit_log.on_behalf_of',
      'audit_log.action',
      'audit_log.resource_type',
      'audit_log.resource_id',
      'audit_log.patient_id',
      'audit_log.outcome',
      'audit_log.ip',
      'audit_log.request_id',
    ])
    .where('audit_log.chain', '=', chain);
  if (filter.actorUserId !== undefined) query = query.where('audit_log.actor_user_id', '=', filter.actorUserId);
  if (filter.patientId !== undefined) query = query.where('audit_log.patient_id', '=', filter.patientId);
  if (filter.action !== undefined) query = query.where('audit_log.action', '=', filter.action);
  if (filter.from !== undefined) query = query.where('audit_log.at', '>=', filter.from);
  if (filter.until !== undefined) query = query.where('audit_log.at', '<', filter.until);
  if (filter.beforeSeq !== undefined) query = query.where('audit_log.seq', '<', filter.beforeSeq);
  const rows = await query.orderBy('audit_log.seq', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    onBehalfOf: r.on_behalf_of,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    patientId: r.patient_id,
    outcome: r.outcome,
    ip: r.ip,
    requestId: r.request_id,
  }));
}
