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

interface Decision {
  outcome: string;
  unmet: Array<{ code: string; ruleId: string }>;
  window?: { lastDayToCollect: string };
}

const test = (collectedAt: string, purpose: string, result = 'negative') => ({
  kind: 'pregnancy_test',
  collectedAt,
  specimen: 'urine',
  loinc: '2106-3',
  setting: 'clia_lab',
  sensitivityMiuPerMl: 25,
  result,
  purpose,
});
const questions = (at: string) => ({ kind: 'comprehension_questions', at, items: [{ questionId: 'q1', answer: 'correct' }, { questionId: 'q2', answer: 'correct' }] });
const rx = (writtenOn: string) => ({ writtenOn, product: 'us-generic', strengthMg: 20, quantity: 60, dailyMg: 40, refills: 0 });

async function record(client: ApiClient, courseId: string, event: Record<string, unknown>) {
  const response = await client.post(`/api/courses/${courseId}/events`, { event });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ eventId: string; decision?: Decision; courseStatus: string; reversedAuthorizations: string[] }>();
}

async function usWorld() {
  const clock = new MovableClock('2026-01-05T15:00:00Z');
  server = await startTestServer({ clock });
  const db = server.database.db;
  const clinic = await aClinic(db, { jurisdiction: 'US', timeZone: 'America/New_York' });
  const prescriber = await aUser(db, 'prescriber', { clinicId: clinic.id });
  const pharmacyId = await aPharmacy(db, { jurisdiction: 'US' });
  const pharmacist = await aUser(db, 'pharmacist', { pharmacyId });
  return { s: server, clock, clinic, prescriber, pharmacist, doctor: await signedIn(server.app, prescriber), pharmacy: await signedIn(server.app, pharmacist) };
}

describe(`a whole US course over HTTP on ${testEngine()}`, () => {
  it('walks a patient who can get pregnant from enrollment through two monthly cycles, a missed window, the last dose and the post-treatment test', async () => {
    const { clock, doctor, pharmacy, s } = await usWorld();

    // enrollment: the record, the course, and what is still missing
    const enrolled = await doctor.post('/api/patients', {
      displayName: 'Sam Rivera',
      birthDate: '2004-05-17',
      risk: { category: 'can_get_pregnant', basis: [] },
      product: 'us-generic',
      baselineWeightKg: 70,
      baseline: { medications: ['doxycycline 100 mg tablets'], allergies: [], conditions: [] },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const e = enrolled.json<{ patientId: string; course: { id: string; status: string }; interactions: Array<{ ruleId: string; severity: string }>; decision: Decision }>();
    expect(e.course.status).toBe('qualifying');
    expect(e.interactions.map((f) => f.ruleId)).toContain('INT-TETRACYCLINE');
    expect(e.decision.outcome).toBe('blocked');
    const courseId = e.course.id;

    // screening visit on 2026-01-05
    await record(doctor, courseId, { kind: 'form_signed', on: '2026-01-05', form: 'us_patient_information_consent', signedBy: ['patient', 'prescriber'] });
    await record(doctor, courseId, { kind: 'form_signed', on: '2026-01-05', form: 'us_birth_defects_consent', signedBy: ['patient'] });
    await record(doctor, courseId, { kind: 'counselling', on: '2026-01-05' });
    await record(doctor, courseId, { kind: 'contraception_started', on: '2026-01-05', method: 'iud_copper' });
    await record(doctor, courseId, { kind: 'contraception_started', on: '2026-01-05', method: 'male_latex_condom' });
    const screening = await record(doctor, courseId, test('2026-01-05T09:00:00-05:00', 'screening'));
    expect(screening.decision?.outcome).toBe('allowed');

    // confirmation visit, 31 days later: a prescription and its authorization
    clock.set('2026-02-05T17:00:00Z');
    await record(doctor, courseId, test('2026-02-05T09:00:00-05:00', 'confirmation'));
    await record(doctor, courseId, questions('2026-02-05T11:00:00-05:00'));
    // the baseline's doxycycline is a contraindication the prescriber must acknowledge
    const unacknowledged = await doctor.post(`/api/courses/${courseId}/prescriptions`, rx('2026-02-05'));
    expect(unacknowledged.statusCode).toBe(422);
    expect(unacknowledged.json()).toMatchObject({ code: 'rule_blocked', interactions: [{ ruleId: 'INT-TETRACYCLINE', severity: 'absolute' }] });
    const written = await doctor.post(`/api/courses/${courseId}/prescriptions`, { ...rx('2026-02-05'), acknowledgeInteractions: true });
    expect(written.statusCode, written.body).toBe(201);
    expect(written.json<{ doseWarnings: Array<{ code: string }> }>().doseWarnings.map((w) => w.code)).toContain('take_with_food');
    const prescriptionId = written.json<{ prescriptionId: string }>().prescriptionId;
    const issued = await doctor.post(`/api/prescriptions/${prescriptionId}/authorizations`);
    expect(issued.statusCode, issued.body).toBe(201);
    const auth1 = issued.json<{ authorization: { id: string; number: string; lastDayToCollect: string } }>().authorization;
    expect(auth1.number).toMatch(/^ISO-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(auth1.lastDayToCollect).toBe('2026-02-11');
    const twice = await doctor.post(`/api/prescriptions/${prescriptionId}/authorizations`);
    expect(twice.statusCode).toBe(409);

    // the pharmacy verifies by number and date of birth, then dispenses once
    clock.set('2026-02-06T15:00:00Z');
    const wrongBirth = await pharmacy.post('/api/authorizations/verify', { number: auth1.number, birthDate: '2004-05-18' });
    expect(wrongBirth.statusCode).toBe(404);
    const verified = await pharmacy.post('/api/authorizations/verify', { number: auth1.number.toLowerCase(), birthDate: '2004-05-17' });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ mayDispenseNow: true, patientName: 'Sam Rivera', quantity: 60, strengthMg: 20 });
    const dispense = { quantity: 60, medicationGuideGiven: true, rmaNumber: 'RMA-1001', dndDate: '2026-02-11' };
    const dispensed = await pharmacy.post(`/api/authorizations/${auth1.id}/dispenses`, dispense);
    expect(dispensed.statusCode, dispensed.body).toBe(201);
    expect(dispensed.json()).toMatchObject({ authorization: { status: 'dispensed' } });
    expect((await pharmacy.post(`/api/authorizations/${auth1.id}/dispenses`, dispense)).statusCode).toBe(409);
    await record(doctor, courseId, { kind: 'first_dose', on: '2026-02-06' });

    // month 2: test on 2026-03-05, but the patient only comes on 2026-03-13: the window closed
    clock.set('2026-03-05T17:00:00Z');
    await record(doctor, courseId, test('2026-03-05T09:00:00-05:00', 'monthly'));
    await record(doctor, courseId, questions('2026-03-05T11:00:00-05:00'));
    const rx2 = (await doctor.post(`/api/courses/${courseId}/prescriptions`, { ...rx('2026-03-05'), acknowledgeInteractions: true })).json<{ prescriptionId: string }>().prescriptionId;
    const auth2 = (await doctor.post(`/api/prescriptions/${rx2}/authorizations`)).json<{ authorization: { id: string; lastDayToCollect: string } }>().authorization;
    expect(auth2.lastDayToCollect).toBe('2026-03-11');
    clock.set('2026-03-13T15:00:00Z');
    const late = await pharmacy.post(`/api/authorizations/${auth2.id}/dispenses`, { ...dispense, dndDate: '2026-03-11', rmaNumber: 'RMA-1002' });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'rule_blocked' });
    expect(late.json<{ decision: Decision }>().decision.unmet.length).toBeGreaterThan(0);
    const reversed = await pharmacy.post(`/api/authorizations/${auth2.id}/reversal`, { reason: 'not collected in the window' });
    expect(reversed.json()).toMatchObject({ status: 'reversed' });

    // a new test starts a new window at once (US8), then a new prescription is authorized and dispensed
    await record(doctor, courseId, test('2026-03-13T09:00:00-04:00', 'monthly'));
    await record(doctor, courseId, questions('2026-03-13T10:00:00-04:00'));
    const rx3 = (await doctor.post(`/api/courses/${courseId}/prescriptions`, { ...rx('2026-03-13'), acknowledgeInteractions: true })).json<{ prescriptionId: string }>().prescriptionId;
    const issued3 = await doctor.post(`/api/prescriptions/${rx3}/authorizations`);
    expect(issued3.statusCode, issued3.body).toBe(201);
    const auth3 = issued3.json<{ authorization: { id: string; lastDayToCollect: string } }>().authorization;
    expect(auth3.lastDayToCollect).toBe('2026-03-19');
    const ok3 = await pharmacy.post(`/api/authorizations/${auth3.id}/dispenses`, { ...dispense, dndDate: '2026-03-19', rmaNumber: 'RMA-1003' });
    expect(ok3.statusCode, ok3.body).toBe(201);

    // last dose, end-of-treatment test and the test 30 days after; then the course is completed
    clock.set('2026-04-12T15:00:00Z');
    await record(doctor, courseId, { kind: 'last_dose', on: '2026-04-12' });
    await record(doctor, courseId, test('2026-04-12T09:00:00-04:00', 'end_of_treatment'));
    clock.set('2026-05-12T15:00:00Z');
    await record(doctor, courseId, test('2026-05-12T09:00:00-04:00', 'post_treatment'));
    const completed = await doctor.post(`/api/courses/${courseId}/status`, { status: 'completed', on: '2026-05-12' });
    expect(completed.statusCode, completed.body).toBe(200);

    const detail = await doctor.get(`/api/courses/${courseId}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json<{ course: { status: string }; patient: { riskCategory: string | null }; authorizations: Array<{ status: string }>; prescriptions: unknown[] }>();
    expect(body.course.status).toBe('completed');
    expect(body.patient.riskCategory).toBe('can_get_pregnant');
    expect(body.authorizations.map((a) => a.status)).toEqual(['dispensed', 'reversed', 'dispensed']);
    expect(body.prescriptions).toHaveLength(3);
    expect((await verifyAuditLog(s.database.db)).ok).toBe(true);
  });

  it('stops the course at a positive test, reverses the open authorization and puts an urgent task first', async () => {
    const { clock, doctor, pharmacy, s } = await usWorld();
    const enrolled = await doctor.post('/api/patients', { displayName: 'Alex Kim', birthDate: '2003-03-03', risk: { category: 'can_get_pregnant', basis: [] } });
    const courseId = enrolled.json<{ course: { id: string } }>().course.id;
    for (const event of [
      { kind: 'form_signed', on: '2026-01-05', form: 'us_patient_information_consent', signedBy: ['patient', 'prescriber'] },
      { kind: 'form_signed', on: '2026-01-05', form: 'us_birth_defects_consent', signedBy: ['patient'] },
      { kind: 'counselling', on: '2026-01-05' },
      { kind: 'contraception_started', on: '2026-01-05', method: 'implant' },
      { kind: 'contraception_started', on: '2026-01-05', method: 'male_latex_condom' },
      test('2026-01-05T09:00:00-05:00', 'screening'),
    ]) {
      await record(doctor, courseId, event);
    }
    clock.set('2026-02-05T17:00:00Z');
    await record(doctor, courseId, test('2026-02-05T09:00:00-05:00', 'confirmation'));
    await record(doctor, courseId, questions('2026-02-05T11:00:00-05:00'));
    const rxId = (await doctor.post(`/api/courses/${courseId}/prescriptions`, rx('2026-02-05'))).json<{ prescriptionId: string }>().prescriptionId;
    const auth = (await doctor.post(`/api/prescriptions/${rxId}/authorizations`)).json<{ authorization: { id: string } }>().authorization;

    clock.set('2026-02-06T17:00:00Z');
    const positive = await record(doctor, courseId, test('2026-02-06T09:00:00-05:00', 'monthly', 'positive'));
    expect(positive.courseStatus).toBe('stopped');
    expect(positive.reversedAuthorizations).toEqual([auth.id]);
    const refused = await pharmacy.post(`/api/authorizations/${auth.id}/dispenses`, { quantity: 60, medicationGuideGiven: true, rmaNumber: 'R', dndDate: '2026-02-11' });
    expect(refused.statusCode).toBe(409);
    const tasks = await s.database.db.selectFrom('task').select(['kind', 'urgency']).execute();
    expect(tasks).toEqual([{ kind: 'positive_pregnancy_test', urgency: 'urgent' }]);
    const more = await doctor.post(`/api/courses/${courseId}/prescriptions`, rx('2026-02-06'));
    expect(more.statusCode).toBe(409);
  });

  it('lets a patient who cannot get pregnant be authorized without pregnancy tests', async () => {
    const { clock, doctor, pharmacy } = await usWorld();
    clock.set('2026-09-01T15:00:00Z');
    const enrolled = await doctor.post('/api/patients', {
      displayName: 'Jordan Lee',
      birthDate: '1980-01-01',
      risk: { category: 'cannot_get_pregnant', basis: [{ kind: 'total_hysterectomy' }], confirmedBy: 'prescriber', confirmedOn: '2026-09-01' },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const courseId = enrolled.json<{ course: { id: string } }>().course.id;
    await record(doctor, courseId, { kind: 'form_signed', on: '2026-09-01', form: 'us_patient_information_consent', signedBy: ['patient', 'prescriber'] });
    await record(doctor, courseId, { kind: 'counselling', on: '2026-09-01' });
    const written = await doctor.post(`/api/courses/${courseId}/prescriptions`, rx('2026-09-01'));
    expect(written.statusCode, written.body).toBe(201);
    const issued = await doctor.post(`/api/prescriptions/${written.json<{ prescriptionId: string }>().prescriptionId}/authorizations`);
    expect(issued.statusCode, issued.body).toBe(201);
    const auth = issued.json<{ authorization: { id: string; lastDayToCollect: string } }>().authorization;
    const dispensed = await pharmacy.post(`/api/authorizations/${auth.id}/dispenses`, { quantity: 60, medicationGuideGiven: true, rmaNumber: 'RMA-9', dndDate: auth.lastDayToCollect });
    expect(dispensed.statusCode, dispensed.body).toBe(201);
  });

  it('refuses a prescription whose product, strength or daily dose cannot be dispensed, naming the field', async () => {
    const { clock, doctor } = await usWorld();
    clock.set('2026-09-01T15:00:00Z');
    const enrolled = await doctor.post('/api/patients', { displayName: 'Pat Doe', birthDate: '1990-01-01', risk: { category: 'unknown', basis: [] }, baselineWeightKg: 60 });
    const courseId = enrolled.json<{ course: { id: string } }>().course.id;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...rx('2026-09-01'), product: 'no-such-product' }, '/product'],
      [{ ...rx('2026-09-01'), product: 'uk-generic', strengthMg: 20 }, '/product'],
      [{ ...rx('2026-09-01'), strengthMg: 25 }, '/strengthMg'],
      [{ ...rx('2026-09-01'), dailyMg: 15 }, '/dailyMg'],
    ];
    for (const [body, pointer] of cases) {
      const response = await doctor.post(`/api/courses/${courseId}/prescriptions`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json<{ errors: Array<{ pointer: string }> }>().errors[0]?.pointer).toBe(pointer);
    }
    // a dose above 2 mg/kg/day for 60 kg is written only with its warnings listed (and the programme decides)
    const high = await doctor.post(`/api/courses/${courseId}/prescriptions`, { ...rx('2026-09-01'), dailyMg: 160, quantity: 240 });
    expect(high.statusCode).toBe(422);
    expect(high.json()).toMatchObject({ code: 'rule_blocked' });
  });

  it('replays an authorization for the same Idempotency-Key and refuses the key for another request', async () => {
    const { clock, doctor } = await usWorld();
    clock.set('2026-09-01T15:00:00Z');
    const enrolled = await doctor.post('/api/patients', {
      displayName: 'Robin Moss',
      birthDate: '1970-01-01',
      risk: { category: 'cannot_get_pregnant', basis: [{ kind: 'total_hysterectomy' }], confirmedBy: 'prescriber', confirmedOn: '2026-09-01' },
    });
    const courseId = enrolled.json<{ course: { id: string } }>().course.id;
    await record(doctor, courseId, { kind: 'form_signed', on: '2026-09-01', form: 'us_patient_information_consent', signedBy: ['patient', 'prescriber'] });
    await record(doctor, courseId, { kind: 'counselling', on: '2026-09-01' });
    const a = (await doctor.post(`/api/courses/${courseId}/prescriptions`, rx('2026-09-01'))).json<{ prescriptionId: string }>().prescriptionId;
    const b = (await doctor.post(`/api/courses/${courseId}/prescriptions`, { ...rx('2026-09-01'), quantity: 30 })).json<{ prescriptionId: string }>().prescriptionId;
    const first = await doctor.post(`/api/prescriptions/${a}/authorizations`, undefined, { 'idempotency-key': 'k-1' });
    const again = await doctor.post(`/api/prescriptions/${a}/authorizations`, undefined, { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const other = await doctor.post(`/api/prescriptions/${b}/authorizations`, undefined, { 'idempotency-key': 'k-1' });
    expect(other.statusCode).toBe(409);
  });
});
