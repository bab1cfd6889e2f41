import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimal, decimalFromNumber, decimalToString } from '../dosing/decimal.js';
import { cholesterolThresholds, gradeByThresholds, liverThresholds, TG_ALERT_LIMIT, TRIGLYCERIDE_THRESHOLDS } from './ctcae.js';
import { evaluateLabResult } from './evaluate-lab.js';

/** Values with up to 2 decimals, as labs report them. */
const labValue = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);

describe('CTCAE grading is monotone in the value (LAB-TG, LAB-CHOL, LAB-ALT-AST)', () => {
  it('never gives a higher triglyceride value a lower grade, in either unit (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('mg/dL' as const, 'mmol/L' as const), labValue(2000), labValue(2000), (unit, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const grade = (v: number): number => gradeByThresholds(decimalFromNumber(v), TRIGLYCERIDE_THRESHOLDS[unit]).grade;
        expect(grade(low)).toBeLessThanOrEqual(grade(high));
      }),
    );
  });

  it('never gives a higher cholesterol value a lower grade, for any ULN (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('mg/dL' as const, 'mmol/L' as const), labValue(300), labValue(800), labValue(800), (unit, uln, a, b) => {
        fc.pre(uln > 0);
        const [low, high] = a <= b ? [a, b] : [b, a];
        const thresholds = cholesterolThresholds(unit, decimalFromNumber(uln));
        expect(gradeByThresholds(decimalFromNumber(low), thresholds).grade).toBeLessThanOrEqual(gradeByThresholds(decimalFromNumber(high), thresholds).grade);
      }),
    );
  });

  it('never gives a higher ALT value a lower grade, with a normal or abnormal baseline (property)', () => {
    fc.assert(
      fc.property(labValue(100), fc.option(labValue(500)), labValue(3000), labValue(3000), (uln, baseline, a, b) => {
        fc.pre(uln > 0);
        const [low, high] = a <= b ? [a, b] : [b, a];
        const input = (value: number) => ({ loinc: '1742-6', value, unit: 'U/L', upperLimitOfNormal: uln, ...(baseline === null ? {} : { baselineValue: baseline }) });
        const gradeLow = evaluateLabResult(input(low)).grade ?? -1;
        const gradeHigh = evaluateLabResult(input(high)).grade ?? -1;
        expect(gradeLow).toBeLessThanOrEqual(gradeHigh);
      }),
    );
  });

  it('keeps the grade-1 edge of ALT inclusive only against an abnormal baseline', () => {
    expect(liverThresholds(decimal('33'), undefined)[0]?.inclusive).toBe(false);
    expect(liverThresholds(decimal('33'), decimal('50'))[0]?.inclusive).toBe(true);
  });

  it('converts the 800 mg/dL alert limit with the reference factor 0.0113 to exactly 9.04 mmol/L', () => {
    expect(decimalToString(TG_ALERT_LIMIT['mmol/L'])).toBe('9.04');
    expect(gradeByThresholds(decimal('9.04'), [{ grade: 1, limit: TG_ALERT_LIMIT['mmol/L'], inclusive: false, label: 'alert' }]).grade).toBe(0);
    expect(gradeByThresholds(decimal('9.0401'), [{ grade: 1, limit: TG_ALERT_LIMIT['mmol/L'], inclusive: false, label: 'alert' }]).grade).toBe(1);
  });
});
