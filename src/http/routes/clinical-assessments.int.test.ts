import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from '../../db/testing/test-database.js';
import { clinicalWorld, expectOk, tasksOf, type ClinicalWorld } from '../testing/clinical-world.js';

let world: ClinicalWorld | undefined;
afterEach(async () => {
  await world?.server.close();
  world = undefined;
});

interface Fact {
  code: { system: string; code: string; display: string };
  codings: Array<{ system: string; code: string }>;
  value: number | null;
  valueText: string | null;
  unit: string | null;
  alert: string | null;
  visibleToPatient: boolean;
  recordedByRole: string;
  result: Record<string, unknown>;
  data: Record<string, unknown>;
}
interface Recorded {
  fact: Fact;
  tasks: Array<{ kind: string; urgency: string; ruleIds: string[] }>;
}

const phq9 = (answers: unknown, completedAt: string) => ({ answers, completedAt });

describe(`PHQ-9 responses over HTTP on ${testEngine()}`, () => {
  it('scores a patient PHQ-9 with its LOINC codes, and the first complete one is the baseline', async () => {
    world = await clinicalWorld();
    const patient = await world.as('patient');
    const r = expectOk('phq9', await patient.post(`/api/courses/${world.courseId}/phq9`, phq9([1, 1, 0, 0, 0, 0, 0, 0, 0], '2026-03-01T10:00:00Z')), 201).json<Recorded & { patientMessages: string[] }>();
    expect(r.fact).toMatchObject({ code: { system: 'http://loinc.org', code: '44249-1' }, value: 2, valueText: 'complete', unit: '{score}', recordedByRole: 'patient', alert: null });
    expect(r.fact.codings[0]).toMatchObject({ system: 'http://loinc.org', code: '44261-6' });
    expect(r.fact.codings.map((c) => c.code)).toContain('44260-8');
    expect(r.fact.result).toMatchObject({ total: 2, band: 'minimal', item9RedFlag: false, rise: null, baselineRuleId: 'CLIN-PHQ9-BASELINE', baselineFactId: null });
    expect(r.tasks).toEqual([]);
    expect(r.patientMessages.join(' ')).toContain('2 out of 27');
  });

  it('creates an urgent phq9_item9 task when item 9 is above 0, whatever the total', async () => {
    world = await clinicalWorld();
    const patient = await world.as('patient');
    const r = expectOk('phq9', await patient.post(`/api/courses/${world.courseId}/phq9`, phq9([0, 0, 0, 0, 0, 0, 0, 0, 1], '2026-03-01T10:00:00Z')), 201).json<Recorded>();
    expect(r.fact.value).toBe(1);
    expect(r.fact.alert).toBe('urgent');
    expect(r.tasks).toEqual([{ kind: 'phq9_item9', urgency: 'urgent', ruleIds: ['CLIN-PHQ9-TASKS', 'MOOD-PHQ9-ITEM9'] }]);
    expect(await tasksOf(world)).toEqual([{ kind: 'phq9_item9', urgency: 'urgent' }]);
  });

  it('creates a soon task for a rise of 5 from the baseline and none for a rise of 4 (answers by LOINC and LA code)', async () => {
    world = await clinicalWorld();
    const { prescriber, courseId } = world;
    expectOk('baseline', await prescriber.post(`/api/courses/${courseId}/phq9`, phq9([1, 1, 0, 0, 0, 0, 0, 0, 0], '2026-02-01T10:00:00Z')), 201);
    const byLoinc = (sixth: string) => ({
      '44250-9': 'LA6569-3',
      '44255-8': 'LA6569-3',
      '44259-0': 'LA6569-3',
      '44254-1': 'LA6569-3',
      '44251-7': 'LA6569-3',
      '44258-2': sixth,
      '44252-5': 'LA6568-5',
      '44253-3': 'LA6568-5',
      '44260-8': 'LA6568-5',
    });
    const four = expectOk('rise 4', await prescriber.post(`/api/courses/${courseId}/phq9`, phq9(byLoinc('LA6569-3'), '2026-03-01T10:00:00Z')), 201).json<Recorded>();
    expect(four.fact.value).toBe(6);
    expect(four.fact.result).toMatchObject({ rise: { baselineTotal: 2, change: 4, flagged: false } });
    expect(four.tasks).toEqual([]);
    const five = expectOk('rise 5', await prescriber.post(`/api/courses/${courseId}/phq9`, phq9(byLoinc('LA6570-1'), '2026-03-02T10:00:00Z')), 201).json<Recorded>();
    expect(five.fact.value).toBe(7);
    expect(five.tasks.map((t) => [t.kind, t.urgency])).toEqual([['phq9_rise', 'soon']]);
    expect(await tasksOf(world)).toEqual([{ kind: 'phq9_rise', urgency: 'soon' }]);
  });

  it('stores an incomplete form as incomplete, without a total, follows up the missing item 9 and is never a baseline', async () => {
    world = await clinicalWorld();
    const patient = await world.as('patient');
    const r = expectOk('incomplete', await patient.post(`/api/courses/${world.courseId}/phq9`, phq9({ '44250-9': 1 }, '2026-02-01T10:00:00Z')), 201).json<Recorded>();
    expect(r.fact).toMatchObject({ value: null, valueText: 'incomplete' });
    expect(r.fact.result).toMatchObject({ incomplete: true, total: null, band: null, missingItems: [2, 3, 4, 5, 6, 7, 8, 9] });
    expect(r.tasks.map((t) => [t.kind, t.urgency])).toEqual([
      ['phq9_item9_unanswered', 'urgent'],
      ['phq9_incomplete', 'routine'],
    ]);
    const next = expectOk('next', await patient.post(`/api/courses/${world.courseId}/phq9`, phq9([3, 3, 0, 0, 0, 0, 0, 0, 0], '2026-03-01T10:00:00Z')), 201).json<Recorded>();
    expect(next.fact.result).toMatchObject({ rise: null, baselineFactId: null });
  });
});

describe(`symptom reports over HTTP on ${testEngine()}`, () => {
  it('triages a patient report of suicidal thoughts: an urgent task and what to do now', async () => {
    world = await clinicalWorld();
    const patient = await world.as('patient');
    const answers = [{ symptomId: 'cheilitis', answer: 'yes' }, { symptomId: 'suicidal-thoughts', answer: 'yes' }];
    const r = expectOk('report', await patient.post(`/api/courses/${world.courseId}/symptoms`, { answers }), 201).json<Recorded & { overallAction: string; whatToDo: string[] }>();
    expect(r.overallAction).toBe('stopAndUrgent');
    expect(r.whatToDo[0]).toMatch(/emergency/);
    expect(r.fact).toMatchObject({ valueText: 'stopAndUrgent', alert: 'urgent', code: { system: 'urn:isocourse:code-system:clinical', code: 'symptom-check-in' } });
    expect(r.fact.result).toMatchObject({ ruleId: 'SYM-TRIAGE', overallAction: 'stopAndUrgent', pathways: ['mentalHealth'] });
    expect(r.tasks.map((t) => [t.kind, t.urgency])).toEqual([['symptom_stop_urgent', 'urgent']]);
  });

  it('creates a soon task when the prescriber should be contacted, and none for common effects only', async () => {
    world = await clinicalWorld();
    const { prescriber, courseId } = world;
    const soon = expectOk('soon', await prescriber.post(`/api/courses/${courseId}/symptoms`, { answers: [{ symptomId: 'dry-eyes', answer: 'troublesome' }] }), 201).json<Recorded & { overallAction: string }>();
    expect(soon.overallAction).toBe('contactPrescriber');
    expect(soon.tasks.map((t) => [t.kind, t.urgency])).toEqual([['symptom_contact_prescriber', 'soon']]);
    const common = expectOk('common', await prescriber.post(`/api/courses/${courseId}/symptoms`, { answers: [{ symptomId: 'dry-skin', answer: 'yes' }] }), 201).json<Recorded & { overallAction: string; whatToDo: string[] }>();
    expect(common.overallAction).toBe('record');
    expect(common.tasks).toEqual([]);
    expect(common.whatToDo[0]).toMatch(/Keep taking isotretinoin/);
    expect(await tasksOf(world)).toEqual([{ kind: 'symptom_contact_prescriber', urgency: 'soon' }]);
  });

  it('reminds a UK clinic that sexual function must be asked, and reads the reports back', async () => {
    world = await clinicalWorld({ jurisdiction: 'UK', timeZone: 'Europe/London', enroll: { product: 'uk-generic' } });
    const patient = await world.as('patient');
    const r = expectOk('report', await patient.post(`/api/courses/${world.courseId}/symptoms`, { answers: [{ symptomId: 'headache', answer: 'no' }] }), 201).json<Recorded>();
    expect(r.fact.result).toMatchObject({ overallAction: 'none', reminders: [{ symptomId: 'sexual-function' }] });
    const listed = expectOk('list', await world.prescriber.get(`/api/courses/${world.courseId}/symptoms`), 200).json<{ facts: Fact[] }>();
    expect(listed.facts).toHaveLength(1);
  });
});

describe(`gradings and notes over HTTP on ${testEngine()}`, () => {
  it('records IGA against the course baseline: success needs 0 or 1 and two grades below it', async () => {
    world = await clinicalWorld();
    const { prescriber, courseId } = world;
    const baseline = expectOk('iga', await prescriber.post(`/api/courses/${courseId}/gradings`, { scale: 'iga', grade: 3, assessedOn: '2026-01-10' }), 201).json<Recorded>();
    expect(baseline.fact).toMatchObject({ value: 3, valueText: 'moderate', code: { system: 'urn:isocourse:code-system:clinical', code: 'iga' } });
    expect(baseline.fact.result).toMatchObject({ ruleId: 'GRADE-IGA', success: null, baselineFactId: null });
    const two = expectOk('iga 2', await prescriber.post(`/api/courses/${courseId}/gradings`, { scale: 'iga', grade: 2, assessedOn: '2026-02-10' }), 201).json<Recorded>();
    expect(two.fact.result).toMatchObject({ success: { success: false, improvement: 1 } });
    const one = expectOk('iga 1', await prescriber.post(`/api/courses/${courseId}/gradings`, { scale: 'iga', grade: 1, assessedOn: '2026-03-01' }), 201).json<Recorded>();
    expect(one.fact.result).toMatchObject({ success: { success: true, baseline: 3, current: 1, unmet: [] } });
  });

  it('scores GAGS with its band, counts lesions, validates Leeds and grades scars', async () => {
    world = await clinicalWorld();
    const { prescriber, courseId } = world;
    const post = async (body: Record<string, unknown>) => expectOk(String(body.scale), await prescriber.post(`/api/courses/${courseId}/gradings`, body), 201).json<Recorded>();
    const gags = await post({ scale: 'gags', forehead: 3, rightCheek: 3, leftCheek: 3, nose: 1, chin: 1, chestAndUpperBack: 0 });
    expect(gags.fact).toMatchObject({ value: 20, valueText: 'moderate', code: { code: 'gags' } });
    const counts = await post({ scale: 'lesion_counts', face: { openComedones: 4, closedComedones: 6, papules: 5, pustules: 2, nodules: 1 } });
    expect(counts.fact.value).toBe(18);
    expect(counts.fact.result).toMatchObject({ regionsCounted: ['face'], overall: { nonInflammatory: 10, inflammatory: 8 } });
    const leeds = await post({ scale: 'leeds', faceInflammatory: 5, faceComedonal: 'B' });
    expect(leeds.fact.valueText).toBe('face 5/12 (comedonal B), chest not graded, back not graded');
    const scars = await post({ scale: 'scars', grade: 3 });
    expect(scars.fact).toMatchObject({ value: 3, valueText: 'moderate', code: { code: 'scars-goodman-baron' } });
    const listed = expectOk('list', await (await world.as('patient')).get(`/api/courses/${courseId}/gradings`), 200).json<{ facts: Fact[] }>();
    expect(listed.facts.map((f) => f.code)).toHaveLength(4);
  });

  it('keeps notes internal unless marked visible: the patient reads only those', async () => {
    world = await clinicalWorld();
    const { prescriber, courseId } = world;
    expectOk('internal', await prescriber.post(`/api/courses/${courseId}/notes`, { text: 'Discussed mood with parent present.' }), 201);
    const shared = expectOk('shared', await prescriber.post(`/api/courses/${courseId}/notes`, { text: 'Use a lip balm twice a day.', visibleToPatient: true }), 201).json<Recorded>();
    expect(shared.fact).toMatchObject({ visibleToPatient: true, code: { code: 'clinical-note' }, data: { text: 'Use a lip balm twice a day.' } });
    const staffView = expectOk('staff', await prescriber.get(`/api/courses/${courseId}/notes`), 200).json<{ facts: Fact[] }>();
    expect(staffView.facts).toHaveLength(2);
    const patientView = expectOk('patient', await (await world.as('patient')).get(`/api/courses/${courseId}/notes`), 200).json<{ facts: Fact[] }>();
    expect(patientView.facts.map((f) => f.data.text)).toEqual(['Use a lip balm twice a day.']);
  });
});
