import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from '../../db/testing/test-database.js';
import { clinicalWorld, expectOk, type ClinicalWorld } from '../testing/clinical-world.js';

let world: ClinicalWorld | undefined;
afterEach(async () => {
  await world?.server.close();
  world = undefined;
});

interface Fact {
  id: string;
  kind: string;
  effectiveOn: string | null;
  code: { system: string; code: string; display: string };
  codings: Array<{ system: string; code: string }>;
  value: number | null;
  valueText: string | null;
  unit: string | null;
  recordedByRole: string;
  data: Record<string, unknown>;
}

const dose = (date: string, mg: number, taken = true, doseIndex = 1) => ({ date, mg, taken, doseIndex });

describe(`doses, weights and the cumulative dose over HTTP on ${testEngine()}`, () => {
  it('records doses taken and missed with their codes and counts only what was taken, in mg and mg/kg', async () => {
    world = await clinicalWorld();
    const { prescriber, courseId } = world;
    const patient = await world.as('patient');
    expectOk('rx', await prescriber.post(`/api/courses/${courseId}/prescriptions`, { writtenOn: '2026-02-20', product: 'us-generic', strengthMg: 20, quantity: 60, dailyMg: 40, refills: 0 }), 201);
    const first = expectOk('dose', await patient.post(`/api/courses/${courseId}/doses`, dose('2026-03-01', 20)), 201).json<{ fact: Fact; advice: string | null; tasks: unknown[] }>();
    expect(first.fact).toMatchObject({ kind: 'dose', effectiveOn: '2026-03-01', value: 20, valueText: 'taken', unit: 'mg', recordedByRole: 'patient' });
    expect(first.fact.code).toEqual({ system: 'http://snomed.info/sct', code: '387208003', display: 'Isotretinoin' });
    expect(first.fact.codings).toEqual([{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '197844', display: 'isotretinoin 20 MG Oral Capsule' }]);
    expect(first.advice).toBeNull();
    expect(first.tasks).toEqual([]);
    expectOk('second dose of the day', await patient.post(`/api/courses/${courseId}/doses`, dose('2026-03-01', 20, true, 2)), 201);
    const missed = expectOk('missed', await prescriber.post(`/api/courses/${courseId}/doses`, dose('2026-03-02', 20, false)), 201).json<{ fact: Fact; advice: string }>();
    expect(missed.fact).toMatchObject({ valueText: 'missed', recordedByRole: 'prescriber' });
    expect(missed.advice).toMatch(/never take two doses/i);

    const listed = expectOk('list', await patient.get(`/api/courses/${courseId}/doses`), 200).json<{ facts: Fact[] }>();
    expect(listed.facts.map((f) => [f.effectiveOn, f.data.doseIndex, f.valueText])).toEqual([
      ['2026-03-01', 1, 'taken'],
      ['2026-03-01', 2, 'taken'],
      ['2026-03-02', 1, 'missed'],
    ]);
    const cumulative = expectOk('cumulative', await patient.get(`/api/courses/${courseId}/cumulative-dose`), 200).json<Record<string, unknown>>();
    expect(cumulative).toMatchObject({
      ruleId: 'DOSE-CUMULATIVE',
      basisRuleId: 'CLIN-CUMULATIVE-BASIS',
      totalMg: 40,
      mgPerKg: 0.57,
      unit: 'mg/kg',
      basis: { kind: 'baseline', weightKg: 70 },
      dosesCounted: 2,
      daysWithDose: 1,
      missedEntries: 1,
      firstDoseDate: '2026-03-01',
      lastDoseDate: '2026-03-01',
      target: { targetMgPerKg: 120, targetMg: 8400, remainingMg: 8360, reached: false },
      conventionalEquivalent: null,
      product: 'us-generic',
    });
  });

  it('never records the same dose twice: a second entry for the same day and dose index is a 409', async () => {
    world = await clinicalWorld();
    const { courseId } = world;
    const patient = await world.as('patient');
    expectOk('dose', await patient.post(`/api/courses/${courseId}/doses`, dose('2026-03-01', 20)), 201);
    const again = await patient.post(`/api/courses/${courseId}/doses`, dose('2026-03-01', 20, false));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict' });
    const cumulative = expectOk('cumulative', await patient.get(`/api/courses/${courseId}/cumulative-dose`), 200).json<{ totalMg: number }>();
    expect(cumulative.totalMg).toBe(20);
  });

  it('records a dose once when the patient and the clinic send it at the same moment: one 201, the others 409', async () => {
    world = await clinicalWorld();
    const { prescriber, courseId } = world;
    const patient = await world.as('patient');
    const designee = await world.as('designee');
    const answers = await Promise.all([patient, prescriber, designee, patient].map((client) => client.post(`/api/courses/${courseId}/doses`, dose('2026-03-01', 20))));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const stored = await world.server.database.db.selectFrom('clinical_fact').select('id').where('course_id', '=', courseId).where('kind', '=', 'dose').execute();
    expect(stored).toHaveLength(1);
  });

  it('refuses a dose dated after today in the clinic zone, naming the date, and accepts today', async () => {
    world = await clinicalWorld({ start: '2026-03-02T03:00:00Z' });
    // 03:00 UTC is still 2026-03-01 in New York
    const patient = await world.as('patient');
    const late = await patient.post(`/api/courses/${world.courseId}/doses`, dose('2026-03-02', 20));
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ code: 'invalid_input', errors: [{ pointer: '/date' }] });
    expectOk('today', await patient.post(`/api/courses/${world.courseId}/doses`, dose('2026-03-01', 20)), 201);
  });

  it('records weights once a day with LOINC 29463-7 in kg and shows them as the weight history, re-basing only when asked', async () => {
    world = await clinicalWorld();
    const { prescriber, courseId } = world;
    const patient = await world.as('patient');
    const w = expectOk('weight', await prescriber.post(`/api/courses/${courseId}/weights`, { date: '2026-03-01', weightKg: 80.5 }), 201).json<{ fact: Fact }>();
    expect(w.fact).toMatchObject({ kind: 'weight', value: 80.5, unit: 'kg', code: { system: 'http://loinc.org', code: '29463-7', display: 'Body weight' } });
    expect((await prescriber.post(`/api/courses/${courseId}/weights`, { date: '2026-03-01', weightKg: 81 })).statusCode).toBe(409);
    expectOk('dose', await patient.post(`/api/courses/${courseId}/doses`, dose('2026-03-01', 40)), 201);
    const baseline = expectOk('cumulative', await patient.get(`/api/courses/${courseId}/cumulative-dose`), 200).json<Record<string, unknown>>();
    expect(baseline).toMatchObject({ mgPerKg: 0.57, basis: { kind: 'baseline', weightKg: 70 }, weightHistory: [{ date: '2026-03-01', weightKg: 80.5 }] });
    const rebased = expectOk('rebased', await patient.get(`/api/courses/${courseId}/cumulative-dose?rebaseOn=2026-03-01`), 200).json<Record<string, unknown>>();
    expect(rebased).toMatchObject({ mgPerKg: 0.5, baselineMgPerKg: 0.57, basis: { kind: 'rebased', weightKg: 80.5, date: '2026-03-01' } });
    const unknown = await patient.get(`/api/courses/${courseId}/cumulative-dose?rebaseOn=2026-02-01`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ pointer: '/rebaseOn' }] });
    const badQuery = await patient.get(`/api/courses/${courseId}/cumulative-dose?rebaseOn=yesterday`);
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json()).toMatchObject({ code: 'validation_failed', errors: [{ pointer: '/rebaseOn' }] });
  });

  it('uses the earliest recorded weight when the course has no baseline weight, and asks for one when there is none', async () => {
    world = await clinicalWorld({ enroll: { baselineWeightKg: undefined } });
    const { prescriber, courseId } = world;
    const patient = await world.as('patient');
    expectOk('dose', await patient.post(`/api/courses/${courseId}/doses`, dose('2026-03-01', 60)), 201);
    const none = await patient.get(`/api/courses/${courseId}/cumulative-dose`);
    expect(none.statusCode).toBe(409);
    expectOk('weight', await prescriber.post(`/api/courses/${courseId}/weights`, { date: '2026-03-02', weightKg: 61 }), 201);
    expectOk('weight', await prescriber.post(`/api/courses/${courseId}/weights`, { date: '2026-03-01', weightKg: 60 }), 201);
    const cumulative = expectOk('cumulative', await patient.get(`/api/courses/${courseId}/cumulative-dose`), 200).json<Record<string, unknown>>();
    expect(cumulative).toMatchObject({ totalMg: 60, mgPerKg: 1, basis: { kind: 'baseline', weightKg: 60 }, weightHistory: [{ date: '2026-03-01' }, { date: '2026-03-02' }] });
  });

  it('shows the Absorica LD conventional-equivalent, labelled as an assumption, for an Absorica LD course only', async () => {
    world = await clinicalWorld({ enroll: { product: 'absorica-ld' } });
    const { courseId } = world;
    const patient = await world.as('patient');
    expectOk('dose', await patient.post(`/api/courses/${courseId}/doses`, dose('2026-03-01', 32)), 201);
    const cumulative = expectOk('cumulative', await patient.get(`/api/courses/${courseId}/cumulative-dose`), 200).json<{ totalMg: number; conventionalEquivalent: { ruleId: string; totalMg: number; label: string } }>();
    expect(cumulative.totalMg).toBe(32);
    expect(cumulative.conventionalEquivalent).toMatchObject({ ruleId: 'DOSE-LD-EQUIVALENT', totalMg: 40 });
    expect(cumulative.conventionalEquivalent.label).toMatch(/assumption/);
  });
});
