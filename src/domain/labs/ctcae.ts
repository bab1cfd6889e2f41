import { compareDecimal, decimal, decimalToString, multiplyDecimal, type Decimal } from '../dosing/decimal.js';

/**
 * NCI CTCAE v5.0 grading of the lab values isotretinoin monitoring uses [C] (clinical-rules.md
 * section 2). Every cut-off is in the unit the value was reported in (never converted first),
 * upper bounds are inclusive (500 mg/dL TG is grade 2), and every comparison is exact
 * (`value > k x ULN` on scaled integers: 99 U/L with ULN 33 is exactly 3 x ULN, grade 1).
 */
export type CtcaeGrade = 0 | 1 | 2 | 3 | 4;

/** The lower edge of a grade: met when value > limit, or value >= limit when inclusive. */
export interface GradeThreshold {
  readonly grade: 1 | 2 | 3 | 4;
  readonly limit: Decimal;
  readonly inclusive: boolean;
  /** How the limit was derived, for the explanation (`3.0 x ULN (33)`). */
  readonly label: string;
}

export interface Grading {
  readonly grade: CtcaeGrade;
  /** The lower edge the value met for its grade, or the grade-1 edge it did not reach. */
  readonly criterion: string;
}

/**
 * The highest grade whose lower edge the value meets. Monotone by construction: a larger value
 * meets every edge a smaller one meets, so its grade is never lower (property-tested).
 */
export function gradeByThresholds(value: Decimal, thresholds: readonly GradeThreshold[]): Grading {
  let met: GradeThreshold | undefined;
  for (const t of thresholds) {
    const c = compareDecimal(value, t.limit);
    if ((c > 0 || (c === 0 && t.inclusive)) && (met === undefined || t.grade > met.grade)) met = t;
  }
  const shown = decimalToString(value);
  if (met === undefined) {
    const first = thresholds.find((t) => t.grade === 1);
    const edge = first === undefined ? 'grade 1' : `${first.inclusive ? '>=' : '>'} ${first.label}`;
    return { grade: 0, criterion: `${shown} does not reach grade 1 (${edge})` };
  }
  const grade = met.grade;
  const next = thresholds.find((t) => t.grade === grade + 1);
  const below = next === undefined ? '' : ` and not ${next.inclusive ? '>=' : '>'} ${next.label}`;
  return { grade, criterion: `${shown} ${met.inclusive ? '>=' : '>'} ${met.label}${below}` };
}

function absolute(grade: GradeThreshold['grade'], limit: string, unit: string, inclusive = false): GradeThreshold {
  return { grade, limit: decimal(limit), inclusive, label: `${limit} ${unit}` };
}

/** LAB-TG: triglycerides, mg/dL and mmol/L, each with its own CTCAE cut-offs (no conversion). */
export const TRIGLYCERIDE_THRESHOLDS: Readonly<Record<'mg/dL' | 'mmol/L', readonly GradeThreshold[]>> = {
  'mg/dL': [
    absolute(1, '150', 'mg/dL', true),
    absolute(2, '300', 'mg/dL'),
    absolute(3, '500', 'mg/dL'),
    absolute(4, '1000', 'mg/dL'),
  ],
  'mmol/L': [
    absolute(1, '1.71', 'mmol/L', true),
    absolute(2, '3.42', 'mmol/L'),
    absolute(3, '5.7', 'mmol/L'),
    absolute(4, '11.4', 'mmol/L'),
  ],
};

/**
 * LAB-TG extra alert (CONVENTION): the label reports elevations above 800 mg/dL [C]. In mmol/L
 * the same limit is the threshold converted with the reference factor (800 x 0.0113 = 9.04):
 * the limit is converted once, here, never the reported value.
 */
export const TG_ALERT_LIMIT: Readonly<Record<'mg/dL' | 'mmol/L', Decimal>> = {
  'mg/dL': decimal('800'),
  'mmol/L': multiplyDecimal(decimal('800'), decimal('0.0113')),
};

/** LAB-CHOL: total cholesterol; grade 1 starts above the lab's ULN, so it needs the ULN. */
export function cholesterolThresholds(unit: 'mg/dL' | 'mmol/L', uln: Decimal): GradeThreshold[] {
  const upper = { grade: 1, limit: uln, inclusive: false, label: `ULN (${decimalToString(uln)} ${unit})` } as const;
  return unit === 'mg/dL'
    ? [upper, absolute(2, '300', unit), absolute(3, '400', unit), absolute(4, '500', unit)]
    : [upper, absolute(2, '7.75', unit), absolute(3, '10.34', unit), absolute(4, '12.92', unit)];
}

function times(grade: GradeThreshold['grade'], k: string, reference: Decimal, name: string, inclusive = false): GradeThreshold {
  const limit = multiplyDecimal(decimal(k), reference);
  return { grade, limit, inclusive, label: `${k} x ${name} ${decimalToString(reference)} = ${decimalToString(limit)}` };
}

/**
 * LAB-ALT-AST: baseline normal grades against the ULN (> ULN, > 3, > 5, > 20 x ULN); baseline
 * abnormal grades against the baseline value (>= 1.5, > 3, > 5, > 20 x baseline).
 */
export function liverThresholds(uln: Decimal, abnormalBaseline: Decimal | undefined): GradeThreshold[] {
  if (abnormalBaseline === undefined) {
    return [{ grade: 1, limit: uln, inclusive: false, label: `ULN (${decimalToString(uln)})` }, times(2, '3.0', uln, 'ULN'), times(3, '5.0', uln, 'ULN'), times(4, '20.0', uln, 'ULN')];
  }
  const b = abnormalBaseline;
  return [times(1, '1.5', b, 'baseline', true), times(2, '3.0', b, 'baseline'), times(3, '5.0', b, 'baseline'), times(4, '20.0', b, 'baseline')];
}
