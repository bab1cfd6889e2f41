import { afterEach, describe, expect, it } from 'vitest';
import { aClinic, aPatientRecord, aPharmacy, aUser } from '../../app/testing/builders.js';
import { MovableClock } from '../../app/testing/clock.js';
import { verifyAuditLog } from '../../db/audit.repository.js';
import { testEngine } from '../../db/testing/test-database.js';
import { sessionOf, tryLogin } from '../testing/admin-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Created {
  user: { id: string; email: string; role: string; patientId: string | null; pharmacyId: string | null; actsFor: string[]; temporaryPasswordUntil: string | null };
  temporaryPassword: string;
  expiresAt: string;
}

const HOUR = 60 * 60 * 1000;

async function world(clock?: MovableClock) {
  server = await startTestServer(clock === undefined ? {} : { clock });
  const db = server.database.db;
  const clinic = await aClinic(db);
  const other = await aClinic(db);
  const admin = await aUser(db, 'clinic_admin', { clinicId: clinic.id });
  const otherAdmin = await aUser(db, 'clinic_admin', { clinicId: other.id });
  const prescriber = await aUser(db, 'prescriber', { clinicId: clinic.id });
  const otherPrescriber = await aUser(db, 'prescriber', { clinicId: other.id });
  const patientId = await aPatientRecord(db, clinic.id);
  const otherPatientId = await aPatientRecord(db, other.id);
  const pharmacy = await (await sessionOf(server.app, admin)).post('/api/admin/pharmacies', { name: 'Main Street Pharmacy', certifiedOn: '2026-01-10', activatedOn: '2026-01-10' });
  const pharmacyId = pharmacy.json<{ id: string }>().id;
  return { s: server, db, clinic, other, admin, otherAdmin, prescriber, otherPrescriber, patientId, otherPatientId, pharmacyId };
}

describe(`clinic administration of accounts on ${testEngine()}`, () => {
  it('creates a prescriber, a designee for them, a patient account and a pharmacist, each with a temporary password shown once, audited', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    const prescriber = await admin.post('/api/admin/users', { role: 'prescriber', email: 'Dr.Ada@Example.test', displayName: 'Dr Ada', specialty: 'dermatologist', certifiedOn: '2026-02-01' });
    expect(prescriber.statusCode, prescriber.body).toBe(201);
    const p = prescriber.json<Created>();
    expect(p.user).toMatchObject({ email: 'dr.ada@example.test', role: 'prescriber', patientId: null, pharmacyId: null });
    expect(p.temporaryPassword).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
    expect(p.user.temporaryPasswordUntil).toBe(p.expiresAt);
    const designee = await admin.post('/api/admin/users', { role: 'designee', email: 'nurse@example.test', displayName: 'Nurse Bo', actsFor: [p.user.id, w.prescriber.id] });
    expect(designee.statusCode, designee.body).toBe(201);
    expect(designee.json<Created>().user.actsFor.sort()).toEqual([p.user.id, w.prescriber.id].sort());
    const patient = await admin.post('/api/admin/users', { role: 'patient', email: 'sam@example.test', displayName: 'Sam', patientId: w.patientId });
    expect(patient.statusCode, patient.body).toBe(201);
    expect(patient.json<Created>().user.patientId).toBe(w.patientId);
    const pharmacist = await admin.post('/api/admin/users', { role: 'pharmacist', email: 'rx@example.test', displayName: 'Pat Pharm', pharmacyId: w.pharmacyId });
    expect(pharmacist.statusCode, pharmacist.body).toBe(201);
    expect(pharmacist.json<Created>().user.pharmacyId).toBe(w.pharmacyId);

    const list = await admin.get('/api/admin/users');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toMatch(/argon2|password_hash|totp_secret|temporaryPassword"/);
    const emails = list.json<Array<{ email: string }>>().map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(['dr.ada@example.test', 'nurse@example.test', 'sam@example.test', 'rx@example.test', w.admin.email, w.prescriber.email]));
    expect(emails).not.toContain(w.otherAdmin.email);
    const prescribers = await admin.get('/api/admin/users?role=prescriber&status=active');
    expect(prescribers.json<Array<{ role: string }>>().every((u) => u.role === 'prescriber')).toBe(true);

    const audit = await w.db.selectFrom('audit_log').select(['action', 'resource_id', 'patient_id']).where('action', '=', 'create_user').execute();
    expect(audit).toHaveLength(4);
    expect(audit.find((a) => a.patient_id === w.patientId)).toBeDefined();
    expect(JSON.stringify(await w.db.selectFrom('audit_log').selectAll().execute())).not.toContain(p.temporaryPassword);
    expect(w.s.logText()).not.toContain(p.temporaryPassword);
    expect((await verifyAuditLog(w.db)).ok).toBe(true);
  });

  it('lets a temporary password do nothing but choose a new one of at least 12 characters, then only the new one signs in', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    const created = (await admin.post('/api/admin/users', { role: 'clinic_admin', email: 'second@example.test', displayName: 'Second Admin' })).json<Created>();
    const first = await sessionOf(w.s.app, { email: 'second@example.test', password: created.temporaryPassword });
    expect(first.signIn.json()).toMatchObject({ credentialChangeRequired: true });
    const blocked = await first.get('/api/admin/clinic');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'password_change_required' });
    expect((await first.get('/api/auth/session')).json()).toMatchObject({ credentialChangeRequired: true });
    // signing in again (as anyone) is not blocked by the temporary session's cookie
    expect((await first.post('/api/auth/login', { email: w.admin.email, password: w.admin.password })).statusCode).toBe(200);

    const eleven = await first.post('/api/account/password', { currentPassword: created.temporaryPassword, newPassword: 'elevenchars' });
    expect(eleven.statusCode).toBe(400);
    expect(eleven.json()).toMatchObject({ code: 'invalid_input', errors: [{ pointer: '/newPassword' }] });
    const wrongCurrent = await first.post('/api/account/password', { currentPassword: 'not-the-temporary', newPassword: 'twelve chars' });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json()).toMatchObject({ errors: [{ pointer: '/currentPassword' }] });
    // a wrong current password counts as a failed sign-in (the lockout counts it)
    expect((await w.db.selectFrom('app_user').select('failed_logins').where('email', '=', 'second@example.test').executeTakeFirstOrThrow()).failed_logins).toBe(1);
    const twelve = await first.post('/api/account/password', { currentPassword: created.temporaryPassword, newPassword: 'twelve chars' });
    expect(twelve.statusCode, twelve.body).toBe(204);

    expect((await first.get('/api/admin/clinic')).statusCode).toBe(200);
    expect((await tryLogin(w.s.app, { email: 'second@example.test', password: created.temporaryPassword })).statusCode).toBe(401);
    const again = await sessionOf(w.s.app, { email: 'second@example.test', password: 'twelve chars' });
    expect(again.signIn.json()).toMatchObject({ credentialChangeRequired: false });
    const same = await again.post('/api/account/password', { currentPassword: 'twelve chars', newPassword: 'twelve chars' });
    expect(same.statusCode).toBe(400);
    const actions = (await w.db.selectFrom('audit_log').select(['action', 'outcome']).where('action', '=', 'change_password').execute()).map((a) => a.outcome);
    expect(actions.sort()).toEqual(['failure', 'success']);
  });

  it('accepts a temporary password until 72 hours after it was issued and refuses it from then on', async () => {
    const clock = new MovableClock('2026-11-20T09:00:00Z');
    const w = await world(clock);
    const admin = await sessionOf(w.s.app, w.admin);
    const created = (await admin.post('/api/admin/users', { role: 'prescriber', email: 'late@example.test', displayName: 'Dr Late', specialty: 'other' })).json<Created>();
    expect(created.expiresAt).toBe('2026-11-23T09:00:00.000Z');
    clock.advance(72 * HOUR - 1);
    expect((await tryLogin(w.s.app, { email: 'late@example.test', password: created.temporaryPassword })).statusCode).toBe(200);
    clock.advance(1);
    const expired = await tryLogin(w.s.app, { email: 'late@example.test', password: created.temporaryPassword });
    expect(expired.statusCode).toBe(401);
    expect(expired.json<{ detail: string }>().detail).toContain('expired');
  });

  it('resets a password: the old one stops working, the sessions end, a lockout is lifted', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    const doctor = await sessionOf(w.s.app, w.prescriber);
    for (let i = 0; i < 5; i += 1) await tryLogin(w.s.app, { email: w.prescriber.email, password: 'wrong password!' });
    expect((await tryLogin(w.s.app, w.prescriber)).statusCode).toBe(403);
    const reset = await admin.post(`/api/admin/users/${w.prescriber.id}/password-reset`);
    expect(reset.statusCode, reset.body).toBe(200);
    const { temporaryPassword } = reset.json<{ temporaryPassword: string }>();
    expect((await doctor.get('/api/auth/session')).statusCode).toBe(401);
    expect((await tryLogin(w.s.app, w.prescriber)).statusCode).toBe(401);
    expect((await tryLogin(w.s.app, { email: w.prescriber.email, password: temporaryPassword })).json()).toMatchObject({ credentialChangeRequired: true });
    const own = await admin.post(`/api/admin/users/${w.admin.id}/password-reset`);
    expect(own.statusCode).toBe(400);
  });

  it('disables an account at once and enables it again, but never the administrator\'s own', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    const doctor = await sessionOf(w.s.app, w.prescriber);
    const disabled = await admin.post(`/api/admin/users/${w.prescriber.id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ disabled: true });
    expect((await doctor.get('/api/auth/session')).statusCode).toBe(401);
    expect((await tryLogin(w.s.app, w.prescriber)).statusCode).toBe(401);
    expect((await admin.get('/api/admin/users?status=disabled')).json<Array<{ id: string }>>().map((u) => u.id)).toEqual([w.prescriber.id]);
    expect((await admin.post(`/api/admin/users/${w.prescriber.id}/enable`)).json()).toMatchObject({ disabled: false });
    expect((await tryLogin(w.s.app, w.prescriber)).statusCode).toBe(200);
    const self = await admin.post(`/api/admin/users/${w.admin.id}/disable`);
    expect(self.statusCode).toBe(409);
  });

  it('keeps one active account per patient record: a second is refused until the first is disabled', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    const first = (await admin.post('/api/admin/users', { role: 'patient', email: 'p1@example.test', displayName: 'P', patientId: w.patientId })).json<Created>();
    const second = await admin.post('/api/admin/users', { role: 'patient', email: 'p2@example.test', displayName: 'P', patientId: w.patientId });
    expect(second.statusCode).toBe(409);
    await admin.post(`/api/admin/users/${first.user.id}/disable`);
    const replacement = await admin.post('/api/admin/users', { role: 'patient', email: 'p2@example.test', displayName: 'P', patientId: w.patientId });
    expect(replacement.statusCode).toBe(201);
    expect((await admin.post(`/api/admin/users/${first.user.id}/enable`)).statusCode).toBe(409);
    const patients = (await admin.get('/api/admin/patients')).json<Array<{ id: string; accountId: string | null }>>();
    expect(patients).toEqual([expect.objectContaining({ id: w.patientId, accountId: replacement.json<Created>().user.id })]);
  });

  it('changes a prescriber\'s certification and the prescribers a designee acts for, and refuses fields of another role', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    const cert = await admin.patch(`/api/admin/users/${w.prescriber.id}`, { certifiedOn: '2026-03-04', specialty: 'general_practitioner' });
    expect(cert.statusCode, cert.body).toBe(200);
    expect(cert.json()).toMatchObject({ certifiedOn: '2026-03-04', specialty: 'general_practitioner' });
    const second = (await admin.post('/api/admin/users', { role: 'prescriber', email: 'dr2@example.test', displayName: 'Dr Two', specialty: 'dermatologist' })).json<Created>();
    const designee = (await admin.post('/api/admin/users', { role: 'designee', email: 'd@example.test', displayName: 'D', actsFor: [w.prescriber.id] })).json<Created>();
    const moved = await admin.patch(`/api/admin/users/${designee.user.id}`, { actsFor: [second.user.id] });
    expect(moved.json()).toMatchObject({ actsFor: [second.user.id] });
    const wrong = await admin.patch(`/api/admin/users/${designee.user.id}`, { certifiedOn: '2026-01-01', specialty: 'other' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ errors: Array<{ pointer: string }> }>().errors.map((e) => e.pointer)).toEqual(['/specialty', '/certifiedOn']);
    expect((await admin.patch(`/api/admin/users/${designee.user.id}`, {})).statusCode).toBe(400);
  });

  it('names every invalid field and refuses references to another clinic', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    const bad = await admin.post('/api/admin/users', { role: 'prescriber', email: 'not-an-email', displayName: '', specialty: 'surgeon', extra: 1 });
    expect(bad.statusCode).toBe(400);
    const pointers = bad.json<{ errors: Array<{ pointer: string }> }>().errors.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/email', '/displayName', '/specialty']));
    expect((await admin.post('/api/admin/users', { role: 'emperor', email: 'e@example.test', displayName: 'E' })).statusCode).toBe(400);
    const foreignPatient = await admin.post('/api/admin/users', { role: 'patient', email: 'x@example.test', displayName: 'X', patientId: w.otherPatientId });
    expect(foreignPatient.statusCode).toBe(404);
    const foreignPrescriber = await admin.post('/api/admin/users', { role: 'designee', email: 'y@example.test', displayName: 'Y', actsFor: [w.otherPrescriber.id] });
    expect(foreignPrescriber.statusCode).toBe(404);
    const unmanagedPharmacy = await aPharmacy(w.db);
    expect((await admin.post('/api/admin/users', { role: 'pharmacist', email: 'z@example.test', displayName: 'Z', pharmacyId: unmanagedPharmacy })).statusCode).toBe(404);
    const taken = await admin.post('/api/admin/users', { role: 'clinic_admin', email: w.otherAdmin.email.toUpperCase(), displayName: 'Dup' });
    expect(taken.statusCode).toBe(409);
    expect((await admin.patch('/api/admin/users/not-a-uuid', { displayName: 'A' })).statusCode).toBe(404);
  });

  it('answers 403 to every other role and 404 to another clinic\'s administrator on every account endpoint', async () => {
    const w = await world();
    const designee = await aUser(w.db, 'designee', { clinicId: w.clinic.id, actsFor: [w.prescriber.id] });
    const patient = await aUser(w.db, 'patient', { clinicId: w.clinic.id });
    const pharmacist = await aUser(w.db, 'pharmacist', { pharmacyId: w.pharmacyId });
    const target = w.prescriber.id;
    const calls = (c: Awaited<ReturnType<typeof sessionOf>>) => [
      c.get('/api/admin/users'),
      c.post('/api/admin/users', { role: 'clinic_admin', email: `n${Math.random()}@example.test`, displayName: 'N' }),
      c.patch(`/api/admin/users/${target}`, { displayName: 'Renamed' }),
      c.post(`/api/admin/users/${target}/disable`),
      c.post(`/api/admin/users/${target}/enable`),
      c.post(`/api/admin/users/${target}/password-reset`),
      c.get('/api/admin/patients'),
    ];
    for (const user of [w.prescriber, designee, patient, pharmacist]) {
      const client = await sessionOf(w.s.app, user);
      for (const response of await Promise.all(calls(client))) expect(response.statusCode, `${user.role}: ${response.body}`).toBe(403);
    }
    const foreign = await sessionOf(w.s.app, w.otherAdmin);
    const [list, , patch, disable, enable, reset, patients] = await Promise.all(calls(foreign));
    expect(list?.json<Array<{ id: string }>>().map((u) => u.id)).not.toContain(target);
    for (const response of [patch, disable, enable, reset]) expect(response?.statusCode).toBe(404);
    expect(patients?.json<Array<{ id: string }>>().map((p) => p.id)).not.toContain(w.patientId);
    const unsigned = await w.s.app.inject({ method: 'GET', url: '/api/admin/users' });
    expect(unsigned.statusCode).toBe(401);
    const row = await w.db.selectFrom('app_user').select(['display_name', 'disabled']).where('id', '=', target).executeTakeFirstOrThrow();
    expect(row).toEqual({ display_name: expect.not.stringMatching('Renamed') as unknown, disabled: false });
  });
});
