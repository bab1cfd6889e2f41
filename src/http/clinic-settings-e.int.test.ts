import { afterEach, describe, expect, it } from 'vitest';
import { aClinic, aUser } from '../app/testing/builders.js';
import { MovableClock } from '../app/testing/clock.js';
import { testEngine } from '../db/testing/test-database.js';
import { enrollBody } from './testing/course-scenario.js';
import { injectTransport, signIn } from './testing/http-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

// Found by the hostile-input test: a US date E the engine refuses to judge with was saved, and
// from then on every enrollment, prescription and dispense of the clinic was a 400.

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe(`saving a clinic's rule-pack settings, on ${testEngine()}`, () => {
  it('refuses a US date E on 2021-12-13 (the start of the 2021 program) naming the field, accepts 2021-12-14, and enrollment keeps working', async () => {
    server = await startTestServer({ clock: new MovableClock('2026-09-01T15:00:00Z') });
    const db = server.database.db;
    const clinic = await aClinic(db, { jurisdiction: 'US', timeZone: 'America/New_York' });
    const admin = await signIn(injectTransport(server.app), await aUser(db, 'clinic_admin', { clinicId: clinic.id }));
    const doctor = await signIn(injectTransport(server.app), await aUser(db, 'prescriber', { clinicId: clinic.id }));
    const settings = (usModificationDate: string) => ({
      name: clinic.name,
      jurisdiction: 'US',
      timeZone: 'America/New_York',
      settings: { usModificationDate, enforcementDiscretionHomeTests: false, homeTestOptIn: { optedIn: false } },
    });
    for (const tooEarly of ['2021-12-13', '0001-01-01']) {
      const refused = await admin.request('PUT', '/api/admin/clinic', { body: settings(tooEarly) });
      expect(refused.status, refused.text).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'invalid_input', errors: [{ pointer: '/settings/usModificationDate' }] });
    }
    expect((await doctor.post('/api/patients', enrollBody('2026-09-01'))).status).toBe(201);
    const accepted = await admin.request('PUT', '/api/admin/clinic', { body: settings('2021-12-14') });
    expect(accepted.status, accepted.text).toBe(200);
    const enrolled = await doctor.post('/api/patients', enrollBody('2026-09-01'));
    expect(enrolled.status, enrolled.text).toBe(201);
  });
});
