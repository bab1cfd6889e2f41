import { afterEach, describe, expect, it } from 'vitest';
import { appendAuditEntries } from './audit-batch.repository.js';
import { appendAuditNow, tamperForTest, verifyAuditLog, type AuditEntry } from './audit.repository.js';
import { insertClinic } from './clinic.repository.js';
import { freshTestDatabase, testEngine, type TestDatabase } from './testing/test-database.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  at: new Date('2026-09-20T14:00:00Z'),
  actorUserId: null,
  actorRole: 'prescriber',
  onBehalfOf: null,
  action: 'read_worklist',
  resourceType: 'course',
  resourceId: 'c',
  clinicId: null,
  patientId: null,
  outcome: 'success',
  ip: null,
  requestId: 'r',
  ...overrides,
});

describe(`appending audit entries in a batch on ${testEngine()}`, () => {
  it('continues each clinic chain and the system chain exactly as one-by-one appends would, verifiably', async () => {
    database = await freshTestDatabase();
    const db = database.db;
    const a = await insertClinic(db, { name: 'A', jurisdiction: 'US', timeZone: 'America/New_York' });
    const b = await insertClinic(db, { name: 'B', jurisdiction: 'UK', timeZone: 'Europe/London' });
    await appendAuditNow(db, entry({ clinicId: a.id, resourceId: 'before' }));
    await db.transaction().execute((trx) =>
      appendAuditEntries(trx, [
        entry({ clinicId: null, resourceType: 'pharmacy' }),
        entry({ clinicId: a.id, resourceId: 'a-1' }),
        entry({ clinicId: b.id, resourceId: 'b-1' }),
        entry({ clinicId: a.id, resourceId: 'a-2' }),
      ]),
    );
    await appendAuditNow(db, entry({ clinicId: a.id, resourceId: 'after' }));
    const chainA = await db.selectFrom('audit_log').select(['seq', 'resource_id']).where('chain', '=', a.id).orderBy('seq').execute();
    expect(chainA).toEqual([
      { seq: '1', resource_id: 'before' },
      { seq: '2', resource_id: 'a-1' },
      { seq: '3', resource_id: 'a-2' },
      { seq: '4', resource_id: 'after' },
    ]);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, chains: 3, entries: 6 });
  });

  it('writes nothing for an empty batch, and an altered batch entry is detected', async () => {
    database = await freshTestDatabase();
    const db = database.db;
    const a = await insertClinic(db, { name: 'A', jurisdiction: 'US', timeZone: 'America/New_York' });
    await db.transaction().execute((trx) => appendAuditEntries(trx, []));
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, entries: 0 });
    await db.transaction().execute((trx) => appendAuditEntries(trx, [entry({ clinicId: a.id, resourceId: 'x' }), entry({ clinicId: a.id, resourceId: 'y' })]));
    await tamperForTest(db, `update audit_log set resource_id = 'z' where resource_id = 'x'`);
    const result = await verifyAuditLog(db);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ chain: a.id, seq: '1', problem: 'hash_mismatch' }]);
  });
});
