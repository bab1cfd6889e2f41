import { afterEach, describe, expect, it } from 'vitest';
import { aClinic, aPharmacy, aUser } from '../../app/testing/builders.js';
import { MovableClock } from '../../app/testing/clock.js';
import { verifyAuditLog } from '../../db/audit.repository.js';
import { testEngine } from '../../db/testing/test-database.js';
import { signedIn, type ApiClient } from '../testing/api-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function record(client: ApiClient, courseId: string, event: Record<string, unknown>) {
  const response = await client.post(`/api/courses/${courseId}/events`, { event });
  expect(response.statusCode, response.body).toBe(201);
}

const test = (collectedAt: string, purpose: string) => ({
  kind: 'pregnancy_test',
  collectedAt,
  specimen: 'urine',
  loinc: '2106-3',
  setting: 'medical_setting',
  sensitivityMiuPerMl: 25,
  result: 'negative',
  purpose,
});

async function world(jurisdiction: 'UK' | 'EU-FR', timeZone: string, start: string) {
  const clock = new MovableClock(start);
  server = await startTestServer({ clock });
  const db = server.database.db;
  const clinic = await aClinic(db, { jurisdiction, timeZone });
  const prescriber = await aUser(db, 'prescriber', { clinicId: clinic.id });
  const pharmacyId = await aPharmacy(db, { jurisdiction: jurisdiction === 'UK' ? 'UK' : 'EU' });
  const pharmacist = await aUser(db, 'pharmacist', { pharmacyId });
  return { clock, s: server, doctor: await signedIn(server.app, prescriber), pharmacy: await signedIn(server.app, pharmacist) };
}

describe(`EU and UK courses over HTTP on ${testEngine()}`, () => {
  it('walks a UK patient who can get pregnant through the first and second monthly dispense (uk-mhra-2026), with the 7-day window', async () => {
    const { clock, doctor, pharmacy, s } = await world('UK', 'Europe/London', '2026-02-02T10:00:00Z');
    const enrolled = await doctor.post('/api/patients', { displayName: 'Morgan Hale', birthDate: '2000-06-01', risk: { category: 'can_get_pregnant', basis: [] }, product: 'uk-generic', baselineWeightKg: 64 });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const courseId = enrolled.json<{ course: { id: string } }>().course.id;
    await record(doctor, courseId, { kind: 'form_signed', on: '2026-02-02', form: 'uk_acknowledgement_of_risk_2026', signedBy: ['patient', 'prescriber'] });
    await record(doctor, courseId, { kind: 'material_given', on: '2026-02-02', material: 'reminder_card' });
    await record(doctor, courseId, { kind: 'contraception_started', on: '2026-02-02', method: 'implant' });

    // one calendar month later: assessments, a supervised test and the prescription the same day
    clock.set('2026-03-02T12:00:00Z');
    await record(doctor, courseId, { kind: 'assessment', on: '2026-03-02', assessment: 'mental_health', setting: 'in_person' });
    await record(doctor, courseId, { kind: 'assessment', on: '2026-03-02', assessment: 'sexual_function', setting: 'in_person' });
    await record(doctor, courseId, test('2026-03-02T09:00:00Z', 'screening'));
    const rx = { writtenOn: '2026-03-02', product: 'uk-generic', strengthMg: 20, quantity: 56, dailyMg: 40, refills: 0 };
    const written = await doctor.post(`/api/courses/${courseId}/prescriptions`, rx);
    expect(written.statusCode, written.body).toBe(201);
    const issued = await doctor.post(`/api/prescriptions/${written.json<{ prescriptionId: string }>().prescriptionId}/authorizations`);
    expect(issued.statusCode, issued.body).toBe(201);
    const auth = issued.json<{ authorization: { id: string; number: string; lastDayToCollect: string; packId: string } }>().authorization;
    expect(auth).toMatchObject({ lastDayToCollect: '2026-03-08', packId: 'uk-mhra-2026' });

    // the pharmacy dispenses on day 7 (Sunday 8 March, London) with its checklist
    clock.set('2026-03-08T18:00:00Z');
    const verified = await pharmacy.post('/api/authorizations/verify', { number: auth.number, birthDate: '2000-06-01' });
    expect(verified.json()).toMatchObject({ mayDispenseNow: true });
    const dispensed = await pharmacy.post(`/api/authorizations/${auth.id}/dispenses`, { quantity: 56, medicationGuideGiven: true, pharmacistChecklistCompleted: true });
    expect(dispensed.statusCode, dispensed.body).toBe(201);

    // month 2: test 3 days before the prescription (DECISION 4), a dispense on day 8 is refused
    clock.set('2026-03-30T12:00:00Z');
    await record(doctor, courseId, { kind: 'assessment', on: '2026-03-30', assessment: 'mental_health', setting: 'remote' });
    await record(doctor, courseId, { kind: 'assessment', on: '2026-03-30', assessment: 'sexual_function', setting: 'remote' });
    await record(doctor, courseId, test('2026-03-30T09:00:00+01:00', 'monthly'));
    clock.set('2026-04-02T12:00:00Z');
    const rx2 = await doctor.post(`/api/courses/${courseId}/prescriptions`, { ...rx, writtenOn: '2026-04-02' });
    expect(rx2.statusCode, rx2.body).toBe(201);
    const auth2 = (await doctor.post(`/api/prescriptions/${rx2.json<{ prescriptionId: string }>().prescriptionId}/authorizations`)).json<{ authorization: { id: string; lastDayToCollect: string } }>().authorization;
    expect(auth2.lastDayToCollect).toBe('2026-04-08');
    clock.set('2026-04-09T08:00:00Z');
    const late = await pharmacy.post(`/api/authorizations/${auth2.id}/dispenses`, { quantity: 56, medicationGuideGiven: true, pharmacistChecklistCompleted: true });
    expect(late.statusCode).toBe(422);
    expect(late.json<{ decision: { unmet: Array<{ ruleId: string }> } }>().decision.unmet.map((u) => u.ruleId)).toContain('EU2');
    expect((await verifyAuditLog(s.database.db)).ok).toBe(true);
  });

  it('authorizes and dispenses a first course in France (eu-ppp-2018, dermatologist, patient booklet)', async () => {
    const { clock, doctor, pharmacy } = await world('EU-FR', 'Europe/Paris', '2026-01-05T10:00:00Z');
    const enrolled = await doctor.post('/api/patients', { displayName: 'Camille Martin', birthDate: '1999-09-09', risk: { category: 'can_get_pregnant', basis: [] }, product: 'eu-generic' });
    const courseId = enrolled.json<{ course: { id: string } }>().course.id;
    await record(doctor, courseId, { kind: 'form_signed', on: '2026-01-05', form: 'eu_acknowledgement_form', signedBy: ['patient', 'prescriber'] });
    await record(doctor, courseId, { kind: 'material_given', on: '2026-01-05', material: 'reminder_card' });
    await record(doctor, courseId, { kind: 'material_given', on: '2026-01-05', material: 'patient_booklet' });
    await record(doctor, courseId, { kind: 'contraception_started', on: '2026-01-05', method: 'iud_hormonal' });
    clock.set('2026-02-05T11:00:00Z');
    await record(doctor, courseId, test('2026-02-05T09:00:00+01:00', 'screening'));
    const written = await doctor.post(`/api/courses/${courseId}/prescriptions`, { writtenOn: '2026-02-05', product: 'eu-generic', strengthMg: 20, quantity: 60, dailyMg: 40, refills: 0 });
    expect(written.statusCode, written.body).toBe(201);
    const issued = await doctor.post(`/api/prescriptions/${written.json<{ prescriptionId: string }>().prescriptionId}/authorizations`);
    expect(issued.statusCode, issued.body).toBe(201);
    const auth = issued.json<{ authorization: { id: string; packId: string } }>().authorization;
    expect(auth.packId).toBe('eu-ppp-2018');
    clock.set('2026-02-06T09:00:00Z');
    const dispensed = await pharmacy.post(`/api/authorizations/${auth.id}/dispenses`, { quantity: 60, medicationGuideGiven: true, pharmacistChecklistCompleted: true });
    expect(dispensed.statusCode, dispensed.body).toBe(201);
  });
});
