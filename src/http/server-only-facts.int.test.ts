import { afterEach, describe, expect, it } from 'vitest';
import { aClinic, aPharmacy, aUser } from '../app/testing/builders.js';
import { MovableClock } from '../app/testing/clock.js';
import { insertEvent } from '../db/course.repository.js';
import { testEngine } from '../db/testing/test-database.js';
import { dispenseBody, issueAuthorization, prescriptionBody, readyCourse, writePrescription } from './testing/course-scenario.js';
import { injectTransport, signIn } from './testing/http-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

// Certification and activation (US2) are facts about a prescriber or a pharmacy, kept on their
// records by the programme administration; the programme case gets them from there. A clinician
// recording them as events of a patient's course would certify themself, or a pharmacy.

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const DAY = '2026-09-01';

async function world() {
  server = await startTestServer({ clock: new MovableClock(`${DAY}T15:00:00Z`) });
  const db = server.database.db;
  const clinic = await aClinic(db);
  const prescriber = await aUser(db, 'prescriber', { clinicId: clinic.id });
  const pharmacyId = await aPharmacy(db);
  const pharmacist = await aUser(db, 'pharmacist', { pharmacyId });
  return { db, prescriber, pharmacyId, doctor: await signIn(injectTransport(server.app), prescriber), pharmacy: await signIn(injectTransport(server.app), pharmacist) };
}

describe(`facts only the server records, on ${testEngine()}`, () => {
  it('refuses a prescriber_certified event from a clinician, so an uncertified prescriber stays blocked', async () => {
    const { db, prescriber, doctor } = await world();
    const { courseId } = await readyCourse(doctor, DAY);
    await db.updateTable('app_user').set({ prescriber_certified_on: null }).where('id', '=', prescriber.id).execute();
    const blocked = await doctor.post(`/api/courses/${courseId}/prescriptions`, prescriptionBody(DAY));
    expect(blocked.status).toBe(422);
    const selfCertified = await doctor.post(`/api/courses/${courseId}/events`, { event: { kind: 'prescriber_certified', on: '2026-01-01', prescriberId: prescriber.id } });
    expect(selfCertified.status, selfCertified.text).toBe(400);
    expect(selfCertified.json()).toMatchObject({ code: 'invalid_input' });
    expect((await doctor.post(`/api/courses/${courseId}/prescriptions`, prescriptionBody(DAY))).status).toBe(422);
  });

  it('ignores a certification event already stored in a patient\'s history: the prescriber\'s record decides', async () => {
    const { db, prescriber, doctor } = await world();
    const { courseId, patientId } = await readyCourse(doctor, DAY);
    await db.updateTable('app_user').set({ prescriber_certified_on: null }).where('id', '=', prescriber.id).execute();
    const course = await db.selectFrom('course').select('clinic_id').where('id', '=', courseId).executeTakeFirstOrThrow();
    const event = { id: 'e-recorded-before-the-fix', kind: 'prescriber_certified', on: '2026-01-01', prescriberId: prescriber.id };
    await insertEvent(db, { courseId, clinicId: course.clinic_id, patientId, eventKey: event.id, kind: event.kind, occurredAt: new Date(`${DAY}T12:00:00Z`), recordedAt: new Date(`${DAY}T12:00:00Z`), recordedBy: prescriber.id, onBehalfOf: null, payload: event });
    const refused = await doctor.post(`/api/courses/${courseId}/prescriptions`, prescriptionBody(DAY));
    expect(refused.status).toBe(422);
    expect(refused.json<{ decision: { unmet: Array<{ ruleId: string }> } }>().decision.unmet.map((u) => u.ruleId)).toContain('US2');
  });

  it('refuses pharmacy_certified and pharmacy_activated events from a clinician, so a lapsed pharmacy cannot dispense', async () => {
    const { db, pharmacyId, doctor, pharmacy } = await world();
    const { courseId } = await readyCourse(doctor, DAY);
    const authorization = await issueAuthorization(doctor, await writePrescription(doctor, courseId, DAY));
    // the yearly activation (US2) lapsed: activated on 2025-08-01, valid through 2026-07-31
    await db.updateTable('pharmacy').set({ activated_on: '2025-08-01' }).where('id', '=', pharmacyId).execute();
    for (const event of [
      { kind: 'pharmacy_activated', on: '2026-08-31', pharmacyId },
      { kind: 'pharmacy_certified', on: '2026-01-01', pharmacyId },
    ]) {
      const recorded = await doctor.post(`/api/courses/${courseId}/events`, { event });
      expect(recorded.status, `${event.kind}: ${recorded.text}`).toBe(400);
    }
    const dispensed = await pharmacy.post(`/api/authorizations/${authorization.id}/dispenses`, dispenseBody(authorization));
    expect(dispensed.status, dispensed.text).toBe(422);
  });
});
