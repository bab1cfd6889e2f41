import { DomainInputError } from '../errors.js';
import { wholeNumberIn } from './grade-input.js';

export const LEEDS_RULE_ID = 'GRADE-LEEDS';

/** Leeds revised ranges [C]. The reference photographs are copyrighted: referenced, never embedded. */
export const LEEDS_RANGES = { faceInflammatory: { min: 1, max: 12 }, chest: { min: 1, max: 8 }, back: { min: 1, max: 8 } } as const;
export const LEEDS_COMEDONAL_GRADES = ['A', 'B', 'C'] as const;
export type LeedsComedonalGrade = (typeof LEEDS_COMEDONAL_GRADES)[number];

export const LEEDS_PHOTOGRAPH_NOTICE =
  'Grades are read against the published Leeds revised photographs (O\'Brien, Lewis and Cunliffe, 1998), which are ' +
  'copyrighted and not reproduced here.';

export interface LeedsInput {
  readonly faceInflammatory?: number | null | undefined;
  readonly faceComedonal?: string | null | undefined;
  readonly chest?: number | null | undefined;
  readonly back?: number | null | undefined;
}

export interface LeedsResult {
  readonly ruleId: typeof LEEDS_RULE_ID;
  /** `null` for a site that was not graded. */
  readonly faceInflammatory: number | null;
  readonly faceComedonal: LeedsComedonalGrade | null;
  readonly chest: number | null;
  readonly back: number | null;
  readonly summary: string;
  readonly notice: string;
}

function optional(value: number | null | undefined, key: keyof typeof LEEDS_RANGES, what: string): number | null {
  if (value === null || value === undefined) return null;
  const range = LEEDS_RANGES[key];
  return wholeNumberIn(value, range.min, range.max, key, what);
}

function comedonal(value: string | null | undefined): LeedsComedonalGrade | null {
  if (value === null || value === undefined) return null;
  const found = LEEDS_COMEDONAL_GRADES.find((g) => g === value.trim().toUpperCase());
  if (found === undefined) {
    throw new DomainInputError('grade_out_of_range', 'faceComedonal', `the facial comedonal grade is A, B or C, got "${value}"`);
  }
  return found;
}

/** GRADE-LEEDS: validates a Leeds revised grading; there is nothing to add up across sites. */
export function gradeLeeds(input: LeedsInput): LeedsResult {
  const faceInflammatory = optional(input.faceInflammatory, 'faceInflammatory', 'the facial inflammatory grade');
  const faceComedonal = comedonal(input.faceComedonal);
  const chest = optional(input.chest, 'chest', 'the chest grade');
  const back = optional(input.back, 'back', 'the back grade');
  if (faceInflammatory === null && faceComedonal === null && chest === null && back === null) {
    throw new DomainInputError('leeds_empty', 'faceInflammatory', 'grade at least one site (face, chest or back)');
  }
  const face =
    faceInflammatory === null && faceComedonal === null
      ? 'face not graded'
      : `face ${faceInflammatory === null ? 'not graded' : `${faceInflammatory}/12`}` +
        (faceComedonal === null ? '' : ` (comedonal ${faceComedonal})`);
  const site = (name: string, grade: number | null): string => `${name} ${grade === null ? 'not graded' : `${grade}/8`}`;
  return {
    ruleId: LEEDS_RULE_ID,
    faceInflammatory,
    faceComedonal,
    chest,
    back,
    summary: [face, site('chest', chest), site('back', back)].join(', '),
    notice: LEEDS_PHOTOGRAPH_NOTICE,
  };
}
