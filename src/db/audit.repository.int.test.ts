import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, appendAuditNow, tamperForTest, verifyAuditLog, type AuditEntry } from './audit.repository.js';
import { insertClinic } from './clinic.repository.js';
import { freshTestDatabase, testEngine, type TestDatabase } from './testing/test-database.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

function anEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: new Date('2026-11-20T10:00:00Z'),
    actorUserId: null,
    actorRole: 'prescriber',
    onBehalfOf: null,
    action: 'read',
    resourceType: 'course',
    resourceId: 'c-1',
    clinicId: null,
    patientId: null,
    outcome: 'success',
    ip: '127.0.0.1',
    requestId: 'r-1',
    ...overrides,
  };
}

async function seeded(): Promise<{ db: TestDatabase['db']; clinicId: string }> {
  database = await freshTestDatabase();
  const clinic = await insertClinic(database.db, { name: 'A', jurisdiction: 'US', timeZone: 'America/New_York' });
  for (let i = 0; i < 5; i += 1) await appendAuditNow(database.db, anEntry({ clinicId: clinic.id, resourceId: `c-${i}` }));
  await appendAuditNow(database.db, anEntry({ action: 'login' }));
  return { db: database.db, clinicId: clinic.id };
}

describe(`the hash-chained audit log on ${testEngine()}`, () => {
  it('verifies an untouched log, one chain per clinic plus the system chain', async () => {
    const { db } = await seeded();
    expect(await verifyAuditLog(db)).toEqual({ ok: true, chains: 2, entries: 6, problems: [] });
  });

  it('detects an altered entry', async () => {
    const { db, clinicId } = await seeded();
    await tamperForTest(db, `update audit_log set resource_id = 'c-x' where chain = '${clinicId}' and seq = 3`);
    const result = await verifyAuditLog(db);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({ chain: clinicId, seq: '3', problem: 'hash_mismatch' });
  });

  it('detects a deleted entry in the middle and a deleted last entry', async () => {
    const { db, clinicId } = await seeded();
    await tamperForTest(db, `delete from audit_log where chain = '${clinicId}' and seq = 2`);
    const middle = await verifyAuditLog(db);
    expect(middle.problems).toContainEqual({ chain: clinicId, seq: '2', problem: 'missing_entry' });
    await tamperForTest(db, `delete from audit_log where chain = 'system'`);
    const tail = await verifyAuditLog(db);
    expect(tail.problems).toContainEqual({ chain: 'system', seq: '1', problem: 'head_mismatch' });
  });

  it('detects an entry recomputed with a new hash (the next link breaks)', async () => {
    const { db, clinicId } = await seeded();
    await tamperForTest(db, `update audit_log set hash = repeat('a', 64) where chain = '${clinicId}' and seq = 2`);
    const result = await verifyAuditLog(db);
    expect(result.problems).toContainEqual({ chain: clinicId, seq: '3', problem: 'broken_link' });
  });

  it('refuses updates and deletes through the normal path (append-only trigger)', async () => {
    const { db } = await seeded();
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('rolls the entry back with the transaction it belongs to', async () => {
    database = await freshTestDatabase();
    const db = database.db;
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, anEntry());
        throw new Error('the audited change failed');
      }),
    ).rejects.toThrow('the audited change failed');
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, entries: 0 });
  });

  it('keeps one unforked chain under concurrent appends', async () => {
    const { db, clinicId } = await seeded();
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAuditNow(db, anEntry({ clinicId, resourceId: `p-${i}` }))));
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, entries: 26 });
  });
});
