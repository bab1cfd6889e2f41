import { compareDecimal, decimalFromNumber, type Decimal } from '../dosing/decimal.js';
import { DomainInputError } from '../errors.js';
import {
  cholesterolThresholds,
  gradeByThresholds,
  liverThresholds,
  TG_ALERT_LIMIT,
  TRIGLYCERIDE_THRESHOLDS,
  type CtcaeGrade,
  type Grading,
} from './ctcae.js';
import { actionsFor, DEFAULT_LAB_ACTIONS, type LabAction, type LabActionTable, type LabActionTrigger, type LabFlag } from './lab-actions.js';
import { DEFAULT_LAB_CODES, lookupLabCode, type Analyte, type LabCode, type LabCodeCatalogue } from './lab-codes.js';
import { LAB_RULE, type LabRuleId } from './lab-rules.js';

export type QualitativeResult = 'positive' | 'negative' | 'indeterminate';

export interface LabResultInput {
  readonly loinc: string;
  /** A number in `unit`, or the result of a presence (qualitative) pregnancy test. */
  readonly value: number | QualitativeResult;
  /** UCUM unit; required for quantities, absent for presence tests. */
  readonly unit?: string;
  /** The lab's own upper limit of normal on this result, in the same unit. */
  readonly upperLimitOfNormal?: number;
  /** ALT/AST value before treatment, same unit; above the ULN it switches to baseline grading. */
  readonly baselineValue?: number;
  /** The lab's interpretation of a quantitative hCG (never derived by this engine). */
  readonly interpretation?: QualitativeResult;
}

export interface LabEvaluationOptions {
  readonly catalogue?: LabCodeCatalogue;
  readonly actionTable?: LabActionTable;
}

export interface LabEvaluation {
  readonly loinc: string;
  readonly display: string;
  readonly analyte: Analyte;
  /** CTCAE v5 grade, or null for results that are recognised but not graded. */
  readonly grade: CtcaeGrade | null;
  readonly gradingBasis?: 'absolute' | 'uln' | 'baseline';
  readonly criterion?: string;
  readonly ruleIds: readonly LabRuleId[];
  readonly flags: readonly LabFlag[];
  readonly actions: readonly LabAction[];
}

type Quantity = Extract<LabCode, { kind: 'quantity' }>;
type Presence = Extract<LabCode, { kind: 'presence' }>;

/** Grades one lab result and lists its flags and suggested actions (LAB-*). */
export function evaluateLabResult(input: LabResultInput, options: LabEvaluationOptions = {}): LabEvaluation {
  const code = lookupLabCode(input.loinc, options.catalogue ?? DEFAULT_LAB_CODES);
  const table = options.actionTable ?? DEFAULT_LAB_ACTIONS;
  switch (code.kind) {
    case 'panel':
      throw new DomainInputError(
        'panel_not_a_result',
        'loinc',
        `${code.loinc} is the ${code.display}, an order: send each member result (${code.recognisedMembers.join(', ')})`,
      );
    case 'presence':
      return pregnancy(code, presenceResult(code, input), table);
    case 'quantity':
      return evaluateQuantity(code, input, table);
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

function presenceResult(code: Presence, input: LabResultInput): QualitativeResult {
  if (typeof input.value === 'number') {
    throw new DomainInputError('value_not_qualitative', 'value', `${code.loinc} is a presence test: value must be positive, negative or indeterminate`);
  }
  if (input.unit !== undefined) {
    throw new DomainInputError('unit_not_for_code', 'unit', `${code.loinc} is a presence test and has no unit (got "${input.unit}")`);
  }
  if (input.interpretation !== undefined && input.interpretation !== input.value) {
    throw new DomainInputError('conflicting_interpretation', 'interpretation', `interpretation ${input.interpretation} contradicts value ${input.value}`);
  }
  return input.value;
}

function nonNegative(value: number, field: string): Decimal {
  if (!Number.isFinite(value) || value < 0) throw new DomainInputError('invalid_value', field, `must be a number >= 0: ${value}`);
  return decimalFromNumber(value);
}

function requiredUln(input: LabResultInput, code: Quantity): Decimal {
  const uln = input.upperLimitOfNormal;
  if (uln === undefined) {
    throw new DomainInputError('uln_required', 'upperLimitOfNormal', `grading ${code.display} needs the lab's upper limit of normal (${code.unit})`);
  }
  if (!Number.isFinite(uln) || uln <= 0) throw new DomainInputError('invalid_value', 'upperLimitOfNormal', `must be a positive number: ${uln}`);
  return decimalFromNumber(uln);
}

function massOrMoles(unit: string): 'mg/dL' | 'mmol/L' {
  if (unit === 'mg/dL' || unit === 'mmol/L') return unit;
  throw new DomainInputError('no_cutoffs_for_unit', 'unit', `no CTCAE cut-offs for unit ${unit}`);
}

function evaluateQuantity(code: Quantity, input: LabResultInput, table: LabActionTable): LabEvaluation {
  if (typeof input.value !== 'number') {
    throw new DomainInputError('value_not_numeric', 'value', `${code.loinc} is a quantity in ${code.unit}: value must be a number`);
  }
  if (input.unit !== code.unit) {
    const got = input.unit === undefined ? 'no unit' : `"${input.unit}"`;
    throw new DomainInputError('unit_not_for_code', 'unit', `${code.loinc} (${code.display}) is reported in ${code.unit} (UCUM), got ${got}`);
  }
  const value = nonNegative(input.value, 'value');
  switch (code.analyte) {
    case 'triglycerides': {
      const unit = massOrMoles(code.unit);
      const grading = gradeByThresholds(value, TRIGLYCERIDE_THRESHOLDS[unit]);
      const over800 = compareDecimal(value, TG_ALERT_LIMIT[unit]) > 0;
      const flags: LabFlag[] = [...(grading.grade >= 1 ? ['TG_HIGH' as const] : []), ...(over800 ? ['TG_OVER_800' as const] : [])];
      const triggers = [...gradeTrigger('TG', grading.grade), ...(over800 ? ['TG_OVER_800' as const] : [])];
      return graded(code, grading, 'absolute', LAB_RULE.triglycerides, flags, actionsFor(triggers, table));
    }
    case 'totalCholesterol': {
      const grading = gradeByThresholds(value, cholesterolThresholds(massOrMoles(code.unit), requiredUln(input, code)));
      const flags: LabFlag[] = grading.grade >= 1 ? ['CHOL_HIGH'] : [];
      return graded(code, grading, 'uln', LAB_RULE.cholesterol, flags, actionsFor(gradeTrigger('CHOL', grading.grade), table));
    }
    case 'alt':
    case 'ast': {
      const uln = requiredUln(input, code);
      const baseline = input.baselineValue === undefined ? undefined : nonNegative(input.baselineValue, 'baselineValue');
      // a baseline above the ULN is "baseline abnormal" in CTCAE: grade against the baseline
      const abnormal = baseline !== undefined && compareDecimal(baseline, uln) > 0 ? baseline : undefined;
      const grading = gradeByThresholds(value, liverThresholds(uln, abnormal));
      const flags: LabFlag[] = grading.grade >= 1 ? ['LFT_HIGH'] : [];
      const basis = abnormal === undefined ? 'uln' : 'baseline';
      return graded(code, grading, basis, LAB_RULE.liver, flags, actionsFor(gradeTrigger('LFT', grading.grade), table));
    }
    case 'pregnancyTest': {
      if (input.interpretation === undefined) {
        throw new DomainInputError(
          'interpretation_required',
          'interpretation',
          `${code.loinc} is a quantitative hCG: the lab's interpretation (positive, negative, indeterminate) is required; this engine does not set a cut-off`,
        );
      }
      return pregnancy(code, input.interpretation, table);
    }
    case 'hdlCholesterol':
    case 'ldlCholesterol':
    case 'bodyWeight':
      return { loinc: code.loinc, display: code.display, analyte: code.analyte, grade: null, ruleIds: [LAB_RULE.codes], flags: [], actions: [] };
    default: {
      const unreachable: never = code.analyte;
      return unreachable;
    }
  }
}

function gradeTrigger(prefix: 'TG' | 'CHOL' | 'LFT', grade: CtcaeGrade): LabActionTrigger[] {
  return grade === 0 ? [] : [`${prefix}_GRADE_${grade}`];
}

function graded(
  code: Quantity,
  grading: Grading,
  basis: 'absolute' | 'uln' | 'baseline',
  ruleId: LabRuleId,
  flags: LabFlag[],
  actions: LabAction[],
): LabEvaluation {
  return {
    loinc: code.loinc,
    display: code.display,
    analyte: code.analyte,
    grade: grading.grade,
    gradingBasis: basis,
    criterion: grading.criterion,
    ruleIds: actions.length > 0 ? [ruleId, LAB_RULE.actions] : [ruleId],
    flags,
    actions,
  };
}

/** LAB-PREG [C]: a positive test is PREG_POS (stop now, refer); indeterminate never counts as negative. */
function pregnancy(code: Quantity | Presence, result: QualitativeResult, table: LabActionTable): LabEvaluation {
  const base = { loinc: code.loinc, display: code.display, analyte: 'pregnancyTest' as const, grade: null, ruleIds: [LAB_RULE.pregnancy] };
  switch (result) {
    case 'positive':
      return { ...base, flags: ['PREG_POS'], actions: actionsFor(['PREG_POS'], table) };
    case 'indeterminate':
      return { ...base, flags: ['PREG_INDETERMINATE'], actions: actionsFor(['PREG_INDETERMINATE'], table) };
    case 'negative':
      return { ...base, flags: [], actions: [] };
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}
