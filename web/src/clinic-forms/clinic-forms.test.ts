import { describe, expect, it } from 'vitest';
import { enrollRequestSchema, prescriptionRequestSchema, courseStatusChangeSchema } from '../../../src/contracts/course.js';
import { labRequestSchema, gradingRequestSchema, phq9RequestSchema } from '../../../src/contracts/clinical.js';
import { programEventSchema } from '../../../src/contracts/program-case.js';
import { emptyGradingForm, emptyPhq9Form, gradingRequestFrom, phq9RequestFrom } from './assessment-forms.js';
import { emptyEnrollForm, enrollRequestFrom, type EnrollFormValues } from './enroll-form.js';
import { emptyEventForm, EVENT_KINDS, eventRequestFrom, type EventFormValues } from './event-form.js';
import { actingFor, Checker, formatInstantIn, instantOf, lines, newIdempotencyKey, timeIn, todayIn } from './form-fields.js';
import { labRequestFrom, type LabFormValues } from './lab-form.js';
import { emptyPrescribeForm, prescribePreview, prescriptionRequestFrom, productsFor } from './prescribe-form.js';
import { actionsFor, statusRequestFrom } from './status-form.js';
import { awaitingAuthorization } from './authorize-form.js';
import { getProduct } from '../../../src/domain/dosing/index.js';

const TODAY = '2026-11-22';
const NOW = new Date('2026-11-22T15:00:00Z');

const enroll = (patch: Partial<EnrollFormValues>): EnrollFormValues => ({ ...emptyEnrollForm(TODAY), ...patch });

describe('enroll form -> POST /api/patients', () => {
  it('reports every missing field at once, in form order', () => {
    const outcome = enrollRequestFrom(emptyEnrollForm(TODAY), TODAY);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      { field: 'displayName', code: 'required' },
      { field: 'birthDate', code: 'required' },
      { field: 'category', code: 'notChosen' },
    ]);
  });

  it('a patient who can get pregnant: no basis, lists one a line, the optional weight, and the contract accepts it', () => {
    const outcome = enrollRequestFrom(
      enroll({ displayName: '  Robin Lee ', birthDate: '2001-06-15', category: 'can_get_pregnant', basis: 'hysterectomy', weightKg: '61,5', medications: 'doxycycline\n\n vitamin D \n', allergies: '' }),
      TODAY,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.body).toMatchObject({
      displayName: 'Robin Lee',
      birthDate: '2001-06-15',
      risk: { category: 'can_get_pregnant', basis: [], confirmedBy: 'prescriber', confirmedOn: TODAY },
      baselineWeightKg: 61.5,
      targetMgPerKg: 120,
      baseline: { medications: ['doxycycline', 'vitamin D'], allergies: [], conditions: [], previousTreatments: [] },
    });
    expect(enrollRequestSchema.safeParse(outcome.body).success).toBe(true);
  });

  it('"cannot get pregnant" needs its basis, with the months after menopause or the words of another reason', () => {
    const missing = enrollRequestFrom(enroll({ displayName: 'A', birthDate: '1960-01-01', category: 'cannot_get_pregnant' }), TODAY);
    expect(missing.ok ? [] : missing.problems).toEqual([{ field: 'basis', code: 'notChosen' }]);
    const menopause = enrollRequestFrom(enroll({ displayName: 'A', birthDate: '1960-01-01', category: 'cannot_get_pregnant', basis: 'post_menopausal', menopauseMonths: '14' }), TODAY);
    expect(menopause.ok && menopause.body.risk.basis).toEqual([{ kind: 'post_menopausal', consecutiveMonths: 14 }]);
    const other = enrollRequestFrom(enroll({ displayName: 'A', birthDate: '1960-01-01', category: 'cannot_get_pregnant', basis: 'other', basisOther: ' ' }), TODAY);
    expect(other.ok ? [] : other.problems).toEqual([{ field: 'basisOther', code: 'required' }]);
    const prescriber = '11111111-1111-4111-8111-111111111111';
    const forPrescriber = enrollRequestFrom(enroll({ displayName: 'A', birthDate: '1960-01-01', category: 'unknown' }), TODAY, { prescriberId: prescriber });
    expect(forPrescriber.ok && forPrescriber.body.prescriberId).toBe(prescriber);
  });

  it('refuses a birth date in the future, an impossible date and a weight that is not a number', () => {
    const outcome = enrollRequestFrom(enroll({ displayName: 'A', birthDate: '2026-11-23', category: 'unknown', weightKg: 'seventy', confirmedOn: '2026-02-30' }), TODAY);
    expect(outcome.ok ? [] : outcome.problems).toEqual([
      { field: 'birthDate', code: 'future' },
      { field: 'confirmedOn', code: 'invalidDate' },
      { field: 'weightKg', code: 'notANumber' },
    ]);
  });
});

describe('programme event form -> POST /api/courses/:id/events', () => {
  const event = (patch: Partial<EventFormValues>): EventFormValues => ({ ...emptyEventForm(TODAY, '09:30'), ...patch });

  it('asks only for the fields of the chosen kind', () => {
    const consent = eventRequestFrom(event({ kind: 'form_signed' }), TODAY, NOW);
    expect(consent.ok ? [] : consent.problems).toEqual([
      { field: 'form', code: 'notChosen' },
      { field: 'signedBy', code: 'notChosen' },
    ]);
    const counselling = eventRequestFrom(event({ kind: 'counselling', method: '', reason: '' }), TODAY, NOW);
    expect(counselling.ok && counselling.body).toEqual({ kind: 'counselling', on: TODAY });
  });

  it('a pregnancy test is an instant with specimen, setting, purpose and result; never in the future', () => {
    const test = event({ kind: 'pregnancy_test', specimen: 'serum', setting: 'clia_lab', purpose: 'screening', result: 'negative', sensitivity: '20' });
    const outcome = eventRequestFrom(test, TODAY, NOW);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.body).toMatchObject({ kind: 'pregnancy_test', specimen: 'serum', setting: 'clia_lab', purpose: 'screening', result: 'negative', sensitivityMiuPerMl: 20 });
    expect(outcome.body.collectedAt).toBe(instantOf(TODAY, '09:30'));
    const later = eventRequestFrom({ ...test, time: '23:59' }, TODAY, new Date(`${TODAY}T00:00:00`));
    expect(later.ok ? [] : later.problems).toEqual([{ field: 'time', code: 'future' }]);
  });

  it('comprehension questions become one item per question, and at least one is needed', () => {
    const outcome = eventRequestFrom(event({ kind: 'comprehension_questions', correct: '2', incorrect: '1', unanswered: '0' }), TODAY, NOW);
    expect(outcome.ok && outcome.body.items).toEqual([
      { questionId: 'q1', answer: 'correct' },
      { questionId: 'q2', answer: 'correct' },
      { questionId: 'q3', answer: 'incorrect' },
    ]);
    const none = eventRequestFrom(event({ kind: 'comprehension_questions', correct: '0' }), TODAY, NOW);
    expect(none.ok ? [] : none.problems).toEqual([{ field: 'correct', code: 'notPositive' }]);
  });

  it('every kind, filled in, is an event the programme case schema accepts', () => {
    const filled = event({
      form: 'us_patient_information_consent',
      signedBy: ['patient', 'prescriber'],
      method: 'implant',
      reason: 'no risk expected',
      agreedByPatient: true,
      agreedByPrescriber: true,
      correct: '5',
      specimen: 'urine',
      setting: 'medical_setting',
      result: 'negative',
      purpose: 'monthly',
      material: 'medication_guide',
      assessment: 'mental_health',
      assessmentSetting: 'remote',
      otherPrescriberId: 'prescriber-2',
      category: 'cannot_get_pregnant',
      basis: 'hysterectomy',
    });
    for (const kind of EVENT_KINDS) {
      const outcome = eventRequestFrom({ ...filled, kind }, TODAY, NOW);
      expect(outcome.ok, kind).toBe(true);
      if (!outcome.ok) continue;
      const parsed = programEventSchema.safeParse({ ...outcome.body, id: 'e-1' });
      expect(parsed.success, `${kind}: ${JSON.stringify(parsed.error?.issues ?? [])}`).toBe(true);
    }
  });
});

describe('prescribe form -> POST /api/courses/:id/prescriptions, with the live preview', () => {
  const usGeneric = getProduct('us-generic');
  const base = { ...emptyPrescribeForm(TODAY, usGeneric, '70'), strengthMg: '20', dailyMg: '40', daysSupply: '30' };

  it('offers the products of the clinic’s jurisdiction only', () => {
    expect(productsFor('US').every((p) => p.jurisdiction === 'US')).toBe(true);
    expect(productsFor('EU-FR').map((p) => p.id)).toEqual(['eu-generic']);
    expect(productsFor('UK').map((p) => p.id)).toEqual(['uk-generic']);
  });

  it('quantity = capsules a day x days of supply, no refills, and the contract accepts it', () => {
    const outcome = prescriptionRequestFrom(base, TODAY);
    expect(outcome.ok && outcome.body).toEqual({ writtenOn: TODAY, product: 'us-generic', strengthMg: 20, quantity: 60, dailyMg: 40, refills: 0 });
    if (outcome.ok) expect(prescriptionRequestSchema.safeParse(outcome.body).success).toBe(true);
    const acknowledged = prescriptionRequestFrom({ ...base, acknowledgeInteractions: true }, TODAY, { prescriberId: 'p' });
    expect(acknowledged.ok && acknowledged.body).toMatchObject({ acknowledgeInteractions: true, prescriberId: 'p' });
  });

  it('refuses a daily dose that is not whole capsules of the strength, and more than 30 days', () => {
    const outcome = prescriptionRequestFrom({ ...base, dailyMg: '50', daysSupply: '31' }, TODAY);
    expect(outcome.ok ? [] : outcome.problems).toEqual([
      { field: 'daysSupply', code: 'tooLarge', limit: 30 },
      { field: 'dailyMg', code: 'notMultiple', limit: 20 },
    ]);
  });

  it('previews capsules, the dose for the weight with its warnings, and the course to the target', () => {
    const { preview } = prescribePreview(base, 120);
    expect(preview?.quantity).toBe(60);
    expect(preview?.capsulesPerDay).toBe(2);
    expect(preview?.calculation?.daily.actualMgPerKgPerDay).toBe(0.57);
    expect(preview?.calculation?.plan.targetMg).toBe(8400);
    expect(preview?.warnings.map((w) => w.code)).toContain('take_with_food');
    const high = prescribePreview({ ...base, dailyMg: '200', strengthMg: '40' }, 120);
    expect(high.preview?.warnings.map((w) => w.ruleId)).toContain('DOSE-RANGE');
    const noWeight = prescribePreview({ ...base, weightKg: '' }, 120);
    expect(noWeight.preview?.calculation).toBeUndefined();
    expect(prescribePreview({ ...base, dailyMg: '' }, 120).preview).toBeUndefined();
  });
});

describe('the other forms', () => {
  it('status: the transitions the server allows, a reason to stop, kept as its code', () => {
    expect(actionsFor('qualifying')).toEqual(['stop']);
    expect(actionsFor('paused')).toEqual(['resume', 'complete', 'stop']);
    expect(actionsFor('stopped')).toEqual([]);
    const noReason = statusRequestFrom({ action: 'stop', reason: '', reasonText: '', on: TODAY }, TODAY, 'active');
    expect(noReason.ok ? [] : noReason.problems).toEqual([{ field: 'reason', code: 'notChosen' }]);
    const stop = statusRequestFrom({ action: 'stop', reason: 'adverse_effect', reasonText: '', on: TODAY }, TODAY, 'active');
    expect(stop.ok && stop.body).toEqual({ status: 'stopped', reason: 'adverse_effect', on: TODAY });
    const other = statusRequestFrom({ action: 'stop', reason: 'other', reasonText: 'moving abroad', on: TODAY }, TODAY, 'active');
    expect(other.ok && other.body).toEqual({ status: 'stopped', reason: 'moving abroad', on: TODAY });
    const pause = statusRequestFrom({ action: 'pause', reason: '', reasonText: '', on: TODAY }, TODAY, 'qualifying');
    expect(pause.ok ? [] : pause.problems).toEqual([{ field: 'action', code: 'notChosen' }]);
    if (stop.ok) expect(courseStatusChangeSchema.safeParse(stop.body).success).toBe(true);
  });

  it('lab: the unit of the code, a pregnancy test with its purpose and setting', () => {
    const values: LabFormValues = { loinc: '1742-6', value: '250', qualitative: '', referenceRangeHigh: '40', baselineValue: '', date: TODAY, time: '09:00', purpose: '', setting: '' };
    const alt = labRequestFrom(values, NOW, TODAY);
    expect(alt.ok && alt.body).toMatchObject({ loinc: '1742-6', value: 250, unit: 'U/L', referenceRangeHigh: 40 });
    if (alt.ok) expect(labRequestSchema.safeParse(alt.body).success).toBe(true);
    const hcg = labRequestFrom({ ...values, loinc: '2106-3', value: '', referenceRangeHigh: '' }, NOW, TODAY);
    expect(hcg.ok ? [] : hcg.problems).toEqual([
      { field: 'qualitative', code: 'notChosen' },
      { field: 'purpose', code: 'notChosen' },
      { field: 'setting', code: 'notChosen' },
    ]);
    const hcgFilled = labRequestFrom({ ...values, loinc: '2106-3', qualitative: 'negative', purpose: 'monthly', setting: 'clia_lab' }, NOW, TODAY);
    expect(hcgFilled.ok && hcgFilled.body).toMatchObject({ value: 'negative', pregnancyTest: { purpose: 'monthly', setting: 'clia_lab' } });
    expect(hcgFilled.ok && 'unit' in hcgFilled.body).toBe(false);
  });

  it('PHQ-9: unanswered items stay null; an empty form is refused', () => {
    const empty = phq9RequestFrom(emptyPhq9Form(TODAY, '09:00'), NOW, TODAY);
    expect(empty.ok ? [] : empty.problems).toEqual([{ field: 'answers', code: 'notChosen' }]);
    const partial = phq9RequestFrom({ ...emptyPhq9Form(TODAY, '09:00'), answers: ['1', '0', '', '3', '0', '0', '0', '0', '2'] }, NOW, TODAY);
    expect(partial.ok && partial.body.answers).toEqual([1, 0, null, 3, 0, 0, 0, 0, 2]);
    if (partial.ok) expect(phq9RequestSchema.safeParse(partial.body).success).toBe(true);
  });

  it('grading: IGA, scars and the six GAGS regions', () => {
    const iga = gradingRequestFrom({ ...emptyGradingForm(TODAY), scale: 'iga', grade: '3' }, TODAY);
    expect(iga.ok && iga.body).toEqual({ scale: 'iga', grade: 3, assessedOn: TODAY });
    const gags = gradingRequestFrom({ ...emptyGradingForm(TODAY), scale: 'gags' }, TODAY);
    expect(gags.ok ? 0 : gags.problems.length).toBe(6);
    const filled = gradingRequestFrom({ ...emptyGradingForm(TODAY), scale: 'gags', gags: { forehead: '1', rightCheek: '2', leftCheek: '2', nose: '0', chin: '3', chestAndUpperBack: '4' } }, TODAY);
    if (filled.ok) expect(gradingRequestSchema.safeParse(filled.body).success).toBe(true);
    else expect.fail('GAGS filled in is valid');
  });

  it('authorization: only prescriptions without an open or dispensed authorization are offered', () => {
    const p = (id: string) => ({ id, prescriberId: 'x', writtenOn: TODAY, product: 'us-generic', strengthMg: 20, quantity: 60, dailyMg: 40, refills: 0 });
    const a = (prescriptionId: string, status: 'open' | 'dispensed' | 'reversed') => ({ id: `a-${prescriptionId}`, number: 'ISO-1', prescriptionId, status, firstInstant: '', lastInstant: '', lastDayToCollect: TODAY, packId: 'us-ipledge-2026' });
    const waiting = awaitingAuthorization({ prescriptions: [p('1'), p('2'), p('3'), p('4')], authorizations: [a('1', 'open'), a('2', 'dispensed'), a('3', 'reversed')] });
    expect(waiting.map((x) => x.id)).toEqual(['3', '4']);
  });
});

describe('form helpers', () => {
  it('reads whole numbers and decimals strictly, and collects every problem', () => {
    const check = new Checker<'a' | 'b' | 'c' | 'd'>();
    expect(check.whole('a', '2.5', 1, 10)).toBeUndefined();
    expect(check.whole('b', '0', 1, 10)).toBeUndefined();
    expect(check.decimal('c', '1,5', 10)).toBe(1.5);
    expect(check.decimal('d', '-1', 10)).toBeUndefined();
    expect(check.problems.map((p) => p.code)).toEqual(['notWhole', 'notPositive', 'notANumber']);
    expect(lines(' a \r\n\n b')).toEqual(['a', 'b']);
  });

  it('a designee acts for the course’s prescriber when they may, a prescriber for themself', () => {
    expect(actingFor({ role: 'prescriber', actsFor: [] }, 'p1')).toEqual({});
    expect(actingFor({ role: 'designee', actsFor: ['p1', 'p2'] }, 'p2')).toEqual({ prescriberId: 'p2' });
    expect(actingFor({ role: 'designee', actsFor: ['p1'] }, 'p9')).toEqual({ prescriberId: 'p1' });
  });

  it('dates and times are the clinic’s: today, now and a wall-clock instant in its zone', () => {
    const late = new Date('2026-11-22T04:10:00Z');
    expect(todayIn('America/New_York', late)).toBe('2026-11-21');
    expect(timeIn('America/New_York', late)).toBe('23:10');
    expect(todayIn('Europe/London', late)).toBe('2026-11-22');
    expect(instantOf('2026-11-21', '23:10', 'America/New_York')).toBe('2026-11-22T04:10:00Z');
    expect(instantOf('2026-07-01', '09:30', 'Europe/London')).toBe('2026-07-01T08:30:00Z');
    expect(instantOf('2026-02-30', '09:30', 'Europe/London')).toBeUndefined();
    // the words around the date are the runtime's (ICU); the day and the clinic's time are ours
    expect(formatInstantIn('2026-11-22T04:10:00Z', 'America/New_York')).toMatch(/^Saturday,? 21 November 2026 at 23:10$/);
    expect(formatInstantIn('2026-11-21T23:10:00-05:00[America/New_York]', 'America/New_York')).toMatch(/^Saturday,? 21 November 2026 at 23:10$/);
    expect(formatInstantIn('not a time', undefined)).toBe('not a time');
  });

  it('an idempotency key is 32 hex characters, new each time', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(key);
    expect(newIdempotencyKey((bytes) => bytes.fill(255))).toBe('f'.repeat(32));
  });
});
