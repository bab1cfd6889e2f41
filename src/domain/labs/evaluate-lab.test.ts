import { describe, expect, it } from 'vitest';
import { DomainInputError } from '../errors.js';
import { evaluateLabResult, type LabResultInput } from './evaluate-lab.js';

const grade = (input: LabResultInput): number | null => evaluateLabResult(input).grade;
const tg = (value: number, unit: string): LabResultInput => ({ loinc: unit === 'mg/dL' ? '2571-8' : '14927-8', value, unit });
const chol = (value: number, unit: string, uln: number): LabResultInput => ({
  loinc: unit === 'mg/dL' ? '2093-3' : '14647-2',
  value,
  unit,
  upperLimitOfNormal: uln,
});

describe('triglycerides, CTCAE v5 (LAB-TG)', () => {
  it.each([
    [149, 0],
    [149.99, 0],
    [150, 1],
    [300, 1],
    [300.01, 2],
    [500, 2],
    [501, 3],
    [1000, 3],
    [1001, 4],
  ])('grades %s mg/dL as grade %i', (value, expected) => {
    expect(grade(tg(value, 'mg/dL'))).toBe(expected);
  });

  it.each([
    [1.7, 0],
    [1.71, 1],
    [3.42, 1],
    [3.43, 2],
    [5.7, 2],
    [5.71, 3],
    [11.4, 3],
    [11.41, 4],
  ])('grades %s mmol/L with the mmol/L cut-offs as grade %i', (value, expected) => {
    expect(grade(tg(value, 'mmol/L'))).toBe(expected);
  });

  it('flags TG_HIGH from grade 1 and TG_OVER_800 only above 800 mg/dL', () => {
    expect(evaluateLabResult(tg(149, 'mg/dL')).flags).toEqual([]);
    expect(evaluateLabResult(tg(150, 'mg/dL')).flags).toEqual(['TG_HIGH']);
    expect(evaluateLabResult(tg(800, 'mg/dL')).flags).toEqual(['TG_HIGH']);
    expect(evaluateLabResult(tg(801, 'mg/dL')).flags).toEqual(['TG_HIGH', 'TG_OVER_800']);
  });

  it('puts the 800 mg/dL alert at 9.04 mmol/L (the limit converted, never the value)', () => {
    expect(evaluateLabResult(tg(9.04, 'mmol/L')).flags).toEqual(['TG_HIGH']);
    expect(evaluateLabResult(tg(9.05, 'mmol/L')).flags).toEqual(['TG_HIGH', 'TG_OVER_800']);
  });

  it('suggests repeating fasting TG at grade 2, review at grade 3 and holding the drug at grade 4', () => {
    const codes = (value: number): string[] => evaluateLabResult(tg(value, 'mg/dL')).actions.map((a) => a.code);
    expect(codes(200)).toEqual([]);
    expect(codes(400)).toEqual(['repeat_fasting_tg']);
    expect(codes(600)).toEqual(['clinician_review', 'consider_dose_reduction', 'ask_abdominal_pain']);
    expect(codes(900)).toEqual(['clinician_review', 'consider_dose_reduction', 'ask_abdominal_pain', 'alert_tg_over_800']);
    expect(codes(1200)).toEqual(['hold_drug', 'assess_pancreatitis', 'alert_tg_over_800']);
    expect(evaluateLabResult(tg(1200, 'mg/dL')).actions.every((a) => a.ruleId === 'LAB-ACTIONS')).toBe(true);
  });

  it('explains the grade with the cut-off met and the next one not met', () => {
    const result = evaluateLabResult(tg(500, 'mg/dL'));
    expect(result).toMatchObject({ grade: 2, gradingBasis: 'absolute', ruleIds: ['LAB-TG', 'LAB-ACTIONS'] });
    expect(result.criterion).toBe('500 > 300 mg/dL and not > 500 mg/dL');
    expect(evaluateLabResult(tg(149, 'mg/dL')).criterion).toBe('149 does not reach grade 1 (>= 150 mg/dL)');
  });
});

describe('total cholesterol, CTCAE v5 (LAB-CHOL)', () => {
  it.each([
    [200, 0],
    [200.5, 1],
    [300, 1],
    [301, 2],
    [400, 2],
    [401, 3],
    [500, 3],
    [501, 4],
  ])('grades %s mg/dL with ULN 200 as grade %i', (value, expected) => {
    expect(grade(chol(value, 'mg/dL', 200))).toBe(expected);
  });

  it.each([
    [5.2, 0],
    [5.21, 1],
    [7.75, 1],
    [7.76, 2],
    [10.34, 2],
    [10.35, 3],
    [12.92, 3],
    [12.93, 4],
  ])('grades %s mmol/L with ULN 5.2 as grade %i', (value, expected) => {
    expect(grade(chol(value, 'mmol/L', 5.2))).toBe(expected);
  });

  it('needs the ULN for grade 1 and says which field is missing', () => {
    expect(() => evaluateLabResult({ loinc: '2093-3', value: 250, unit: 'mg/dL' })).toThrow(
      expect.objectContaining({ code: 'uln_required', field: 'upperLimitOfNormal' }) as Error,
    );
  });

  it('flags CHOL_HIGH and suggests no action by default (the reference gives none)', () => {
    const result = evaluateLabResult(chol(450, 'mg/dL', 200));
    expect(result.flags).toEqual(['CHOL_HIGH']);
    expect(result.actions).toEqual([]);
    expect(result.ruleIds).toEqual(['LAB-CHOL']);
  });
});

describe('ALT and AST, CTCAE v5 (LAB-ALT-AST)', () => {
  const alt = (value: number, extra: Partial<LabResultInput> = {}): LabResultInput => ({ loinc: '1742-6', value, unit: 'U/L', upperLimitOfNormal: 33, ...extra });

  it.each([
    [33, 0],
    [34, 1],
    [99, 1],
    [100, 2],
    [165, 2],
    [166, 3],
    [660, 3],
    [661, 4],
  ])('grades ALT %s U/L with a normal baseline and ULN 33 as grade %i', (value, expected) => {
    expect(grade(alt(value))).toBe(expected);
  });

  it('grades 99 U/L with ULN 33 as exactly 3 x ULN: grade 1, not 2', () => {
    const result = evaluateLabResult(alt(99));
    expect(result.grade).toBe(1);
    expect(result.criterion).toBe('99 > ULN (33) and not > 3.0 x ULN 33 = 99');
  });

  it('grades 2.1 with ULN 0.7 as exactly 3 x ULN (grade 1), where floating point would say grade 2', () => {
    expect(3 * 0.7 < 2.1).toBe(true);
    expect(grade(alt(2.1, { upperLimitOfNormal: 0.7 }))).toBe(1);
    expect(grade(alt(2.11, { upperLimitOfNormal: 0.7 }))).toBe(2);
  });

  it.each([
    [74.9, 0],
    [75, 1],
    [150, 1],
    [151, 2],
    [250, 2],
    [251, 3],
    [1000, 3],
    [1001, 4],
  ])('grades ALT %s U/L against an abnormal baseline of 50 (ULN 33) as grade %i', (value, expected) => {
    expect(grade(alt(value, { baselineValue: 50 }))).toBe(expected);
  });

  it('uses the ULN when the baseline is at or below the ULN', () => {
    const result = evaluateLabResult(alt(40, { baselineValue: 33 }));
    expect(result).toMatchObject({ grade: 1, gradingBasis: 'uln' });
    expect(evaluateLabResult(alt(40, { baselineValue: 34 }))).toMatchObject({ grade: 0, gradingBasis: 'baseline' });
  });

  it('grades AST the same way and flags LFT_HIGH', () => {
    expect(evaluateLabResult({ loinc: '1920-8', value: 120, unit: 'U/L', upperLimitOfNormal: 40 })).toMatchObject({ analyte: 'ast', grade: 1, flags: ['LFT_HIGH'] });
    expect(evaluateLabResult({ loinc: '1920-8', value: 121, unit: 'U/L', upperLimitOfNormal: 40 })).toMatchObject({ analyte: 'ast', grade: 2, flags: ['LFT_HIGH'] });
  });

  it('suggests dose reduction and a repeat at grade 2, interruption from grade 3', () => {
    const codes = (value: number): string[] => evaluateLabResult(alt(value)).actions.map((a) => a.code);
    expect(codes(90)).toEqual([]);
    expect(codes(120)).toEqual(['consider_dose_reduction', 'repeat_lft_1_2_weeks']);
    expect(codes(200)).toEqual(['interrupt_drug', 'investigate_liver']);
    expect(codes(700)).toEqual(['interrupt_drug', 'investigate_liver']);
  });

  it('needs the ULN for ALT and AST', () => {
    expect(() => evaluateLabResult({ loinc: '1742-6', value: 40, unit: 'U/L' })).toThrow(expect.objectContaining({ field: 'upperLimitOfNormal' }) as Error);
  });
});

describe('pregnancy tests (LAB-PREG)', () => {
  it.each(['2106-3', '2118-8', '2112-1', '2110-5', '80384-1'])('flags a positive %s as PREG_POS: stop now, refer', (loinc) => {
    const result = evaluateLabResult({ loinc, value: 'positive' });
    expect(result).toMatchObject({ analyte: 'pregnancyTest', grade: null, flags: ['PREG_POS'], ruleIds: ['LAB-PREG'] });
    expect(result.actions.map((a) => a.code)).toEqual(['stop_drug_now', 'refer_pregnancy']);
    expect(result.actions.every((a) => a.urgency === 'urgent')).toBe(true);
  });

  it('has no flag for a negative test and never treats an indeterminate one as negative', () => {
    expect(evaluateLabResult({ loinc: '2106-3', value: 'negative' })).toMatchObject({ flags: [], actions: [] });
    const unclear = evaluateLabResult({ loinc: '2106-3', value: 'indeterminate' });
    expect(unclear.flags).toEqual(['PREG_INDETERMINATE']);
    expect(unclear.actions.map((a) => a.code)).toEqual(['repeat_pregnancy_test']);
  });

  it("takes the lab's interpretation of a quantitative hCG and requires it", () => {
    expect(evaluateLabResult({ loinc: '21198-7', value: 30, unit: 'm[IU]/mL', interpretation: 'positive' }).flags).toEqual(['PREG_POS']);
    expect(() => evaluateLabResult({ loinc: '21198-7', value: 30, unit: 'm[IU]/mL' })).toThrow(
      expect.objectContaining({ code: 'interpretation_required', field: 'interpretation' }) as Error,
    );
  });

  it('refuses a number or a unit for a presence test, and a contradicting interpretation', () => {
    expect(() => evaluateLabResult({ loinc: '2106-3', value: 1 })).toThrow(expect.objectContaining({ field: 'value' }) as Error);
    expect(() => evaluateLabResult({ loinc: '2106-3', value: 'positive', unit: 'mg/dL' })).toThrow(expect.objectContaining({ field: 'unit' }) as Error);
    expect(() => evaluateLabResult({ loinc: '2106-3', value: 'positive', interpretation: 'negative' })).toThrow(
      expect.objectContaining({ field: 'interpretation' }) as Error,
    );
  });
});

describe('codes and units (LAB-CODES)', () => {
  it('refuses an unknown LOINC code, naming the loinc field', () => {
    expect(() => evaluateLabResult({ loinc: '9999-9', value: 1, unit: 'mg/dL' })).toThrow(DomainInputError);
    expect(() => evaluateLabResult({ loinc: '9999-9', value: 1, unit: 'mg/dL' })).toThrow(expect.objectContaining({ code: 'unknown_loinc', field: 'loinc' }) as Error);
    expect(() => evaluateLabResult({ loinc: 'constructor', value: 1, unit: 'mg/dL' })).toThrow(expect.objectContaining({ field: 'loinc' }) as Error);
  });

  it('refuses a unit the code does not use instead of converting it', () => {
    expect(() => evaluateLabResult({ loinc: '2571-8', value: 2, unit: 'mmol/L' })).toThrow(expect.objectContaining({ code: 'unit_not_for_code', field: 'unit' }) as Error);
    expect(() => evaluateLabResult({ loinc: '2571-8', value: 200, unit: 'mg/dl' })).toThrow(expect.objectContaining({ field: 'unit' }) as Error);
    expect(() => evaluateLabResult({ loinc: '2571-8', value: 200 })).toThrow(expect.objectContaining({ field: 'unit' }) as Error);
    expect(() => evaluateLabResult({ loinc: '1742-6', value: 40, unit: 'IU/L', upperLimitOfNormal: 33 })).toThrow(expect.objectContaining({ field: 'unit' }) as Error);
  });

  it('refuses a qualitative value or a negative number for a quantity', () => {
    expect(() => evaluateLabResult({ loinc: '2571-8', value: 'positive', unit: 'mg/dL' })).toThrow(expect.objectContaining({ field: 'value' }) as Error);
    expect(() => evaluateLabResult({ loinc: '2571-8', value: -1, unit: 'mg/dL' })).toThrow(expect.objectContaining({ field: 'value' }) as Error);
  });

  it('recognises body weight, HDL and LDL without grading them', () => {
    expect(evaluateLabResult({ loinc: '29463-7', value: 62.5, unit: 'kg' })).toMatchObject({ analyte: 'bodyWeight', grade: null, flags: [], actions: [] });
    expect(evaluateLabResult({ loinc: '2085-9', value: 45, unit: 'mg/dL' })).toMatchObject({ analyte: 'hdlCholesterol', grade: null });
    for (const loinc of ['13457-7', '18262-6', '2089-1']) {
      expect(evaluateLabResult({ loinc, value: 130, unit: 'mg/dL' }).analyte).toBe('ldlCholesterol');
    }
    expect(() => evaluateLabResult({ loinc: '29463-7', value: 140, unit: '[lb_av]' })).toThrow(expect.objectContaining({ field: 'unit' }) as Error);
  });

  it('recognises the lipid and hepatic panels and asks for their member results', () => {
    expect(() => evaluateLabResult({ loinc: '57698-3', value: 1, unit: 'mg/dL' })).toThrow(
      expect.objectContaining({ code: 'panel_not_a_result', field: 'loinc', message: expect.stringContaining('2571-8') as string }) as Error,
    );
    expect(() => evaluateLabResult({ loinc: '24325-3', value: 1, unit: 'U/L' })).toThrow(
      expect.objectContaining({ code: 'panel_not_a_result', message: expect.stringContaining('1742-6') as string }) as Error,
    );
  });
});
