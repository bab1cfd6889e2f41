import { afterEach, describe, expect, it } from 'vitest';
import { aClinic, aUser } from '../../app/testing/builders.js';
import { MovableClock } from '../../app/testing/clock.js';
import { testEngine } from '../../db/testing/test-database.js';
import { sessionOf } from '../testing/admin-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const settings = {
  usModificationDate: '2026-12-01',
  enforcementDiscretionHomeTests: true,
  homeTestOptIn: { optedIn: true, antiFalsificationProcedure: 'photo with the date written on the test, read by a nurse on video' },
};

async function world() {
  const clock = new MovableClock('2026-11-20T15:00:00Z');
  server = await startTestServer({ clock });
  const db = server.database.db;
  const clinic = await aClinic(db, { name: 'Derm One', jurisdiction: 'US', timeZone: 'America/Chicago' });
  const other = await aClinic(db, { name: 'Derm Two' });
  const admin = await aUser(db, 'clinic_admin', { clinicId: clinic.id });
  const otherAdmin = await aUser(db, 'clinic_admin', { clinicId: other.id });
  const prescriber = await aUser(db, 'prescriber', { clinicId: clinic.id });
  return { s: server, db, clock, clinic, other, admin, otherAdmin, prescriber };
}

describe(`clinic settings and pharmacies on ${testEngine()}`, () => {
  it('shows the rule-pack defaults, saves new settings in the programme case form, and the engine uses them', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    const before = await admin.get('/api/admin/clinic');
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({
      id: w.clinic.id,
      name: 'Derm One',
      jurisdiction: 'US',
      timeZone: 'America/Chicago',
      settings: { usModificationDate: '2026-08-08', enforcementDiscretionHomeTests: false, homeTestOptIn: { optedIn: false } },
    });
    const saved = await admin.put('/api/admin/clinic', { name: 'Derm One North', jurisdiction: 'US', timeZone: 'America/New_York', settings });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ name: 'Derm One North', timeZone: 'America/New_York', settings });
    const row = await w.db.selectFrom('clinic').select(['settings', 'time_zone']).where('id', '=', w.clinic.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ settings, time_zone: 'America/New_York' });

    // with date E moved to 2026-12-01, an enrollment on 2026-11-20 is judged by the 2021 pack
    const doctor = await sessionOf(w.s.app, w.prescriber);
    const enrolled = await doctor.post('/api/patients', { displayName: 'Kim', birthDate: '2001-01-01', risk: { category: 'can_get_pregnant', basis: [] } });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    expect(enrolled.json<{ decision: { pack: { id: string } } }>().decision.pack.id).toBe('us-ipledge-2021');
    const audit = await w.db.selectFrom('audit_log').select(['action', 'resource_type']).where('clinic_id', '=', w.clinic.id).where('resource_type', '=', 'clinic').execute();
    expect(audit.map((a) => a.action)).toEqual(['read', 'update_clinic_settings']);
  });

  it('names every invalid setting, exactly as the programme case schema judges clinic.settings', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    const bad = await admin.put('/api/admin/clinic', {
      name: '',
      jurisdiction: 'FR',
      timeZone: 'Mars/Olympus',
      settings: { usModificationDate: '2026-02-30', enforcementDiscretionHomeTests: 'yes', homeTestOptIn: { optedIn: true, extra: 1 }, unknown: true },
    });
    expect(bad.statusCode).toBe(400);
    const pointers = bad.json<{ errors: Array<{ pointer: string }> }>().errors.map((e) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining(['/name', '/jurisdiction', '/timeZone', '/settings/usModificationDate', '/settings/enforcementDiscretionHomeTests', '/settings/homeTestOptIn', '/settings']),
    );
    const unchanged = await w.db.selectFrom('clinic').select(['name']).where('id', '=', w.clinic.id).executeTakeFirstOrThrow();
    expect(unchanged.name).toBe('Derm One');
  });

  it('changes the jurisdiction only while the clinic has no patients (DECISION-CLINIC-JURISDICTION)', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    const toUk = await admin.put('/api/admin/clinic', { name: 'Derm One', jurisdiction: 'UK', timeZone: 'Europe/London', settings: {} });
    expect(toUk.statusCode, toUk.body).toBe(200);
    const back = await admin.put('/api/admin/clinic', { name: 'Derm One', jurisdiction: 'US', timeZone: 'America/New_York', settings: {} });
    expect(back.statusCode).toBe(200);
    const doctor = await sessionOf(w.s.app, w.prescriber);
    expect((await doctor.post('/api/patients', { displayName: 'Lee', birthDate: '1990-01-01', risk: { category: 'can_get_pregnant', basis: [] } })).statusCode).toBe(201);
    const refused = await admin.put('/api/admin/clinic', { name: 'Derm One', jurisdiction: 'UK', timeZone: 'Europe/London', settings: {} });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ detail: string }>().detail).toContain('DECISION-CLINIC-JURISDICTION');
    expect((await admin.put('/api/admin/clinic', { name: 'Derm One', jurisdiction: 'US', timeZone: 'America/Denver', settings: {} })).statusCode).toBe(200);
  });

  it('registers a pharmacy managed by the clinic, records its yearly activation, and creates its pharmacist accounts', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    const created = await admin.post('/api/admin/pharmacies', { name: 'Corner Pharmacy', certifiedOn: '2026-01-15', activatedOn: '2025-03-10' });
    expect(created.statusCode, created.body).toBe(201);
    const pharmacy = created.json<{ id: string }>();
    expect(created.json()).toMatchObject({ name: 'Corner Pharmacy', jurisdiction: 'US', certifiedOn: '2026-01-15', activatedOn: '2025-03-10', activationValidThrough: '2026-03-09', pharmacists: 0 });
    const renewed = await admin.patch(`/api/admin/pharmacies/${pharmacy.id}`, { activatedOn: '2026-03-09' });
    expect(renewed.json()).toMatchObject({ activatedOn: '2026-03-09', activationValidThrough: '2027-03-08' });
    const cleared = await admin.patch(`/api/admin/pharmacies/${pharmacy.id}`, { certifiedOn: null });
    expect(cleared.json()).toMatchObject({ certifiedOn: null });
    expect((await admin.post('/api/admin/users', { role: 'pharmacist', email: 'rx1@example.test', displayName: 'Rx One', pharmacyId: pharmacy.id })).statusCode).toBe(201);
    const list = await admin.get('/api/admin/pharmacies');
    expect(list.json()).toEqual([expect.objectContaining({ id: pharmacy.id, pharmacists: 1 })]);
    const row = await w.db.selectFrom('pharmacy').select(['managed_by_clinic_id']).where('id', '=', pharmacy.id).executeTakeFirstOrThrow();
    expect(row.managed_by_clinic_id).toBe(w.clinic.id);
    expect((await admin.post('/api/admin/pharmacies', { name: 'X', activatedOn: '2026-13-01' })).statusCode).toBe(400);
    expect((await admin.patch(`/api/admin/pharmacies/${pharmacy.id}`, { name: 'Y', color: 'red' })).statusCode).toBe(400);
  });

  it('keeps each clinic to its own settings and pharmacies, and refuses every other role', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    const pharmacyId = (await admin.post('/api/admin/pharmacies', { name: 'Ours' })).json<{ id: string }>().id;
    const foreign = await sessionOf(w.s.app, w.otherAdmin);
    expect((await foreign.get('/api/admin/clinic')).json()).toMatchObject({ id: w.other.id });
    expect((await foreign.get('/api/admin/pharmacies')).json()).toEqual([]);
    expect((await foreign.patch(`/api/admin/pharmacies/${pharmacyId}`, { name: 'Stolen' })).statusCode).toBe(404);
    expect((await foreign.post('/api/admin/users', { role: 'pharmacist', email: 'p@example.test', displayName: 'P', pharmacyId })).statusCode).toBe(404);
    const patient = await aUser(w.db, 'patient', { clinicId: w.clinic.id });
    for (const user of [w.prescriber, patient]) {
      const client = await sessionOf(w.s.app, user);
      const responses = await Promise.all([
        client.get('/api/admin/clinic'),
        client.put('/api/admin/clinic', { name: 'Mine', jurisdiction: 'US', timeZone: 'America/New_York', settings: {} }),
        client.get('/api/admin/pharmacies'),
        client.post('/api/admin/pharmacies', { name: 'Mine' }),
        client.patch(`/api/admin/pharmacies/${pharmacyId}`, { name: 'Mine' }),
      ]);
      for (const response of responses) expect(response.statusCode, `${user.role}: ${response.body}`).toBe(403);
    }
    const names = await w.db.selectFrom('pharmacy').select('name').execute();
    expect(names.map((n) => n.name)).toEqual(['Ours']);
  });
});
