import type { Transaction } from 'kysely';
import { entryHash, GENESIS_HASH, SYSTEM_CHAIN, type AuditEntry } from './audit.repository.js';
import type { Database } from './schema.js';

/**
 * Appends many entries at once inside the caller's transaction, with exactly the chaining of
 * `appendAudit` (one chain per clinic, 'system' outside any clinic), but a fixed number of
 * statements per chain instead of per entry: a worklist page audits one read per listed patient
 * without multiplying its round trips. Chains are locked in name order, so two batches never wait
 * on each other in a cycle; entries keep their order inside each chain.
 */
export async function appendAuditEntries(trx: Transaction<Database>, entries: readonly AuditEntry[]): Promise<void> {
  const byChain = new Map<string, AuditEntry[]>();
  for (const entry of entries) {
    const chain = entry.clinicId ?? SYSTEM_CHAIN;
    byChain.set(chain, [...(byChain.get(chain) ?? []), entry]);
  }
  for (const chain of [...byChain.keys()].sort()) {
    const list = byChain.get(chain) ?? [];
    await trx.insertInto('audit_head').values({ chain, seq: 0, hash: GENESIS_HASH }).onConflict((oc) => oc.column('chain').doNothing()).execute();
    const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('chain', '=', chain).forUpdate().executeTakeFirstOrThrow();
    let seq = BigInt(head.seq);
    let prevHash = head.hash;
    const rows = list.map((entry) => {
      seq += 1n;
      const hash = entryHash(chain, seq.toString(), entry, prevHash);
      const row = {
        chain,
        seq: seq.toString(),
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
        prev_hash: prevHash,
        hash,
      };
      prevHash = hash;
      return row;
    });
    if (rows.length === 0) continue;
    await trx.insertInto('audit_log').values(rows).execute();
    await trx.updateTable('audit_head').set({ seq: seq.toString(), hash: prevHash }).where('chain', '=', chain).execute();
  }
}
