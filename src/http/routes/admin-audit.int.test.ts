import { afterEach, describe, expect, it } from 'vitest';
import { aClinic, aUser } from '../../app/testing/builders.js';
import { MovableClock } from '../../app/testing/clock.js';
import { tamperForTest } from '../../db/audit.repository.js';
import { testEngine } from '../../db/testing/test-database.js';
import { sessionOf } from '../testing/admin-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Entry {
  seq: string;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  resourceType: string;
  patientId: string | null;
}
interface Page {
  entries: Entry[];
  nextCursor: string | null;
}

async function world() {
  // 23:59 on 2026-11-19 in Chicago
  const clock = new MovableClock('2026-11-20T05:59:00Z');
  server = await startTestServer({ clock });
  const db = server.database.db;
  const clinic = await aClinic(db, { timeZone: 'America/Chicago' });
  const other = await aClinic(db, { timeZone: 'America/Chicago' });
  const admin = await aUser(db, 'clinic_admin', { clinicId: clinic.id });
  const otherAdmin = await aUser(db, 'clinic_admin', { clinicId: other.id });
  const prescriber = await aUser(db, 'prescriber', { clinicId: clinic.id });
  return { s: server, db, clock, clinic, other, admin, otherAdmin, prescriber };
}

describe(`the clinic audit log on ${testEngine()}`, () => {
  it('filters by actor, patient, action and days in the clinic time zone, and never shows another clinic', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    await admin.get('/api/admin/clinic'); // 23:59 Chicago, 2026-11-19
    w.clock.set('2026-11-20T06:00:00Z'); // 00:00 Chicago, 2026-11-20
    const doctor = await sessionOf(w.s.app, w.prescriber);
    const enrolled = await doctor.post('/api/patients', { displayName: 'Ray', birthDate: '2000-02-02', risk: { category: 'can_get_pregnant', basis: [] } });
    const { patientId, course } = enrolled.json<{ patientId: string; course: { id: string } }>();
    expect((await admin.get(`/api/courses/${course.id}`)).statusCode).toBe(200);
    await (await sessionOf(w.s.app, w.otherAdmin)).get('/api/admin/clinic');

    const all = (await admin.get('/api/admin/audit?limit=200')).json<Page>();
    expect(all.nextCursor).toBeNull();
    expect(all.entries.map((e) => e.action)).toEqual(['read', 'enroll', 'login', 'read', 'login']);
    expect(all.entries.every((e) => e.actorUserId !== w.otherAdmin.id)).toBe(true);
    expect(all.entries[1]).toMatchObject({ actorUserId: w.prescriber.id, actorName: `prescriber ${w.prescriber.email.split('-')[1] ?? ''}`, patientId });

    const byActor = (await admin.get(`/api/admin/audit?actor=${w.prescriber.id}`)).json<Page>();
    expect(byActor.entries.map((e) => e.action)).toEqual(['enroll', 'login']);
    const byPatient = (await admin.get(`/api/admin/audit?patient=${patientId}`)).json<Page>();
    expect(byPatient.entries.map((e) => [e.action, e.resourceType])).toEqual([['read', 'course'], ['enroll', 'patient']]);
    const byAction = (await admin.get('/api/admin/audit?action=enroll')).json<Page>();
    expect(byAction.entries).toHaveLength(1);
    const the19th = (await admin.get('/api/admin/audit?from=2026-11-19&to=2026-11-19')).json<Page>();
    expect(the19th.entries.map((e) => e.at)).toEqual(['2026-11-20T05:59:00.000Z', '2026-11-20T05:59:00.000Z']);
    const the20th = (await admin.get('/api/admin/audit?from=2026-11-20&to=2026-11-20&action=login')).json<Page>();
    expect(the20th.entries.map((e) => e.actorUserId)).toEqual([w.prescriber.id]);
    const reads = await w.db.selectFrom('audit_log').select(['action']).where('resource_type', '=', 'audit_log').execute();
    expect(reads.length).toBeGreaterThanOrEqual(6);
  });

  it('pages newest first by cursor, unshifted by the entries that reading the log appends', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    for (let i = 0; i < 4; i += 1) await admin.get('/api/admin/clinic');
    const before = await w.db.selectFrom('audit_log').select('seq').where('chain', '=', w.clinic.id).execute();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = (await admin.get(`/api/admin/audit?limit=2${cursor === null ? '' : `&before=${cursor}`}`)).json<Page>();
      seen.push(...page.entries.map((e) => e.seq));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(seen).toEqual(before.map((b) => b.seq).sort((a, b) => Number(b) - Number(a)));
    expect(pages).toBe(3);
  });

  it('verifies the clinic chain and finds an altered entry of its own, not another clinic\'s', async () => {
    const w = await world();
    const admin = await sessionOf(w.s.app, w.admin);
    await (await sessionOf(w.s.app, w.otherAdmin)).get('/api/admin/clinic');
    const ok = await admin.get('/api/admin/audit/verification');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ok: true, entries: 1, problems: [] });
    await tamperForTest(w.db, `update audit_log set action = 'nothing' where chain = '${w.other.id}'`);
    expect((await admin.get('/api/admin/audit/verification')).json()).toMatchObject({ ok: true });
    await tamperForTest(w.db, `update audit_log set ip = '6.6.6.6' where chain = '${w.clinic.id}' and seq = 1`);
    expect((await admin.get('/api/admin/audit/verification')).json()).toMatchObject({ ok: false, problems: [{ seq: '1', problem: 'hash_mismatch' }] });
  });

  it('documents the filters as query parameters of the OpenAPI document', async () => {
    const w = await world();
    const doc = (await w.s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>> }>();
    const parameters = doc.paths['/api/admin/audit']?.get?.parameters ?? [];
    expect(parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(['actor', 'patient', 'action', 'from', 'to', 'before', 'limit']);
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/api/admin/')).sort()).toEqual([
      '/api/admin/audit',
      '/api/admin/audit/verification',
      '/api/admin/clinic',
      '/api/admin/patients',
      '/api/admin/pharmacies',
      '/api/admin/pharmacies/{pharmacyId}',
      '/api/admin/users',
      '/api/admin/users/{userId}',
      '/api/admin/users/{userId}/disable',
      '/api/admin/users/{userId}/enable',
      '/api/admin/users/{userId}/password-reset',
    ]);
    expect(doc.paths['/api/sandbox/clock']).toBeUndefined();
  });

  it('answers 403 to other roles and 400 to bad filters', async () => {
    const w = await world();
    const doctor = await sessionOf(w.s.app, w.prescriber);
    expect((await doctor.get('/api/admin/audit')).statusCode).toBe(403);
    expect((await doctor.get('/api/admin/audit/verification')).statusCode).toBe(403);
    const admin = await sessionOf(w.s.app, w.admin);
    for (const query of ['limit=0', 'limit=201', 'actor=someone', 'patient=1', 'from=2026-11-31', 'before=abc', 'colour=red', 'from=2026-11-20&to=2026-11-19']) {
      const response = await admin.get(`/api/admin/audit?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
  });
});
