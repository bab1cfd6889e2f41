import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../db/audit.repository.js';
import { testEngine } from '../../db/testing/test-database.js';
import { clientFrom, worklistWorld, type Name, type WorklistWorld } from '../testing/worklist-world.js';

interface Item {
  code: string;
  ruleId: string;
  who: string;
  text: string;
  from?: string;
  by?: string;
}
interface Entry {
  courseId: string;
  patientName: string;
  status: string;
  flags: Array<{ kind: string }>;
  due: Item[];
  overdue: Item[];
  upcoming: Item[];
  blocked: { packId: string; basis: string; unmet: Array<{ code: string; ruleId: string; earliestDate?: string }> } | null;
  problem: unknown;
}
interface Page {
  today: string;
  items: Entry[];
  nextCursor: string | null;
  scanned: number;
}

let w: WorklistWorld;
beforeAll(async () => {
  w = await worklistWorld();
}, 180_000);
afterAll(async () => {
  await w.server.close();
});

const list = async (query = '') => {
  const response = await w.doctor.get(`/api/clinics/${w.clinicId}/worklist${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
};
const names = (page: Page) => page.items.map((i) => i.patientName);
const entry = (page: Page, name: string): Entry => {
  const found = page.items.find((i) => i.patientName === name);
  if (found === undefined) throw new Error(`${name} is not on the worklist`);
  return found;
};
const auditCount = async (action: string, actorId: string) =>
  (await w.server.database.db.selectFrom('audit_log').select(['resource_type', 'resource_id', 'patient_id']).where('action', '=', action).where('actor_user_id', '=', actorId).execute());

describe(`the clinic worklist on ${testEngine()}`, () => {
  it('lists every open course and the stopped one with an open red flag, red flags first (oldest first), then by name', async () => {
    const page = await list();
    expect(page.today).toBe('2026-09-20');
    expect(names(page)).toEqual(['Fay Flagged', 'Pia Positive', 'Ada Active', 'Olive Overdue', 'Paul Paused', 'Quinn Qualifying', 'Wes Waiting']);
    expect(entry(page, 'Fay Flagged').flags.map((f) => f.kind)).toEqual(['phq9_item9']);
    expect(entry(page, 'Pia Positive')).toMatchObject({ status: 'stopped', flags: [{ kind: 'positive_pregnancy_test' }], due: [], overdue: [], blocked: null });
    expect(page.nextCursor).toBeNull();
  });

  it('never lists a completed course without a red flag, nor another clinic’s course', async () => {
    const page = await list('?limit=100');
    expect(names(page)).not.toContain('Carl Completed');
    expect(names(page)).not.toContain('Bea Bravo');
  });

  it('shows what blocks the next authorization with codes and earliest dates (qualifying patient)', async () => {
    const quinn = entry(await list(), 'Quinn Qualifying');
    expect(quinn.blocked).toMatchObject({ packId: 'us-ipledge-2026', basis: 'prospective_prescription' });
    expect(quinn.blocked?.unmet.map((u) => [u.code, u.ruleId, u.earliestDate])).toEqual([
      ['confirmation_test_missing', 'US3', '2026-10-15'],
      ['comprehension_questions_not_done', 'US6', '2026-10-15'],
    ]);
    expect(quinn.due).toEqual([]);
  });

  it('shows an authorization not collected by its last day as overdue, and why the recorded prescription is blocked now', async () => {
    const olive = entry(await list(), 'Olive Overdue');
    expect(olive.overdue).toMatchObject([{ code: 'authorization_not_collected', ruleId: 'WL-COLLECT', who: 'pharmacy', by: '2026-09-16' }]);
    expect(olive.blocked?.basis).toBe('recorded_prescription');
    expect(olive.blocked?.unmet.map((u) => u.code)).toContain('test_window_closed');
  });

  it('shows an open authorization as due for collection by its last day', async () => {
    const wes = entry(await list(), 'Wes Waiting');
    expect(wes.due).toMatchObject([{ code: 'collect_by', who: 'patient', from: '2026-09-18', by: '2026-10-17' }]);
    expect(wes.blocked).toBeNull();
  });

  it('shows the next pickup of an active course as upcoming until 7 days before its supply runs out', async () => {
    const ada = entry(await list(), 'Ada Active');
    expect(ada.upcoming).toMatchObject([{ code: 'next_pickup', ruleId: 'WL-SUPPLY', from: '2026-09-24', by: '2026-09-30' }]);
    expect(ada.due).toEqual([]);
    expect(entry(await list(), 'Paul Paused')).toMatchObject({ due: [], overdue: [], upcoming: [], blocked: null });
  });

  it('filters by red flag, overdue, due, blocked and status', async () => {
    expect(names(await list('?filter=flagged'))).toEqual(['Fay Flagged', 'Pia Positive']);
    expect(names(await list('?filter=overdue'))).toEqual(['Olive Overdue']);
    expect(names(await list('?filter=due'))).toEqual(['Fay Flagged', 'Wes Waiting']);
    expect(names(await list('?filter=blocked'))).toEqual(['Olive Overdue', 'Quinn Qualifying']);
    expect(names(await list('?status=paused'))).toEqual(['Paul Paused']);
    expect(names(await list('?status=qualifying,stopped&filter=flagged'))).toEqual(['Fay Flagged', 'Pia Positive']);
    expect(names(await list('?status=completed'))).toEqual([]);
  });

  it('pages through the list with a stable order and no row twice', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(`?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...names(page));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(4);
    expect(seen).toEqual(names(await list()));
  });

  it('pages through an engine-derived filter, judging only as far as each page needs', async () => {
    const first = await list('?filter=blocked&limit=1');
    expect(names(first)).toEqual(['Olive Overdue']);
    expect(first.scanned).toBe(4);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`?filter=blocked&limit=1&cursor=${first.nextCursor ?? ''}`);
    expect(names(second)).toEqual(['Quinn Qualifying']);
    const rest = second.nextCursor === null ? [] : names(await list(`?filter=blocked&limit=1&cursor=${second.nextCursor}`));
    expect(rest).toEqual([]);
  });

  it('refuses a bad or forged cursor, limit, status or filter with a 400 problem, never a 5xx', async () => {
    const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const forged = [
      cursorOf([0, '9223372036854775808', 'A', w.courses.ada.courseId]), // past int8
      cursorOf([1, '9223372036854775807', 'A\u0000', w.courses.ada.courseId]), // a NUL in the name
      cursorOf([2, '1', 'A', w.courses.ada.courseId]),
    ].map((c) => `?cursor=${c}`);
    for (const query of ['?cursor=not-a-cursor', ...forged, '?limit=0', '?limit=101', '?limit=ten', '?status=open', '?status=active&status=paused', '?filter=urgent', '?unknown=1']) {
      const response = await w.doctor.get(`/api/clinics/${w.clinicId}/worklist${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const bad = await w.doctor.get(`/api/clinics/${w.clinicId}/worklist?limit=0&filter=urgent`);
    expect(bad.json<{ errors: Array<{ pointer: string }> }>().errors.map((e) => e.pointer).sort()).toEqual(['/filter', '/limit']);
  });

  it('is for the clinic’s prescribers, designees and administrators only', async () => {
    for (const user of [w.users.designee, w.users.admin]) {
      const client = await clientFrom(w.server.app, user);
      expect((await client.get(`/api/clinics/${w.clinicId}/worklist`)).statusCode).toBe(200);
    }
    const foreign = await clientFrom(w.server.app, w.users.otherPrescriber);
    expect((await foreign.get(`/api/clinics/${w.clinicId}/worklist`)).statusCode).toBe(403);
    expect((await foreign.get(`/api/clinics/${w.otherClinicId}/worklist`)).json<Page>().items.map((i) => i.patientName)).toEqual(['Bea Bravo']);
    expect((await w.pharmacy.get(`/api/clinics/${w.clinicId}/worklist`)).statusCode).toBe(403);
    expect((await (await w.patient('quinn')).get(`/api/clinics/${w.clinicId}/worklist`)).statusCode).toBe(403);
    expect((await w.doctor.get('/api/clinics/not-a-uuid/worklist')).statusCode).toBe(404);
    expect((await w.server.app.inject({ method: 'GET', url: `/api/clinics/${w.clinicId}/worklist` })).statusCode).toBe(401);
  });

  it('audits the read: the list and one entry per listed patient, in a verifiable chain', async () => {
    const before = await auditCount('read_worklist', w.users.prescriber.id);
    const page = await list('?limit=3');
    const after = await auditCount('read_worklist', w.users.prescriber.id);
    const added = after.slice(before.length);
    expect(added).toHaveLength(4);
    expect(added.filter((a) => a.resource_type === 'clinic').map((a) => a.resource_id)).toEqual([w.clinicId]);
    expect(added.filter((a) => a.resource_type === 'course').map((a) => a.resource_id).sort()).toEqual(page.items.map((i) => i.courseId).sort());
    expect((await verifyAuditLog(w.server.database.db)).ok).toBe(true);
  });
  // runs last in this group: it adds tasks to the shared clinic
  it('flags a course only for an open urgent task: not a "soon" one, not a done one; a task without a course flags the open course', async () => {
    const db = w.server.database.db;
    const task = (name: Name, courseId: string | null, urgency: 'urgent' | 'soon', doneAt: Date | null) => ({
      clinic_id: w.clinicId,
      patient_id: w.courses[name].patientId,
      course_id: courseId,
      kind: 'lab_grade_3',
      urgency,
      text: 'Triglycerides grade 3.',
      created_at: new Date('2026-09-19T12:00:00Z'),
      done_at: doneAt,
    });
    await db.insertInto('task').values([
      task('quinn', w.courses.quinn.courseId, 'soon', null),
      task('wes', w.courses.wes.courseId, 'urgent', new Date('2026-09-19T13:00:00Z')),
      task('ada', null, 'urgent', null),
      task('carl', null, 'urgent', null),
    ]).execute();
    const page = await list();
    expect(names(page).slice(0, 3)).toEqual(['Fay Flagged', 'Pia Positive', 'Ada Active']);
    expect(entry(page, 'Quinn Qualifying').flags).toEqual([]);
    expect(entry(page, 'Wes Waiting').flags).toEqual([]);
    expect(names(page)).not.toContain('Carl Completed');
  });
});

interface NextSteps {
  today: string | null;
  course: { id: string; status: string } | null;
  tasks: Array<{ code: string; text: string; from?: string; by?: string; timing: string }>;
}

describe(`the patient's next steps and own course on ${testEngine()}`, () => {
  const nextSteps = async (name: Name) => {
    const response = await (await w.patient(name)).get('/api/me/next-steps');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<NextSteps>();
  };

  it('tells a qualifying patient, in plain words, what is needed and from when', async () => {
    const steps = await nextSteps('quinn');
    expect(steps.course).toMatchObject({ id: w.courses.quinn.courseId, status: 'qualifying' });
    expect(steps.tasks).toEqual([
      { code: 'comprehension_questions_not_done', ruleId: 'US6', text: 'Please answer this month’s comprehension questions.', from: '2026-10-15', timing: 'upcoming' },
      { code: 'confirmation_test_missing', ruleId: 'US3', text: 'You need a confirmation pregnancy test on or after 2026-10-15.', from: '2026-10-15', timing: 'upcoming' },
    ]);
  });

  it('tells a patient with an open authorization the last day to collect it', async () => {
    const steps = await nextSteps('wes');
    expect(steps.tasks).toMatchObject([{ code: 'collect_by', by: '2026-10-17', timing: 'due' }]);
    expect(steps.tasks[0]?.text).toContain('2026-10-17');
  });

  it('puts what is overdue first and explains the next steps of a missed window', async () => {
    const steps = await nextSteps('olive');
    expect(steps.tasks[0]).toMatchObject({ code: 'authorization_not_collected', timing: 'overdue', by: '2026-09-16' });
    expect(steps.tasks.map((t) => t.code)).toContain('test_window_closed');
    expect(steps.tasks.every((t) => !t.text.includes('CLIA'))).toBe(true);
  });

  it('has no tasks for a patient whose course was stopped, and shows that course as their own', async () => {
    const pia = await w.patient('pia');
    expect((await pia.get('/api/me/next-steps')).json<NextSteps>()).toMatchObject({ course: null, tasks: [] });
    const own = await pia.get('/api/me/course');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ course: { id: w.courses.pia.courseId, status: 'stopped', stopReason: 'pregnancy' }, startedOn: '2026-09-15', stoppedOn: '2026-09-18', authorizations: [], dispenses: 0 });
  });

  it('summarises the patient’s own course with its authorizations, and nothing of anyone else', async () => {
    const ada = await w.patient('ada');
    const own = (await ada.get('/api/me/course')).json<{ course: { id: string }; patient: Record<string, unknown>; firstDoseOn: string | null; authorizations: Array<{ status: string }>; dispenses: number }>();
    expect(own.course.id).toBe(w.courses.ada.courseId);
    expect(own.patient).toEqual({ id: w.courses.ada.patientId, displayName: 'Ada Active' });
    expect(own.authorizations.map((a) => a.status)).toEqual(['dispensed']);
    expect(own.dispenses).toBe(1);
    expect((await ada.get(`/api/courses/${w.courses.quinn.courseId}`)).statusCode).toBe(403);
    const bea = await w.patient('bea');
    expect((await bea.get('/api/me/next-steps')).json<NextSteps>().course?.id).toBe(w.courses.bea.courseId);
  });

  it('is for patients only', async () => {
    expect((await w.doctor.get('/api/me/next-steps')).statusCode).toBe(403);
    expect((await w.pharmacy.get('/api/me/course')).statusCode).toBe(403);
    expect((await w.server.app.inject({ method: 'GET', url: '/api/me/next-steps' })).statusCode).toBe(401);
  });

  it('audits both reads against the patient', async () => {
    const quinn = await w.patient('quinn');
    await quinn.get('/api/me/next-steps');
    await quinn.get('/api/me/course');
    const rows = await w.server.database.db.selectFrom('audit_log').select(['action', 'resource_type', 'resource_id', 'patient_id', 'actor_role']).where('patient_id', '=', w.courses.quinn.patientId).where('actor_role', '=', 'patient').execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'read_next_steps', resource_type: 'course', resource_id: w.courses.quinn.courseId, patient_id: w.courses.quinn.patientId, actor_role: 'patient' },
        { action: 'read', resource_type: 'course', resource_id: w.courses.quinn.courseId, patient_id: w.courses.quinn.patientId, actor_role: 'patient' },
      ]),
    );
  });
});

describe(`the programme check and the pickup plan on ${testEngine()}`, () => {
  const decisionsOf = async (courseId: string) => (await w.server.database.db.selectFrom('program_decision').select('id').where('course_id', '=', courseId).execute()).length;

  it("returns the engine's decision for an authorization now without storing it", async () => {
    const before = await decisionsOf(w.courses.olive.courseId);
    const response = await w.doctor.post(`/api/courses/${w.courses.olive.courseId}/check`, { action: 'issue_authorization', prescriptionId: w.prescriptions.olive });
    expect(response.statusCode, response.body).toBe(200);
    const decision = response.json<{ outcome: string; action: { kind: string }; unmet: Array<{ code: string }> }>();
    expect(decision).toMatchObject({ outcome: 'blocked', action: { kind: 'issue_authorization' } });
    expect(decision.unmet.map((u) => u.code)).toContain('test_window_closed');
    expect(await decisionsOf(w.courses.olive.courseId)).toBe(before);
  });

  it('answers finish_course and start_course too', async () => {
    const finish = await w.doctor.post(`/api/courses/${w.courses.ada.courseId}/check`, { action: 'finish_course' });
    expect(finish.json<{ unmet: Array<{ code: string }> }>().unmet.map((u) => u.code)).toContain('last_dose_unknown');
    const start = await w.doctor.post(`/api/courses/${w.courses.ada.courseId}/check`, { action: 'start_course' });
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json()).toMatchObject({ outcome: 'blocked', action: { kind: 'start_course' } });
  });

  it('refuses an authorization check without a prescription of this course', async () => {
    const missing = await w.doctor.post(`/api/courses/${w.courses.olive.courseId}/check`, { action: 'issue_authorization' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ errors: Array<{ pointer: string }> }>().errors.map((e) => e.pointer)).toEqual(['/prescriptionId']);
    const elsewhere = await w.doctor.post(`/api/courses/${w.courses.olive.courseId}/check`, { action: 'issue_authorization', prescriptionId: w.prescriptions.wes });
    expect(elsewhere.statusCode).toBe(404);
    expect((await w.doctor.post(`/api/courses/${w.courses.olive.courseId}/check`, { action: 'dispense' })).statusCode).toBe(400);
  });

  it('plans the pickup the patient wants, with dated steps', async () => {
    const response = await w.doctor.post(`/api/courses/${w.courses.quinn.courseId}/plan`, { intendedPickup: '2026-10-20' });
    expect(response.statusCode, response.body).toBe(200);
    const plan = response.json<{ kind: string; intendedPickup: string; feasible: boolean; steps: Array<{ code: string; on?: string }> }>();
    expect(plan).toMatchObject({ kind: 'pickup_plan', intendedPickup: '2026-10-20', feasible: true });
    expect(plan.steps.map((s) => s.code)).toContain('confirmation_test');
    const early = (await w.doctor.post(`/api/courses/${w.courses.quinn.courseId}/plan`, { intendedPickup: '2026-09-25' })).json<{ feasible: boolean; plannedPickup?: string }>();
    expect(early.feasible).toBe(false);
    expect(early.plannedPickup).toBe('2026-10-15');
    expect((await w.doctor.post(`/api/courses/${w.courses.quinn.courseId}/plan`, { intendedPickup: 'soon' })).statusCode).toBe(400);
  });

  it('is for the course’s clinic staff only', async () => {
    const foreign = await clientFrom(w.server.app, w.users.otherPrescriber);
    expect((await foreign.post(`/api/courses/${w.courses.quinn.courseId}/check`, { action: 'finish_course' })).statusCode).toBe(404);
    expect((await foreign.post(`/api/courses/${w.courses.quinn.courseId}/plan`, { intendedPickup: '2026-10-20' })).statusCode).toBe(404);
    expect((await w.pharmacy.post(`/api/courses/${w.courses.quinn.courseId}/check`, { action: 'finish_course' })).statusCode).toBe(403);
    expect((await (await w.patient('quinn')).post(`/api/courses/${w.courses.quinn.courseId}/plan`, { intendedPickup: '2026-10-20' })).statusCode).toBe(403);
    const admin = await clientFrom(w.server.app, w.users.admin);
    expect((await admin.post(`/api/courses/${w.courses.quinn.courseId}/check`, { action: 'finish_course' })).statusCode).toBe(200);
  });

  it('audits each check and plan as a read of the course', async () => {
    await w.doctor.post(`/api/courses/${w.courses.quinn.courseId}/check`, { action: 'finish_course' });
    await w.doctor.post(`/api/courses/${w.courses.quinn.courseId}/plan`, { intendedPickup: '2026-10-20' });
    const rows = await w.server.database.db.selectFrom('audit_log').select(['action', 'resource_id']).where('patient_id', '=', w.courses.quinn.patientId).where('actor_user_id', '=', w.users.prescriber.id).execute();
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['check_finish_course', 'plan_pickup']));
    expect((await verifyAuditLog(w.server.database.db)).ok).toBe(true);
  });
});

describe(`the OpenAPI document on ${testEngine()}`, () => {
  it('documents the worklist routes and the clinic worklist’s query parameters', async () => {
    const doc = (await w.server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { operationId: string; parameters?: Array<{ name: string; in: string }> }>> }>();
    expect(doc.paths['/api/clinics/{clinicId}/worklist']?.get?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['path:clinicId', 'query:status', 'query:filter', 'query:limit', 'query:cursor']);
    expect(doc.paths['/api/pharmacies/{pharmacyId}/worklist']?.get?.operationId).toBe('getPharmacyWorklist');
    expect(doc.paths['/api/me/next-steps']?.get?.operationId).toBe('getMyNextSteps');
    expect(doc.paths['/api/me/course']?.get?.operationId).toBe('getMyCourse');
    expect(doc.paths['/api/courses/{courseId}/check']?.post?.operationId).toBe('checkProgram');
    expect(doc.paths['/api/courses/{courseId}/plan']?.post?.operationId).toBe('planPickup');
  });
});
