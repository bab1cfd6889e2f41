import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../db/audit.repository.js';
import { testEngine } from '../../db/testing/test-database.js';
import { clinicalWorld, expectOk, tasksOf, type ClinicalWorld } from '../testing/clinical-world.js';

let world: ClinicalWorld | undefined;
afterEach(async () => {
  await world?.server.close();
  world = undefined;
});

interface LabAnswer {
  fact: {
    id: string;
    code: { system: string; code: string; display: string };
    value: number | null;
    valueText: string | null;
    unit: string | null;
    referenceRangeHigh: number | null;
    alert: string | null;
    programEventId: string | null;
    result: { grade: number | null; ruleIds: string[]; flags: string[]; criterion?: string };
  };
  tasks: Array<{ kind: string; urgency: string; ruleIds: string[] }>;
  programme: null | { eventId: string; courseStatus: string; reversedAuthorizations: string[]; decision?: { outcome: string } };
}

const tg = (value: number, collectedAt = '2026-03-02T09:00:00-05:00') => ({ loinc: '2571-8', value, unit: 'mg/dL', collectedAt });
const urineTest = (value: string, purpose: string, collectedAt: string) => ({
  loinc: '2106-3',
  value,
  collectedAt,
  pregnancyTest: { purpose, setting: 'clia_lab', sensitivityMiuPerMl: 25 },
});

async function lab(w: ClinicalWorld, body: Record<string, unknown>): Promise<LabAnswer> {
  return expectOk('lab', await w.prescriber.post(`/api/courses/${w.courseId}/labs`, body), 201).json<LabAnswer>();
}

describe(`lab results over HTTP on ${testEngine()}`, () => {
  it('records a lab with its LOINC, UCUM unit and reference range high, graded by CTCAE, and reads it back', async () => {
    world = await clinicalWorld();
    const recorded = await lab(world, { loinc: '1742-6', value: 99, unit: 'U/L', referenceRangeHigh: 33, collectedAt: '2026-03-02T09:00:00-05:00' });
    expect(recorded.fact).toMatchObject({
      code: { system: 'http://loinc.org', code: '1742-6', display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma' },
      value: 99,
      unit: 'U/L',
      referenceRangeHigh: 33,
      alert: null,
      programEventId: null,
    });
    // exactly 3 x ULN is grade 1, not 2
    expect(recorded.fact.result).toMatchObject({ grade: 1, ruleIds: ['LAB-ALT-AST'], flags: ['LFT_HIGH'] });
    expect(recorded.tasks).toEqual([]);
    const patient = await world.as('patient');
    const listed = expectOk('list', await patient.get(`/api/courses/${world.courseId}/labs`), 200).json<{ facts: Array<LabAnswer['fact']> }>();
    expect(listed.facts).toEqual([recorded.fact]);
    expect(await tasksOf(world)).toEqual([]);
  });

  it('creates a soon task for triglycerides of 500 mg/dL (grade 2) and an urgent one for 501 (grade 3)', async () => {
    world = await clinicalWorld();
    const two = await lab(world, tg(500));
    expect(two.fact.result.grade).toBe(2);
    expect(two.fact.alert).toBe('soon');
    expect(two.tasks).toEqual([{ kind: 'lab_grade_2', urgency: 'soon', ruleIds: ['CLIN-LAB-TASKS', 'LAB-TG', 'LAB-ACTIONS'] }]);
    const three = await lab(world, tg(501));
    expect(three.fact.result.grade).toBe(3);
    expect(three.tasks.map((t) => [t.kind, t.urgency])).toEqual([['lab_grade_3', 'urgent']]);
    expect(await tasksOf(world)).toEqual([
      { kind: 'lab_grade_2', urgency: 'soon' },
      { kind: 'lab_grade_3', urgency: 'urgent' },
    ]);
  });

  it('creates no task for a normal result or a grade 1 one', async () => {
    world = await clinicalWorld();
    await lab(world, tg(149));
    await lab(world, tg(300));
    await lab(world, { loinc: '2093-3', value: 180, unit: 'mg/dL', referenceRangeHigh: 200, collectedAt: '2026-03-02T09:00:00-05:00' });
    expect(await tasksOf(world)).toEqual([]);
  });

  it('grades ALT against an abnormal baseline and creates an urgent task for grade 3', async () => {
    world = await clinicalWorld();
    const recorded = await lab(world, { loinc: '1742-6', value: 301, unit: 'U/L', referenceRangeHigh: 40, baselineValue: 60, collectedAt: '2026-03-02T09:00:00-05:00' });
    expect(recorded.fact.result).toMatchObject({ grade: 3 });
    expect(recorded.tasks.map((t) => t.kind)).toEqual(['lab_grade_3']);
  });

  it('records a negative lab pregnancy test in the programme too, judged for its purpose, without a task', async () => {
    world = await clinicalWorld();
    const recorded = await lab(world, urineTest('negative', 'screening', '2026-03-02T09:00:00-05:00'));
    expect(recorded.programme).toMatchObject({ courseStatus: 'qualifying', reversedAuthorizations: [], decision: { outcome: 'allowed' } });
    expect(recorded.fact.programEventId).toBe(recorded.programme?.eventId);
    expect(recorded.fact).toMatchObject({ valueText: 'negative', unit: null, value: null, code: { code: '2106-3' } });
    const course = expectOk('course', await world.prescriber.get(`/api/courses/${world.courseId}`), 200).json<{ events: Array<{ id: string; kind: string; payload: Record<string, unknown> }> }>();
    const event = course.events.find((e) => e.id === recorded.programme?.eventId);
    expect(event?.payload).toMatchObject({ kind: 'pregnancy_test', specimen: 'urine', loinc: '2106-3', setting: 'clia_lab', result: 'negative', purpose: 'screening' });
    expect(await tasksOf(world)).toEqual([]);
  });

  it('sends a positive lab pregnancy test through the programme pathway: course stopped, open authorization reversed, one urgent task', async () => {
    world = await clinicalWorld({ start: '2026-01-05T15:00:00Z' });
    const w = world;
    const { prescriber, courseId } = w;
    for (const event of [
      { kind: 'form_signed', on: '2026-01-05', form: 'us_patient_information_consent', signedBy: ['patient', 'prescriber'] },
      { kind: 'form_signed', on: '2026-01-05', form: 'us_birth_defects_consent', signedBy: ['patient'] },
      { kind: 'counselling', on: '2026-01-05' },
      { kind: 'contraception_started', on: '2026-01-05', method: 'implant' },
      { kind: 'contraception_started', on: '2026-01-05', method: 'male_latex_condom' },
    ]) {
      expectOk(event.kind, await prescriber.post(`/api/courses/${courseId}/events`, { event }), 201);
    }
    // the screening and confirmation tests come from the lab, and count for the programme
    await lab(w, urineTest('negative', 'screening', '2026-01-05T09:00:00-05:00'));
    w.clock.set('2026-02-05T17:00:00Z');
    await lab(w, urineTest('negative', 'confirmation', '2026-02-05T09:00:00-05:00'));
    const questions = { kind: 'comprehension_questions', at: '2026-02-05T11:00:00-05:00', items: [{ questionId: 'q1', answer: 'correct' }] };
    expectOk('questions', await prescriber.post(`/api/courses/${courseId}/events`, { event: questions }), 201);
    const rx = expectOk('rx', await prescriber.post(`/api/courses/${courseId}/prescriptions`, { writtenOn: '2026-02-05', product: 'us-generic', strengthMg: 20, quantity: 60, dailyMg: 40, refills: 0 }), 201);
    const issued = expectOk('authorize', await prescriber.post(`/api/prescriptions/${rx.json<{ prescriptionId: string }>().prescriptionId}/authorizations`), 201);
    const authorizationId = issued.json<{ authorization: { id: string } }>().authorization.id;

    w.clock.set('2026-02-06T17:00:00Z');
    const positive = await lab(w, { loinc: '2106-3', value: 'positive', collectedAt: '2026-02-06T09:00:00-05:00', pregnancyTest: { purpose: 'monthly', setting: 'clia_lab', sensitivityMiuPerMl: 25 } });
    expect(positive.programme).toMatchObject({ courseStatus: 'stopped', reversedAuthorizations: [authorizationId] });
    expect(positive.fact).toMatchObject({ valueText: 'positive', alert: 'urgent' });
    expect(positive.fact.result.flags).toEqual(['PREG_POS']);
    expect(positive.tasks.map((t) => [t.kind, t.urgency])).toEqual([['positive_pregnancy_test', 'urgent']]);
    // the pathway's task, once: no second task from the lab rules
    expect(await tasksOf(w)).toEqual([{ kind: 'positive_pregnancy_test', urgency: 'urgent' }]);
    const course = expectOk('course', await prescriber.get(`/api/courses/${courseId}`), 200).json<{ course: { status: string; stopReason: string }; authorizations: Array<{ status: string }> }>();
    expect(course.course).toMatchObject({ status: 'stopped', stopReason: 'pregnancy' });
    expect(course.authorizations.map((a) => a.status)).toEqual(['reversed']);
    expect((await verifyAuditLog(w.server.database.db)).ok).toBe(true);
  });

  it('records an indeterminate lab pregnancy test as not valid for the programme, with an urgent task to repeat it', async () => {
    world = await clinicalWorld();
    const recorded = await lab(world, urineTest('indeterminate', 'screening', '2026-03-02T09:00:00-05:00'));
    expect(recorded.programme?.courseStatus).toBe('qualifying');
    expect(recorded.tasks.map((t) => [t.kind, t.urgency])).toEqual([['lab_pregnancy_indeterminate', 'urgent']]);
    const course = expectOk('course', await world.prescriber.get(`/api/courses/${world.courseId}`), 200).json<{ events: Array<{ id: string; payload: { result?: string } }> }>();
    expect(course.events.find((e) => e.id === recorded.programme?.eventId)?.payload.result).toBe('invalid');
  });

  it('needs the programme details for a pregnancy-test LOINC and a prescriber named by a designee', async () => {
    world = await clinicalWorld();
    const missing = await world.prescriber.post(`/api/courses/${world.courseId}/labs`, { loinc: '2106-3', value: 'negative', collectedAt: '2026-03-02T09:00:00-05:00' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'invalid_input', errors: [{ pointer: '/pregnancyTest' }] });
    const misplaced = await world.prescriber.post(`/api/courses/${world.courseId}/labs`, { ...tg(100), pregnancyTest: { purpose: 'monthly', setting: 'clia_lab' } });
    expect(misplaced.statusCode).toBe(400);
    expect(misplaced.json()).toMatchObject({ errors: [{ pointer: '/pregnancyTest' }] });
    const designee = await world.as('designee');
    const unnamed = await designee.post(`/api/courses/${world.courseId}/labs`, urineTest('negative', 'screening', '2026-03-02T09:00:00-05:00'));
    expect(unnamed.statusCode).toBe(400);
    const named = await designee.post(`/api/courses/${world.courseId}/labs`, { ...urineTest('negative', 'screening', '2026-03-02T09:00:00-05:00'), prescriberId: world.users.prescriber.id });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json()).toMatchObject({ fact: { recordedByRole: 'designee', onBehalfOf: world.users.prescriber.id } });
    // a designee may record any other lab without naming a prescriber
    expect((await designee.post(`/api/courses/${world.courseId}/labs`, tg(120))).statusCode).toBe(201);
  });
});
