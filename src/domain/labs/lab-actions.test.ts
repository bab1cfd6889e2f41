import { describe, expect, it } from 'vitest';
import { evaluateLabResult } from './evaluate-lab.js';
import { actionsFor, DEFAULT_LAB_ACTIONS, type LabActionTable } from './lab-actions.js';
import { DEFAULT_LAB_CODES, LOINC, pregnancyTestCodes, type LabCodeCatalogue } from './lab-codes.js';

describe('suggested actions table (LAB-ACTIONS)', () => {
  it('lists each action once even when two triggers share it', () => {
    const codes = actionsFor(['TG_GRADE_3', 'LFT_GRADE_2']).map((a) => a.code);
    expect(codes).toEqual(['clinician_review', 'consider_dose_reduction', 'ask_abdominal_pain', 'repeat_lft_1_2_weeks']);
  });

  it('uses a configured table instead of the default one', () => {
    const table: LabActionTable = {
      ...DEFAULT_LAB_ACTIONS,
      CHOL_GRADE_2: [{ code: 'diet_advice', ruleId: 'LAB-ACTIONS', urgency: 'routine', message: 'dietary advice' }],
      TG_GRADE_2: [],
    };
    expect(evaluateLabResult({ loinc: '2093-3', value: 350, unit: 'mg/dL', upperLimitOfNormal: 200 }, { actionTable: table }).actions.map((a) => a.code)).toEqual(['diet_advice']);
    expect(evaluateLabResult({ loinc: '2571-8', value: 400, unit: 'mg/dL' }, { actionTable: table }).actions).toEqual([]);
    expect(evaluateLabResult({ loinc: '2571-8', value: 400, unit: 'mg/dL' }).actions.map((a) => a.code)).toEqual(['repeat_fasting_tg']);
  });

  it('marks the pregnancy actions with the LAB-PREG rule id', () => {
    expect(DEFAULT_LAB_ACTIONS.PREG_POS.map((a) => a.ruleId)).toEqual(['LAB-PREG', 'LAB-PREG']);
  });
});

describe('recognised codes (LAB-CODES, LAB-PREG)', () => {
  it('knows the six pregnancy-test codes of the reference', () => {
    expect(pregnancyTestCodes().sort()).toEqual(['2106-3', '2110-5', '2112-1', '2118-8', '21198-7', '80384-1'].sort());
  });

  it('accepts further pregnancy-test codes from configuration (eCQM value set)', () => {
    const catalogue: LabCodeCatalogue = { ...DEFAULT_LAB_CODES, '99999-0': { kind: 'presence', loinc: '99999-0', display: 'configured hCG test', analyte: 'pregnancyTest' } };
    expect(pregnancyTestCodes(catalogue)).toContain('99999-0');
    expect(evaluateLabResult({ loinc: '99999-0', value: 'positive' }, { catalogue }).flags).toEqual(['PREG_POS']);
    expect(() => evaluateLabResult({ loinc: '99999-0', value: 'positive' })).toThrow(expect.objectContaining({ field: 'loinc' }) as Error);
  });

  it('gives each code its UCUM unit from the reference', () => {
    const unitOf = (loinc: string): string | undefined => {
      const code = DEFAULT_LAB_CODES[loinc];
      return code?.kind === 'quantity' ? code.unit : undefined;
    };
    expect(unitOf(LOINC.triglyceridesMass)).toBe('mg/dL');
    expect(unitOf(LOINC.triglyceridesMoles)).toBe('mmol/L');
    expect(unitOf(LOINC.cholesterolMass)).toBe('mg/dL');
    expect(unitOf(LOINC.cholesterolMoles)).toBe('mmol/L');
    expect(unitOf(LOINC.alt)).toBe('U/L');
    expect(unitOf(LOINC.ast)).toBe('U/L');
    expect(unitOf(LOINC.bodyWeight)).toBe('kg');
  });
});
