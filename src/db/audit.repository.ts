import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/** What happened, by whom, to which record. Never the health data itself. */
export interface AuditEntry {
  readonly at: Date;
  readonly actorUserId: string | null;
  readonly actorRole: string | null;
  /** The prescriber a designee acts for. */
  readonly onBehalfOf: string | null;
  /** e.g. `read`, `create`, `login`, `login_failed`, `issue_authorization`. */
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string | null;
  readonly clinicId: string | null;
  readonly patientId: string | null;
  readonly outcome: 'success' | 'denied' | 'failure';
  readonly ip: string | null;
  readonly requestId: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);
export const SYSTEM_CHAIN = 'system';

function chainOf(entry: AuditEntry): string {
  return entry.clinicId ?? SYSTEM_CHAIN;
}

/** The hash covers every field and the previous hash, in a fixed order. */
export function entryHash(chain: string, seq: string, entry: AuditEntry, prevHash: string): string {
  const canonical = JSON.stringify([
    chain,
    seq,
    entry.at.toISOString(),
    entry.actorUserId,
    entry.actorRole,
    entry.onBehalfOf,
    entry.action,
    entry.resourceType,
    entry.resourceId,
    entry.clinicId,
    entry.patientId,
    entry.outcome,
    entry.ip,
    entry.requestId,
    prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Locks the chain's head for the rest of the transaction, creating it for the chain's first entry. */
async function lockHead(trx: Transaction<Database>, chain: string): Promise<{ seq: string; hash: string }> {
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('chain', '=', chain).forUpdate().executeTakeFirst();
  if (head !== undefined) return head;
  // a concurrent creator makes this insert wait for it, then do nothing
  await trx.insertInto('audit_head').values({ chain, seq: 0, hash: GENESIS_HASH }).onConflict((oc) => oc.column('chain').doNothing()).execute();
  return trx.selectFrom('audit_head').select(['seq', 'hash']).where('chain', '=', chain).forUpdate().executeTakeFirstOrThrow();
}

/**
 * Appends an entry to its clinic's chain inside the caller's transaction, so the entry commits
 * or rolls back with the change it records. The head row lock orders concurrent appends.
 * Two statements per entry (lock the head; write the entry and move the head in one statement):
 * every audited request pays them, and each round trip costs more CPU than the work it carries.
 */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  const chain = chainOf(entry);
  const head = await lockHead(trx, chain);
  const seq = (BigInt(head.seq) + 1n).toString();
  const hash = entryHash(chain, seq, entry, head.hash);
  await trx
    .with('moved_head', (db) => db.updateTable('audit_head').set({ seq, hash }).where('chain', '=', chain).returning('chain'))
    .insertInto('audit_log')
    .values({
      chain,
      seq,
      at: entry.at,
      actor_user_id: entry.actorUserId,
      actor_role: entry.actorRole,
      on_behalf_of: entry.onBehalfOf,
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId,
      clinic_id: entry.clinicId,
      patient_id: entry.patientId,
      outcome: entry.outcome,
      ip: entry.ip,
      request_id: entry.requestId,
      prev_hash: head.hash,
      hash,
    })
    .execute();
}

/** Appends in a transaction of its own (for reads, which change nothing else). */
export async function appendAuditNow(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, entry));
}

export interface AuditProblem {
  readonly chain: string;
  readonly seq: string;
  readonly problem: 'hash_mismatch' | 'broken_link' | 'missing_entry' | 'head_mismatch';
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly chains: number;
  readonly entries: number;
  readonly problems: readonly AuditProblem[];
}

/**
 * Recomputes every chain (or only `onlyChain`, e.g. one clinic's): each entry's hash from its
 * fields, each link to the previous entry, no gap in the sequence, and the head pointing at the
 * last entry (a deleted tail).
 */
export async function verifyAuditLog(db: Kysely<Database>, batchSize = 5000, onlyChain?: string): Promise<AuditVerification> {
  let headQuery = db.selectFrom('audit_head').select(['chain', 'seq', 'hash']).orderBy('chain');
  if (onlyChain !== undefined) headQuery = headQuery.where('chain', '=', onlyChain);
  const heads = await headQuery.execute();
  const problems: AuditProblem[] = [];
  let entries = 0;
  for (const head of heads) {
    let expectedSeq = 1n;
    let prevHash = GENESIS_HASH;
    let lastSeq = 0n;
    for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('chain', '=', head.chain)
        .where('seq', '>=', expectedSeq.toString())
        .orderBy('seq')
        .limit(batchSize)
        .execute();
      for (const row of rows) {
        entries += 1;
        const seq = BigInt(row.seq);
        if (seq !== expectedSeq) problems.push({ chain: head.chain, seq: expectedSeq.toString(), problem: 'missing_entry' });
        if (row.prev_hash !== prevHash) problems.push({ chain: head.chain, seq: row.seq, problem: 'broken_link' });
        const entry: AuditEntry = {
          at: row.at,
          actorUserId: row.actor_user_id,
          actorRole: row.actor_role,
          onBehalfOf: row.on_behalf_of,
          action: row.action,
          resourceType: row.resource_type,
          resourceId: row.resource_id,
          clinicId: row.clinic_id,
          patientId: row.patient_id,
          outcome: row.outcome as AuditEntry['outcome'],
          ip: row.ip,
          requestId: row.request_id,
        };
        if (entryHash(head.chain, row.seq, entry, row.prev_hash) !== row.hash) {
          problems.push({ chain: head.chain, seq: row.seq, problem: 'hash_mismatch' });
        }
        prevHash = row.hash;
        lastSeq = seq;
        expectedSeq = seq + 1n;
      }
      if (rows.length < batchSize) break;
    }
    if (lastSeq.toString() !== head.seq || prevHash !== head.hash) {
      problems.push({ chain: head.chain, seq: head.seq, problem: 'head_mismatch' });
    }
  }
  return { ok: problems.length === 0, chains: heads.length, entries, problems };
}

/** For tests of tampering: bypasses the append-only trigger as a database owner could. */
export async function tamperForTest(db: Kysely<Database>, statement: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
    await sql.raw(statement).execute(trx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
  });
}
