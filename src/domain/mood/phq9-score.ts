import { DomainInputError } from '../errors.js';
import { PHQ9_ITEM9_INDEX, type Phq9Score } from './phq9-definition.js';
import type { Phq9ItemAnswer } from './phq9-answers.js';

/** Rule ids of the mood module; they appear in every finding and task this module reports. */
export const MOOD_RULE_IDS = {
  total: 'MOOD-PHQ9-TOTAL',
  band: 'MOOD-PHQ9-BAND',
  item9: 'MOOD-PHQ9-ITEM9',
  incomplete: 'MOOD-PHQ9-INCOMPLETE',
  bandReview: 'MOOD-PHQ9-BAND-REVIEW',
  phq2: 'MOOD-PHQ2',
  rise: 'MOOD-RISE',
} as const;

export const PHQ9_MAX_TOTAL = 27;

export const PHQ9_BAND_IDS = ['minimal', 'mild', 'moderate', 'moderatelySevere', 'severe'] as const;
export type Phq9Band = (typeof PHQ9_BAND_IDS)[number];

export interface Phq9BandDefinition {
  readonly band: Phq9Band;
  readonly min: number;
  readonly max: number;
  /** Severity wording only: a screening band is never a diagnosis, so "depression" is not in it. */
  readonly label: string;
}

/** MOOD-PHQ9-BAND [C]: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe. */
export const PHQ9_BANDS: readonly Phq9BandDefinition[] = [
  { band: 'minimal', min: 0, max: 4, label: 'minimal (0-4)' },
  { band: 'mild', min: 5, max: 9, label: 'mild (5-9)' },
  { band: 'moderate', min: 10, max: 14, label: 'moderate (10-14)' },
  { band: 'moderatelySevere', min: 15, max: 19, label: 'moderately severe (15-19)' },
  { band: 'severe', min: 20, max: 27, label: 'severe (20-27)' },
];

export function assertPhq9Total(total: number, field: string): void {
  if (!Number.isInteger(total) || total < 0 || total > PHQ9_MAX_TOTAL) {
    throw new DomainInputError('phq9_total_invalid', field, `a PHQ-9 total is a whole number from 0 to 27, got ${String(total)}`);
  }
}

function bandDefinition(total: number): Phq9BandDefinition {
  const found = PHQ9_BANDS.find((b) => total >= b.min && total <= b.max);
  if (found === undefined) throw new DomainInputError('phq9_total_invalid', 'total', `no PHQ-9 band for ${String(total)}`);
  return found;
}

/** MOOD-PHQ9-BAND: the band of a complete total (0-27). */
export function phq9Band(total: number): Phq9Band {
  assertPhq9Total(total, 'total');
  return bandDefinition(total).band;
}

export function phq9BandLabel(band: Phq9Band): string {
  const found = PHQ9_BANDS.find((b) => b.band === band);
  return found === undefined ? band : found.label;
}

/** Position of a band in severity order (minimal = 0), used for "this band or worse". */
export function phq9BandRank(band: Phq9Band): number {
  return PHQ9_BANDS.findIndex((b) => b.band === band);
}

export interface Phq9Sums {
  /** MOOD-PHQ9-TOTAL: the sum of items 1-9, or `null` when any item is missing (MOOD-PHQ9-INCOMPLETE). */
  readonly total: number | null;
  /** Sum of the answered items: the lowest total the full questionnaire could have. */
  readonly answeredSum: number;
  /** 1-based numbers of the unanswered items. */
  readonly missingItems: number[];
  readonly incomplete: boolean;
}

/** MOOD-PHQ9-TOTAL and MOOD-PHQ9-INCOMPLETE: never a total from a partial form (no pro-rating). */
export function sumPhq9(answers: readonly Phq9ItemAnswer[]): Phq9Sums {
  const missingItems = answers.filter((a) => a.score === null).map((a) => a.item.number);
  const answeredSum = answers.reduce((sum, a) => sum + (a.score ?? 0), 0);
  const incomplete = missingItems.length > 0;
  return { total: incomplete ? null : answeredSum, answeredSum, missingItems, incomplete };
}

export interface Item9Status {
  readonly score: Phq9Score | null;
  /** MOOD-PHQ9-ITEM9 [C]: item 9 above 0, whatever the total. */
  readonly redFlag: boolean;
  /** CONVENTION: an unanswered item 9 is followed up as if it could be positive. */
  readonly missing: boolean;
  readonly needsFollowUp: boolean;
}

export function item9Status(answers: readonly Phq9ItemAnswer[]): Item9Status {
  const score = answers[PHQ9_ITEM9_INDEX]?.score ?? null;
  const redFlag = score !== null && score > 0;
  const missing = score === null;
  return { score, redFlag, missing, needsFollowUp: redFlag || missing };
}
