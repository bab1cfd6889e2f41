import { PHQ9_ITEMS } from './phq9-definition.js';
import type { MoodRise } from './mood-rise.js';
import { MOOD_RULE_IDS, phq9BandLabel, type Item9Status, type Phq9Band, type Phq9Sums } from './phq9-score.js';

export type MoodTaskPriority = 'urgent' | 'routine';

export type MoodTaskCode =
  | 'phq9_item9_positive'
  | 'phq9_item9_unanswered'
  | 'phq9_incomplete'
  | 'phq9_rise'
  | 'phq9_band_review';

/** Something a clinician must do because of a questionnaire; urgent means the same day. */
export interface MoodClinicianTask {
  readonly ruleId: string;
  readonly code: MoodTaskCode;
  readonly priority: MoodTaskPriority;
  readonly message: string;
}

export interface MoodTaskFacts {
  readonly sums: Phq9Sums;
  readonly band: Phq9Band | null;
  readonly item9: Item9Status;
  readonly rise: MoodRise | null;
  /** The configured band from which a routine review is created, `null` for none. */
  readonly reviewFromBand: Phq9Band | null;
  /** MOOD-PHQ9-BAND-REVIEW: the complete total is in `reviewFromBand` or a worse band. */
  readonly bandReviewDue: boolean;
}

const ITEM9_TEXT = PHQ9_ITEMS[8]?.text ?? 'item 9';

/** Every task the facts create, urgent ones first (all of them, never just the first). */
export function moodTasks(facts: MoodTaskFacts): MoodClinicianTask[] {
  const tasks: MoodClinicianTask[] = [];
  const { sums, item9, rise } = facts;
  if (item9.redFlag) {
    tasks.push({
      ruleId: MOOD_RULE_IDS.item9,
      code: 'phq9_item9_positive',
      priority: 'urgent',
      message:
        `PHQ-9 item 9 ("${ITEM9_TEXT}") scored ${String(item9.score)}. Contact the patient today to ask about ` +
        'their safety, whatever the total. Suicidal thoughts on isotretinoin mean stopping it and a mental-health ' +
        'referral (SYM-MENTAL-HEALTH).',
    });
  }
  if (item9.missing) {
    tasks.push({
      ruleId: MOOD_RULE_IDS.item9,
      code: 'phq9_item9_unanswered',
      priority: 'urgent',
      message:
        'PHQ-9 item 9 (thoughts of being better off dead or of self-harm) was not answered. Ask the patient about ' +
        'it directly today: an unanswered item 9 is followed up as if it could be positive.',
    });
  }
  if (sums.incomplete) {
    tasks.push({
      ruleId: MOOD_RULE_IDS.incomplete,
      code: 'phq9_incomplete',
      priority: 'routine',
      message: `PHQ-9 item(s) ${sums.missingItems.join(', ')} not answered: no total and no band. Ask the patient to complete them.`,
    });
  }
  if (rise?.flagged === true) {
    const amount = rise.change === null ? `at least ${rise.minimumChange}` : String(rise.change);
    tasks.push({
      ruleId: MOOD_RULE_IDS.rise,
      code: 'phq9_rise',
      priority: 'routine',
      message:
        `PHQ-9 total rose by ${amount} points from the baseline of ${rise.baselineTotal} ` +
        `(a task is created from a rise of ${rise.threshold}). Review mood with the patient.`,
    });
  }
  if (facts.bandReviewDue && facts.band !== null && facts.reviewFromBand !== null && sums.total !== null) {
    tasks.push({
      ruleId: MOOD_RULE_IDS.bandReview,
      code: 'phq9_band_review',
      priority: 'routine',
      message:
        `PHQ-9 total ${sums.total} is in the ${phq9BandLabel(facts.band)} band (a review is created from the ` +
        `${phq9BandLabel(facts.reviewFromBand)} band). Review mood with the patient.`,
    });
  }
  return tasks.sort((a, b) => priorityRank(a.priority) - priorityRank(b.priority));
}

function priorityRank(priority: MoodTaskPriority): number {
  switch (priority) {
    case 'urgent':
      return 0;
    case 'routine':
      return 1;
    default: {
      const unreachable: never = priority;
      return unreachable;
    }
  }
}

/** Plain-language messages for the patient: no diagnosis, no jargon, what happens next. */
export function moodPatientMessages(facts: MoodTaskFacts): string[] {
  const { sums, item9, rise } = facts;
  const messages: string[] = [];
  if (item9.redFlag) {
    messages.push(
      'You said you have had thoughts that you would be better off dead or of hurting yourself. Thank you for ' +
        'telling us. Stop taking isotretinoin and contact your prescriber today. If you feel you might act on ' +
        'these thoughts, call your local emergency number now or go to the nearest emergency department.',
    );
  }
  if (sums.total === null) {
    messages.push(
      `Some questions were not answered (number ${sums.missingItems.join(', ')}), so no score can be worked out yet. ` +
        'Please answer every question.',
    );
  } else {
    messages.push(
      `Your answers add up to ${sums.total} out of 27. This is a check-in score, not a diagnosis. ` +
        'Your care team looks at it with you.',
    );
  }
  if (item9.missing) {
    messages.push('Please answer question 9 too. It matters for your safety, and your care team will ask you about it.');
  }
  if (rise?.flagged === true || facts.bandReviewDue) {
    messages.push('Your care team will contact you to talk about how you have been feeling.');
  }
  return messages;
}
