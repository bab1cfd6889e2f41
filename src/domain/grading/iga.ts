import { wholeNumberIn } from './grade-input.js';

export const IGA_RULE_ID = 'GRADE-IGA';

export type IgaGrade = 0 | 1 | 2 | 3 | 4;

/** FDA-style IGA scale [S]. */
export const IGA_GRADES: readonly { readonly grade: IgaGrade; readonly label: string }[] = [
  { grade: 0, label: 'clear' },
  { grade: 1, label: 'almost clear' },
  { grade: 2, label: 'mild' },
  { grade: 3, label: 'moderate' },
  { grade: 4, label: 'severe' },
];

/** GRADE-IGA [C]: success needs IGA 0 or 1 ... */
export const IGA_SUCCESS_MAX_GRADE = 1;
/** ... and at least 2 grades below baseline [C]. */
export const IGA_SUCCESS_MIN_IMPROVEMENT = 2;

export function igaLabel(grade: IgaGrade): string {
  return IGA_GRADES[grade]?.label ?? String(grade);
}

export function readIgaGrade(value: number, field: string): IgaGrade {
  const grade = wholeNumberIn(value, 0, 4, field, 'an IGA grade');
  const found = IGA_GRADES.find((g) => g.grade === grade);
  if (found === undefined) throw new RangeError(`no IGA grade ${grade}`);
  return found.grade;
}

export interface IgaSuccessResult {
  readonly ruleId: typeof IGA_RULE_ID;
  readonly baseline: IgaGrade;
  readonly baselineLabel: string;
  readonly current: IgaGrade;
  readonly currentLabel: string;
  /** Baseline minus current; negative when worse. */
  readonly improvement: number;
  readonly success: boolean;
  /** Every unmet condition, empty on success. */
  readonly unmet: string[];
}

/** GRADE-IGA: treatment success = IGA 0 or 1 **and** at least 2 grades below baseline. */
export function assessIgaSuccess(input: { readonly baseline: number; readonly current: number }): IgaSuccessResult {
  const baseline = readIgaGrade(input.baseline, 'baseline');
  const current = readIgaGrade(input.current, 'current');
  const improvement = baseline - current;
  const unmet: string[] = [];
  if (current > IGA_SUCCESS_MAX_GRADE) {
    unmet.push(`current IGA ${current} (${igaLabel(current)}) is not clear or almost clear (0 or 1)`);
  }
  if (improvement < IGA_SUCCESS_MIN_IMPROVEMENT) {
    unmet.push(`current IGA is ${improvement} grade(s) below baseline ${baseline}; success needs at least ${IGA_SUCCESS_MIN_IMPROVEMENT}`);
  }
  return {
    ruleId: IGA_RULE_ID,
    baseline,
    baselineLabel: igaLabel(baseline),
    current,
    currentLabel: igaLabel(current),
    improvement,
    success: unmet.length === 0,
    unmet,
  };
}
