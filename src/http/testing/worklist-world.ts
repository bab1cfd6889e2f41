import { expect } from 'vitest';
import { aClinic, aPharmacy, aUser, type TestUser } from '../../app/testing/builders.js';
import { MovableClock } from '../../app/testing/clock.js';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { ApiClient } from './api-client.js';
import { startTestServer, type TestServer } from './test-server.js';

/**
 * A seeded US clinic with a course in each state, for the worklist tests (all under the
 * us-ipledge-2026 pack). "Now" is 2026-09-20 10:00 New York time:
 *
 * - Fay Flagged: qualifying, cannot get pregnant, an urgent task (PHQ-9 item 9) since 2026-09-10;
 * - Pia Positive: can get pregnant, positive test on 2026-09-18 -> stopped with an urgent task;
 * - Ada Active: cannot get pregnant, dispensed 2026-09-01 (30-day supply until 2026-09-30);
 * - Olive Overdue: can get pregnant, authorized 2026-09-10 (last day 2026-09-16), never collected;
 * - Paul Paused: like Ada, paused on 2026-09-05;
 * - Quinn Qualifying: can get pregnant, screening test on 2026-09-15;
 * - Wes Waiting: cannot get pregnant, authorized 2026-09-18, waiting at the pharmacy;
 * - Carl Completed: completed on 2026-09-15 (not on the worklist);
 * - Bea Bravo: a course of another clinic.
 */
export interface WorklistWorld {
  readonly server: TestServer;
  readonly clock: MovableClock;
  readonly clinicId: string;
  readonly otherClinicId: string;
  readonly pharmacyId: string;
  readonly otherPharmacyId: string;
  readonly users: {
    readonly prescriber: TestUser;
    readonly designee: TestUser;
    readonly admin: TestUser;
    readonly otherPrescriber: TestUser;
    readonly pharmacist: TestUser;
    readonly otherPharmacist: TestUser;
  };
  readonly doctor: ApiClient;
  readonly pharmacy: ApiClient;
  readonly courses: Readonly<Record<Name, { readonly courseId: string; readonly patientId: string }>>;
  readonly prescriptions: Readonly<Partial<Record<Name, string>>>;
  readonly authorizations: Readonly<Partial<Record<Name, { readonly id: string; readonly number: string }>>>;
  /** Signs in a patient account linked to one of the seeded patients. */
  patient(name: Name): Promise<ApiClient>;
}

let addresses = 0;

/**
 * A signed-in client like `signedIn` (it signs in again after the moved clock ended its session),
 * but from an address of its own: a world seeded over weeks of clock time signs in more often
 * than the per-address sign-in limit allows in one real minute.
 */
export async function clientFrom(app: FastifyInstance, user: TestUser): Promise<ApiClient> {
  addresses += 1;
  const remoteAddress = `10.8.${String(Math.floor(addresses / 250))}.${String((addresses % 250) + 1)}`;
  let cookie = '';
  let csrf = '';
  const signIn = async (): Promise<void> => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email: user.email, password: user.password } });
    if (login.statusCode !== 200) throw new Error(`sign-in failed: ${String(login.statusCode)} ${login.body}`);
    cookie = `isocourse_session=${login.cookies.find((c) => c.name === 'isocourse_session')?.value ?? ''}`;
    csrf = login.json<{ csrfToken: string }>().csrfToken;
  };
  const retrying = async (send: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> => {
    const first = await send();
    if (first.statusCode !== 401 || !first.body.includes('"unauthenticated"')) return first;
    await signIn();
    return send();
  };
  await signIn();
  return {
    get: (url) => retrying(() => app.inject({ method: 'GET', url, remoteAddress, headers: { cookie } })),
    post: (url, payload, headers = {}) =>
      retrying(() =>
        app.inject({ method: 'POST', url, remoteAddress, headers: { cookie, 'x-csrf-token': csrf, ...headers }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) }),
      ),
  };
}

export type Name = 'fay' | 'pia' | 'ada' | 'olive' | 'paul' | 'quinn' | 'wes' | 'carl' | 'bea';

const BIRTH = '1990-04-04';
const cannot = (on: string) => ({ category: 'cannot_get_pregnant', basis: [{ kind: 'total_hysterectomy' }], confirmedBy: 'prescriber', confirmedOn: on });
const can = { category: 'can_get_pregnant', basis: [] };
const consents = (on: string) => [
  { kind: 'form_signed', on, form: 'us_patient_information_consent', signedBy: ['patient', 'prescriber'] },
  { kind: 'counselling', on },
];
const pregnancyPrevention = (on: string) => [
  { kind: 'form_signed', on, form: 'us_birth_defects_consent', signedBy: ['patient'] },
  { kind: 'contraception_started', on, method: 'iud_copper' },
  { kind: 'contraception_started', on, method: 'male_latex_condom' },
];
export const usTest = (collectedAt: string, purpose: string, result = 'negative') => ({
  kind: 'pregnancy_test',
  collectedAt,
  specimen: 'urine',
  loinc: '2106-3',
  setting: 'clia_lab',
  sensitivityMiuPerMl: 25,
  result,
  purpose,
});
const questions = (at: string) => ({ kind: 'comprehension_questions', at, items: [{ questionId: 'q1', answer: 'correct' }] });
const rx = (writtenOn: string) => ({ writtenOn, product: 'us-generic', strengthMg: 20, quantity: 60, dailyMg: 40, refills: 0 });

export async function worklistWorld(): Promise<WorklistWorld> {
  const clock = new MovableClock('2026-08-10T14:00:00Z');
  const server = await startTestServer({ clock });
  const db = server.database.db;
  const clinic = await aClinic(db, { jurisdiction: 'US', timeZone: 'America/New_York', name: 'Worklist Clinic' });
  const other = await aClinic(db, { jurisdiction: 'US', timeZone: 'America/Chicago', name: 'Other Clinic' });
  const prescriber = await aUser(db, 'prescriber', { clinicId: clinic.id });
  const designee = await aUser(db, 'designee', { clinicId: clinic.id, actsFor: [prescriber.id] });
  const admin = await aUser(db, 'clinic_admin', { clinicId: clinic.id });
  const otherPrescriber = await aUser(db, 'prescriber', { clinicId: other.id });
  const pharmacyId = await aPharmacy(db, { jurisdiction: 'US', name: 'First Pharmacy' });
  const otherPharmacyId = await aPharmacy(db, { jurisdiction: 'US', name: 'Second Pharmacy' });
  const pharmacist = await aUser(db, 'pharmacist', { pharmacyId });
  const otherPharmacist = await aUser(db, 'pharmacist', { pharmacyId: otherPharmacyId });
  const doctor = await clientFrom(server.app, prescriber);
  const otherDoctor = await clientFrom(server.app, otherPrescriber);
  const pharmacy = await clientFrom(server.app, pharmacist);

  const courses: Partial<Record<Name, { courseId: string; patientId: string }>> = {};
  const prescriptions: Partial<Record<Name, string>> = {};
  const authorizations: Partial<Record<Name, { id: string; number: string }>> = {};
  const ok = (response: { statusCode: number; body: string }, status: number): void => {
    expect(response.statusCode, response.body).toBe(status);
  };

  const enroll = async (name: Name, displayName: string, risk: unknown, client = doctor) => {
    const response = await client.post('/api/patients', { displayName, birthDate: BIRTH, risk, product: 'us-generic', baselineWeightKg: 70 });
    ok(response, 201);
    const body = response.json<{ patientId: string; course: { id: string } }>();
    courses[name] = { courseId: body.course.id, patientId: body.patientId };
    return body.course.id;
  };
  const record = async (courseId: string, events: ReadonlyArray<Record<string, unknown>>, client = doctor) => {
    for (const event of events) ok(await client.post(`/api/courses/${courseId}/events`, { event }), 201);
  };
  const prescribeAndAuthorize = async (name: Name, courseId: string, writtenOn: string) => {
    const written = await doctor.post(`/api/courses/${courseId}/prescriptions`, rx(writtenOn));
    ok(written, 201);
    const prescriptionId = written.json<{ prescriptionId: string }>().prescriptionId;
    prescriptions[name] = prescriptionId;
    const issued = await doctor.post(`/api/prescriptions/${prescriptionId}/authorizations`);
    ok(issued, 201);
    const authorization = issued.json<{ authorization: { id: string; number: string; lastDayToCollect: string } }>().authorization;
    authorizations[name] = { id: authorization.id, number: authorization.number };
    return authorization;
  };
  const dispense = async (name: Name) => {
    const auth = authorizations[name];
    if (auth === undefined) throw new Error(`no authorization for ${name}`);
    ok(await pharmacy.post(`/api/authorizations/${auth.id}/dispenses`, { quantity: 60, medicationGuideGiven: true, rmaNumber: `RMA-${name}`, dndDate: '2026-09-07' }), 201);
  };

  // 2026-08-10: Olive starts contraception and has her screening test
  const olive = await enroll('olive', 'Olive Overdue', can);
  await record(olive, [...consents('2026-08-10'), ...pregnancyPrevention('2026-08-10'), usTest('2026-08-10T09:00:00-04:00', 'screening')]);

  // 2026-09-01: Ada, Paul and Carl (cannot get pregnant) are authorized and dispensed
  clock.set('2026-09-01T14:00:00Z');
  for (const [name, displayName] of [['ada', 'Ada Active'], ['paul', 'Paul Paused'], ['carl', 'Carl Completed']] as const) {
    const courseId = await enroll(name, displayName, cannot('2026-09-01'));
    await record(courseId, consents('2026-09-01'));
    await prescribeAndAuthorize(name, courseId, '2026-09-01');
    await dispense(name);
  }
  // another clinic's course
  const bea = await enroll('bea', 'Bea Bravo', cannot('2026-09-01'), otherDoctor);
  await record(bea, consents('2026-09-01'), otherDoctor);

  clock.set('2026-09-05T14:00:00Z');
  ok(await doctor.post(`/api/courses/${courses.paul?.courseId ?? ''}/status`, { status: 'paused', on: '2026-09-05' }), 200);

  // 2026-09-10: Olive's confirmation, prescription and authorization; Fay enrolls and gets a red flag
  clock.set('2026-09-10T14:00:00Z');
  await record(olive, [usTest('2026-09-10T08:00:00-04:00', 'confirmation'), questions('2026-09-10T09:00:00-04:00')]);
  await prescribeAndAuthorize('olive', olive, '2026-09-10');
  const fay = await enroll('fay', 'Fay Flagged', cannot('2026-09-10'));
  await record(fay, consents('2026-09-10'));
  await db
    .insertInto('task')
    .values({ clinic_id: clinic.id, patient_id: courses.fay?.patientId ?? '', course_id: fay, kind: 'phq9_item9', urgency: 'urgent', text: 'PHQ-9 item 9 positive: assess suicide risk today.', created_at: new Date('2026-09-10T15:00:00Z') })
    .execute();

  // 2026-09-11: the first pharmacy verifies Olive's authorization (she never collects it)
  clock.set('2026-09-11T14:00:00Z');
  ok(await pharmacy.post('/api/authorizations/verify', { number: authorizations.olive?.number, birthDate: BIRTH }), 200);

  // 2026-09-15: Quinn and Pia are screened; Carl's course is completed
  clock.set('2026-09-15T14:00:00Z');
  for (const [name, displayName] of [['quinn', 'Quinn Qualifying'], ['pia', 'Pia Positive']] as const) {
    const courseId = await enroll(name, displayName, can);
    await record(courseId, [...consents('2026-09-15'), ...pregnancyPrevention('2026-09-15'), usTest('2026-09-15T09:00:00-04:00', 'screening')]);
  }
  ok(await doctor.post(`/api/courses/${courses.carl?.courseId ?? ''}/status`, { status: 'completed', on: '2026-09-15' }), 200);

  // 2026-09-18: Wes is authorized and verified at the first pharmacy; Pia's test is positive
  clock.set('2026-09-18T14:00:00Z');
  const wes = await enroll('wes', 'Wes Waiting', cannot('2026-09-18'));
  await record(wes, consents('2026-09-18'));
  await prescribeAndAuthorize('wes', wes, '2026-09-18');
  ok(await pharmacy.post('/api/authorizations/verify', { number: authorizations.wes?.number, birthDate: BIRTH }), 200);
  await record(courses.pia?.courseId ?? '', [usTest('2026-09-18T08:00:00-04:00', 'monthly', 'positive')]);

  clock.set('2026-09-20T14:00:00Z');
  const all = courses as Record<Name, { courseId: string; patientId: string }>;
  const patientUsers: Partial<Record<Name, TestUser>> = {};
  return {
    server,
    clock,
    clinicId: clinic.id,
    otherClinicId: other.id,
    pharmacyId,
    otherPharmacyId,
    users: { prescriber, designee, admin, otherPrescriber, pharmacist, otherPharmacist },
    doctor,
    pharmacy,
    courses: all,
    prescriptions,
    authorizations,
    patient: async (name) => {
      // one account per patient (a database invariant): created once, signed in each time
      const user = (patientUsers[name] ??= await aUser(db, 'patient', { clinicId: name === 'bea' ? other.id : clinic.id, patientId: all[name].patientId }));
      return clientFrom(server.app, user);
    },
  };
}
