import type { HttpClient, HttpResponse } from './http-client.js';

/**
 * The shortest way over HTTP to a prescription that may be authorized: a US patient who cannot
 * get pregnant (no pregnancy tests, no waiting period), the consent signed and counselling
 * given on `day`, then a prescription written that day. Helpers throw with the server's answer
 * when a step does not succeed, so a broken precondition never looks like a passing check.
 */
export interface ReadyCourse {
  readonly courseId: string;
  readonly patientId: string;
  readonly birthDate: string;
}

export interface IssuedAuthorization {
  readonly id: string;
  readonly number: string;
  readonly prescriptionId: string;
  readonly lastDayToCollect: string;
}

function expectStatus(step: string, r: HttpResponse, status: number): void {
  if (r.status !== status) throw new Error(`${step}: expected ${status}, got ${r.status} ${r.text.slice(0, 600)}`);
}

let patients = 0;

export function enrollBody(day: string, prescriberId?: string): Record<string, unknown> {
  patients += 1;
  return {
    displayName: `Scenario Patient ${patients}`,
    birthDate: '1975-04-03',
    risk: { category: 'cannot_get_pregnant', basis: [{ kind: 'total_hysterectomy' }], confirmedBy: 'prescriber', confirmedOn: day },
    baselineWeightKg: 70,
    ...(prescriberId === undefined ? {} : { prescriberId }),
  };
}

export function prescriptionBody(day: string, prescriberId?: string): Record<string, unknown> {
  return { writtenOn: day, product: 'us-generic', strengthMg: 20, quantity: 60, dailyMg: 40, refills: 0, ...(prescriberId === undefined ? {} : { prescriberId }) };
}

export function dispenseBody(authorization: IssuedAuthorization, rmaNumber = 'RMA-1'): Record<string, unknown> {
  return { quantity: 60, medicationGuideGiven: true, rmaNumber, dndDate: authorization.lastDayToCollect };
}

/** Enrolls a patient who cannot get pregnant and records the consent and counselling of `day`. */
export async function readyCourse(staff: HttpClient, day: string, prescriberId?: string): Promise<ReadyCourse> {
  const enrolled = await staff.post('/api/patients', enrollBody(day, prescriberId));
  expectStatus('enroll', enrolled, 201);
  const e = enrolled.json<{ patientId: string; course: { id: string } }>();
  const forPrescriber = prescriberId === undefined ? {} : { prescriberId };
  for (const event of [
    { kind: 'form_signed', on: day, form: 'us_patient_information_consent', signedBy: ['patient', 'prescriber'] },
    { kind: 'counselling', on: day },
  ]) {
    expectStatus(`record ${event.kind}`, await staff.post(`/api/courses/${e.course.id}/events`, { event, ...forPrescriber }), 201);
  }
  return { courseId: e.course.id, patientId: e.patientId, birthDate: '1975-04-03' };
}

export async function writePrescription(staff: HttpClient, courseId: string, day: string, prescriberId?: string): Promise<string> {
  const written = await staff.post(`/api/courses/${courseId}/prescriptions`, prescriptionBody(day, prescriberId));
  expectStatus('write prescription', written, 201);
  return written.json<{ prescriptionId: string }>().prescriptionId;
}

export async function issueAuthorization(staff: HttpClient, prescriptionId: string): Promise<IssuedAuthorization> {
  const issued = await staff.post(`/api/prescriptions/${prescriptionId}/authorizations`);
  expectStatus('issue authorization', issued, 201);
  const a = issued.json<{ authorization: IssuedAuthorization }>().authorization;
  return { id: a.id, number: a.number, prescriptionId: a.prescriptionId, lastDayToCollect: a.lastDayToCollect };
}

/** The calendar day of `at` in `zone` (YYYY-MM-DD), for scenarios that run on the real clock. */
export function dayIn(at: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
