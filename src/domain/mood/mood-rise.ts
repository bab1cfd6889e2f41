import { DomainInputError } from '../errors.js';
import { assertPhq9Total, MOOD_RULE_IDS, PHQ9_MAX_TOTAL, type Phq9Sums } from './phq9-score.js';

/** MOOD-RISE: a rise of this many points or more from the baseline total creates a task [U threshold]. */
export const DEFAULT_PHQ9_RISE_THRESHOLD = 5;

export interface MoodRise {
  readonly ruleId: typeof MOOD_RULE_IDS.rise;
  readonly baselineTotal: number;
  readonly threshold: number;
  /** Current total minus baseline; `null` when the current questionnaire is incomplete. */
  readonly change: number | null;
  /**
   * The smallest change the current questionnaire can have: with missing items counted as 0.
   * Equal to `change` when complete. A rise this large is certain whatever the missing answers are.
   */
  readonly minimumChange: number;
  readonly flagged: boolean;
}

export function assertRiseThreshold(threshold: number, field: string): void {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > PHQ9_MAX_TOTAL) {
    throw new DomainInputError('mood_rise_threshold_invalid', field, `the rise threshold is a whole number from 1 to 27, got ${String(threshold)}`);
  }
}

/**
 * MOOD-RISE: compares this PHQ-9 with the baseline one. An incomplete questionnaire still flags a
 * rise when its answered items alone already reach the threshold: missing answers can only add.
 */
export function assessRise(sums: Phq9Sums, baselineTotal: number, threshold = DEFAULT_PHQ9_RISE_THRESHOLD): MoodRise {
  assertPhq9Total(baselineTotal, 'baselineTotal');
  assertRiseThreshold(threshold, 'config.riseThreshold');
  const minimumChange = sums.answeredSum - baselineTotal;
  const change = sums.total === null ? null : sums.total - baselineTotal;
  return { ruleId: MOOD_RULE_IDS.rise, baselineTotal, threshold, change, minimumChange, flagged: minimumChange >= threshold };
}
