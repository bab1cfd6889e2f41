import { DomainInputError } from '../errors.js';
import { parsePhq9Answers, type Phq9ItemAnswer, type Phq9RawAnswer } from './phq9-answers.js';
import { MOOD_RULE_IDS } from './phq9-score.js';

/** LOINC panel and total of the PHQ-2 [C]; its two items share the PHQ-9 item codes. */
export const PHQ2_PANEL_LOINC = '55757-9';
export const PHQ2_TOTAL_LOINC = '55758-7';
/** MOOD-PHQ2 [C]: a PHQ-2 total of 3 or more is a positive screen. */
export const PHQ2_POSITIVE_FROM = 3;

export interface Phq2Result {
  readonly ruleId: typeof MOOD_RULE_IDS.phq2;
  readonly panelLoinc: typeof PHQ2_PANEL_LOINC;
  readonly totalLoinc: typeof PHQ2_TOTAL_LOINC;
  /** Items 1 + 2 (0-6), `null` when either is unanswered. */
  readonly total: number | null;
  readonly positive: boolean | null;
}

/** MOOD-PHQ2 from the first two PHQ-9 items (a PHQ-9 always contains a PHQ-2). */
export function phq2FromItems(first: Phq9ItemAnswer | undefined, second: Phq9ItemAnswer | undefined): Phq2Result {
  const a = first?.score ?? null;
  const b = second?.score ?? null;
  const total = a === null || b === null ? null : a + b;
  return {
    ruleId: MOOD_RULE_IDS.phq2,
    panelLoinc: PHQ2_PANEL_LOINC,
    totalLoinc: PHQ2_TOTAL_LOINC,
    total,
    positive: total === null ? null : total >= PHQ2_POSITIVE_FROM,
  };
}

export interface Phq2Assessment extends Phq2Result {
  readonly incomplete: boolean;
  /** Always true: the PHQ-2 has no suicide item, so it never stands in for the PHQ-9 here. */
  readonly fullPhq9Required: true;
  readonly message: string;
}

/**
 * A stand-alone PHQ-2 (items 1 and 2 only). It can only ever lead to a full PHQ-9: it has no
 * item 9, so a negative PHQ-2 is never reported as reassurance.
 */
export function assessPhq2(answers: readonly Phq9RawAnswer[], field = 'answers'): Phq2Assessment {
  if (answers.length !== 2) {
    throw new DomainInputError('phq2_item_count', field, `the PHQ-2 needs exactly 2 answers (items 1 and 2), got ${answers.length}`);
  }
  // reuse the PHQ-9 answer parser so both questionnaires accept exactly the same values
  const padded: Phq9RawAnswer[] = [...answers, null, null, null, null, null, null, null];
  const parsed = parsePhq9Answers(padded, field);
  const result = phq2FromItems(parsed[0], parsed[1]);
  const message =
    result.positive === true
      ? 'The PHQ-2 screen is positive (3 or more). Complete the full PHQ-9, which also asks about thoughts of self-harm.'
      : result.positive === false
        ? 'The PHQ-2 screen is below 3. It has no question about self-harm, so the full PHQ-9 is still needed at each visit.'
        : 'The PHQ-2 is incomplete. Complete the full PHQ-9.';
  return { ...result, incomplete: result.total === null, fullPhq9Required: true, message };
}
