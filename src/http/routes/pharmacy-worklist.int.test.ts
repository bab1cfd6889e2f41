import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../db/audit.repository.js';
import { testEngine } from '../../db/testing/test-database.js';
import { clientFrom, worklistWorld, type WorklistWorld } from '../testing/worklist-world.js';

interface Row {
  authorizationId: string;
  number: string;
  patientName: string;
  lastDayToCollect: string;
  verifiedAt: string | null;
}
interface PharmacyList {
  waiting: Row[];
  toReverse: Row[];
  truncated: boolean;
}

let w: WorklistWorld;
beforeAll(async () => {
  w = await worklistWorld();
}, 180_000);
afterAll(async () => {
  await w.server.close();
});

const BIRTH = '1990-04-04';

describe(`the pharmacy worklist on ${testEngine()}`, () => {
  it('lists the open authorizations the pharmacy verified: waiting ones last day first, closed ones to reverse', async () => {
    // one more open authorization, verified here, with a later last day than Wes's
    const written = await w.doctor.post(`/api/courses/${w.courses.fay.courseId}/prescriptions`, { writtenOn: '2026-09-20', product: 'us-generic', strengthMg: 20, quantity: 60, dailyMg: 40, refills: 0 });
    expect(written.statusCode, written.body).toBe(201);
    const issued = await w.doctor.post(`/api/prescriptions/${written.json<{ prescriptionId: string }>().prescriptionId}/authorizations`);
    expect(issued.statusCode, issued.body).toBe(201);
    const fay = issued.json<{ authorization: { id: string; number: string } }>().authorization;
    expect((await w.pharmacy.post('/api/authorizations/verify', { number: fay.number, birthDate: BIRTH })).statusCode).toBe(200);

    const response = await w.pharmacy.get(`/api/pharmacies/${w.pharmacyId}/worklist`);
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json<PharmacyList>();
    expect(list.waiting.map((r) => [r.patientName, r.lastDayToCollect])).toEqual([
      ['Wes Waiting', '2026-10-17'],
      ['Fay Flagged', '2026-10-19'],
    ]);
    expect(list.toReverse.map((r) => [r.patientName, r.lastDayToCollect, r.verifiedAt])).toEqual([['Olive Overdue', '2026-09-16', '2026-09-11T14:00:00.000Z']]);
    expect(list.truncated).toBe(false);
    expect(Object.keys(list.waiting[0] ?? {}).sort()).toEqual(['authorizationId', 'dailyMg', 'lastDayToCollect', 'lastInstant', 'number', 'patientName', 'product', 'quantity', 'strengthMg', 'verifiedAt']);
  });

  it('moves an authorization to the pharmacy that verifies it last, which alone may then reverse it', async () => {
    const second = await clientFrom(w.server.app, w.users.otherPharmacist);
    const wes = w.authorizations.wes;
    if (wes === undefined) throw new Error('no authorization for Wes');
    expect((await second.post('/api/authorizations/verify', { number: wes.number, birthDate: BIRTH })).statusCode).toBe(200);
    expect((await w.pharmacy.get(`/api/pharmacies/${w.pharmacyId}/worklist`)).json<PharmacyList>().waiting.map((r) => r.patientName)).toEqual(['Fay Flagged']);
    expect((await second.get(`/api/pharmacies/${w.otherPharmacyId}/worklist`)).json<PharmacyList>().waiting.map((r) => r.patientName)).toEqual(['Wes Waiting']);

    const refused = await w.pharmacy.post(`/api/authorizations/${wes.id}/reversal`, { reason: 'not collected' });
    expect(refused.statusCode).toBe(404);
    const reversed = await second.post(`/api/authorizations/${wes.id}/reversal`, { reason: 'patient collects elsewhere' });
    expect(reversed.statusCode, reversed.body).toBe(200);
    expect((await second.get(`/api/pharmacies/${w.otherPharmacyId}/worklist`)).json<PharmacyList>().waiting).toEqual([]);
  });

  it('does not take over an authorization that is no longer open when it is verified', async () => {
    const second = await clientFrom(w.server.app, w.users.otherPharmacist);
    const ada = w.authorizations.ada;
    if (ada === undefined) throw new Error('no authorization for Ada');
    const verified = await second.post('/api/authorizations/verify', { number: ada.number, birthDate: BIRTH });
    expect(verified.json()).toMatchObject({ mayDispenseNow: false, authorization: { status: 'dispensed' } });
    const row = await w.server.database.db.selectFrom('authorization').select(['pharmacy_id', 'verified_at']).where('id', '=', ada.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ pharmacy_id: null, verified_at: null });
  });

  it('drops an authorization from the list once the pharmacy reverses it', async () => {
    const olive = w.authorizations.olive;
    if (olive === undefined) throw new Error('no authorization for Olive');
    expect((await w.pharmacy.post(`/api/authorizations/${olive.id}/reversal`, { reason: 'not collected by the last day' })).statusCode).toBe(200);
    expect((await w.pharmacy.get(`/api/pharmacies/${w.pharmacyId}/worklist`)).json<PharmacyList>().toReverse).toEqual([]);
  });

  it('is for the pharmacists of that pharmacy only', async () => {
    const second = await clientFrom(w.server.app, w.users.otherPharmacist);
    expect((await second.get(`/api/pharmacies/${w.pharmacyId}/worklist`)).statusCode).toBe(403);
    expect((await w.doctor.get(`/api/pharmacies/${w.pharmacyId}/worklist`)).statusCode).toBe(403);
    expect((await (await w.patient('wes')).get(`/api/pharmacies/${w.pharmacyId}/worklist`)).statusCode).toBe(403);
    expect((await w.pharmacy.get('/api/pharmacies/nope/worklist')).statusCode).toBe(404);
    expect((await w.server.app.inject({ method: 'GET', url: `/api/pharmacies/${w.pharmacyId}/worklist` })).statusCode).toBe(401);
  });

  it('audits the read: the list, and each listed authorization against its patient', async () => {
    const db = w.server.database.db;
    const before = await db.selectFrom('audit_log').select('seq').where('action', '=', 'read_worklist').where('actor_user_id', '=', w.users.pharmacist.id).execute();
    const list = (await w.pharmacy.get(`/api/pharmacies/${w.pharmacyId}/worklist`)).json<PharmacyList>();
    expect(list.waiting.map((r) => r.patientName)).toEqual(['Fay Flagged']);
    const rows = await db.selectFrom('audit_log').select(['resource_type', 'resource_id', 'patient_id', 'chain']).where('action', '=', 'read_worklist').where('actor_user_id', '=', w.users.pharmacist.id).execute();
    const added = rows.slice(before.length);
    expect(added.filter((r) => r.resource_type === 'pharmacy')).toEqual([{ resource_type: 'pharmacy', resource_id: w.pharmacyId, patient_id: null, chain: 'system' }]);
    expect(added.filter((r) => r.resource_type === 'authorization').map((r) => [r.resource_id, r.patient_id, r.chain])).toEqual(
      [...list.waiting, ...list.toReverse].map((r) => [r.authorizationId, w.courses.fay.patientId, w.clinicId]),
    );
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });
});
