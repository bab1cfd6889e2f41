import { DomainInputError } from '../errors.js';
import {
  PHQ9_ITEM10_LOINC,
  PHQ9_PANEL_LOINC,
  PHQ9_QUESTIONNAIRE_CANONICAL,
  PHQ9_TOTAL_LOINC,
  type Phq9AnswerCode,
  type Phq9Difficulty,
  type Phq9Score,
} from './phq9-definition.js';
import { parsePhq9Answers, parsePhq9Difficulty, type Phq9RawAnswer } from './phq9-answers.js';
import { phq2FromItems, type Phq2Result } from './phq2.js';
import { assertRiseThreshold, assessRise, DEFAULT_PHQ9_RISE_THRESHOLD, type MoodRise } from './mood-rise.js';
import { moodPatientMessages, moodTasks, type MoodClinicianTask } from './mood-tasks.js';
import {
  item9Status,
  phq9Band,
  phq9BandLabel,
  phq9BandRank,
  PHQ9_BANDS,
  sumPhq9,
  type Phq9Band,
} from './phq9-score.js';

export interface Phq9Config {
  /** MOOD-RISE threshold in points [U]: a clinic may choose another value. */
  readonly riseThreshold: number;
  /**
   * MOOD-PHQ9-BAND-REVIEW (DECISION of this project, not in the reference): a complete total in this
   * band or a worse one creates a routine review task. `null` turns the review task off.
   */
  readonly reviewFromBand: Phq9Band | null;
}

export const DEFAULT_PHQ9_CONFIG: Phq9Config = { riseThreshold: DEFAULT_PHQ9_RISE_THRESHOLD, reviewFromBand: 'moderate' };

export interface Phq9Input {
  /** Items 1-9 in form order: 0-3, an LA answer code, or `null` when unanswered. */
  readonly answers: readonly Phq9RawAnswer[];
  /** Item 10 (69722-7), recorded but never scored. */
  readonly item10?: string | null | undefined;
  /** The baseline PHQ-9 total of this course, for MOOD-RISE. */
  readonly baselineTotal?: number | null | undefined;
}

export interface Phq9ItemResult {
  readonly number: number;
  readonly loinc: string;
  readonly text: string;
  readonly score: Phq9Score | null;
  readonly answerCode: Phq9AnswerCode | null;
}

export interface Phq9Assessment {
  readonly panelLoinc: typeof PHQ9_PANEL_LOINC;
  readonly totalLoinc: typeof PHQ9_TOTAL_LOINC;
  readonly questionnaire: typeof PHQ9_QUESTIONNAIRE_CANONICAL;
  readonly items: Phq9ItemResult[];
  readonly item10: { readonly loinc: string; readonly value: Phq9Difficulty; readonly code: string; readonly text: string; readonly scored: false } | null;
  /** MOOD-PHQ9-TOTAL; `null` when incomplete. */
  readonly total: number | null;
  /** MOOD-PHQ9-BAND; `null` when incomplete. */
  readonly band: Phq9Band | null;
  readonly bandLabel: string | null;
  /** MOOD-PHQ9-INCOMPLETE. */
  readonly incomplete: boolean;
  readonly missingItems: number[];
  readonly answeredSum: number;
  /** MOOD-PHQ9-ITEM9: item 9 above 0. */
  readonly item9RedFlag: boolean;
  readonly item9Missing: boolean;
  /** Red flag or missing item 9 (CONVENTION): a clinician follows it up today. */
  readonly item9FollowUp: boolean;
  readonly phq2: Phq2Result;
  readonly phq2Total: number | null;
  readonly phq2Positive: boolean | null;
  readonly rise: MoodRise | null;
  readonly tasks: MoodClinicianTask[];
  readonly patientMessages: string[];
}

function checkConfig(config: Phq9Config): void {
  assertRiseThreshold(config.riseThreshold, 'config.riseThreshold');
  if (config.reviewFromBand !== null && !PHQ9_BANDS.some((b) => b.band === config.reviewFromBand)) {
    throw new DomainInputError('phq9_config_invalid', 'config.reviewFromBand', `unknown band ${config.reviewFromBand}`);
  }
}

/**
 * Scores one PHQ-9 and derives everything that follows from it: total and band (only when
 * complete), the item-9 red flag (always), the PHQ-2, the rise from baseline and the clinician tasks.
 */
export function assessPhq9(input: Phq9Input, config: Phq9Config = DEFAULT_PHQ9_CONFIG): Phq9Assessment {
  checkConfig(config);
  const answers = parsePhq9Answers(input.answers);
  const difficulty = parsePhq9Difficulty(input.item10);
  const sums = sumPhq9(answers);
  const band = sums.total === null ? null : phq9Band(sums.total);
  const item9 = item9Status(answers);
  const phq2 = phq2FromItems(answers[0], answers[1]);
  const baseline = input.baselineTotal;
  const rise = baseline === null || baseline === undefined ? null : assessRise(sums, baseline, config.riseThreshold);
  const bandReviewDue =
    band !== null && config.reviewFromBand !== null && phq9BandRank(band) >= phq9BandRank(config.reviewFromBand);
  const facts = { sums, band, item9, rise, reviewFromBand: config.reviewFromBand, bandReviewDue };
  return {
    panelLoinc: PHQ9_PANEL_LOINC,
    totalLoinc: PHQ9_TOTAL_LOINC,
    questionnaire: PHQ9_QUESTIONNAIRE_CANONICAL,
    items: answers.map((a) => ({ number: a.item.number, loinc: a.item.loinc, text: a.item.text, score: a.score, answerCode: a.answerCode })),
    item10:
      difficulty === null
        ? null
        : { loinc: PHQ9_ITEM10_LOINC, value: difficulty.value, code: difficulty.code, text: difficulty.text, scored: false },
    total: sums.total,
    band,
    bandLabel: band === null ? null : phq9BandLabel(band),
    incomplete: sums.incomplete,
    missingItems: sums.missingItems,
    answeredSum: sums.answeredSum,
    item9RedFlag: item9.redFlag,
    item9Missing: item9.missing,
    item9FollowUp: item9.needsFollowUp,
    phq2,
    phq2Total: phq2.total,
    phq2Positive: phq2.positive,
    rise,
    tasks: moodTasks(facts),
    patientMessages: moodPatientMessages(facts),
  };
}
