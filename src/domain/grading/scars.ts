import { wholeNumberIn } from './grade-input.js';

export const SCARS_RULE_ID = 'GRADE-SCARS';

export type ScarGrade = 1 | 2 | 3 | 4;

export interface ScarGradeDefinition {
  readonly grade: ScarGrade;
  /** The reference's name of the grade [C]. */
  readonly label: string;
  /**
   * Plain description. The reference gives the names and "flattens on stretching" for grade 3 [C];
   * the social-distance and cover-up wording follows the published Goodman & Baron scale [U: verify].
   */
  readonly description: string;
}

/** Goodman & Baron qualitative global scar grades [C]. */
export const SCAR_GRADES: readonly ScarGradeDefinition[] = [
  { grade: 1, label: 'macular', description: 'Flat marks: red, darker or lighter than the skin around them, with no change in the skin surface.' },
  {
    grade: 2,
    label: 'mild',
    description: 'Mild dips or raised scars that may not be obvious from 50 cm or more and are easily covered by make-up or facial hair.',
  },
  {
    grade: 3,
    label: 'moderate',
    description:
      'Dips or raised scars obvious from 50 cm or more, not easily covered by make-up or facial hair, that flatten when the skin is stretched.',
  },
  {
    grade: 4,
    label: 'severe',
    description:
      'Dips or raised scars obvious from 50 cm or more, not covered by make-up or facial hair, that do not flatten when the skin is stretched.',
  },
];

/**
 * The quantitative Goodman & Baron score and ECCA are marked [U: verify before use] in the
 * reference, which does not give their formulas: they are deliberately not implemented.
 */
export const SCAR_QUANTITATIVE_STATUS = 'not implemented: unverified in the reference';

export interface ScarGradeResult {
  readonly ruleId: typeof SCARS_RULE_ID;
  readonly grade: ScarGrade;
  readonly label: string;
  readonly description: string;
  readonly quantitative: typeof SCAR_QUANTITATIVE_STATUS;
}

/** GRADE-SCARS: the qualitative grade 1-4 with its description. */
export function gradeScars(input: { readonly grade: number }): ScarGradeResult {
  const grade = wholeNumberIn(input.grade, 1, 4, 'grade', 'a Goodman & Baron qualitative scar grade');
  const found = SCAR_GRADES.find((g) => g.grade === grade);
  if (found === undefined) throw new RangeError(`no scar grade ${grade}`);
  return { ruleId: SCARS_RULE_ID, ...found, quantitative: SCAR_QUANTITATIVE_STATUS };
}
