/**
 * The PHQ-9 questionnaire as data: LOINC codes, the stem, the item texts and the answer lists
 * (clinical-rules.md section 5; the PHQ-9 is free to reproduce [C]). Nothing here computes.
 */

/** LOINC panel of the PHQ-9 (MOOD-PHQ9-TOTAL) [C]. */
export const PHQ9_PANEL_LOINC = '44249-1';
/** LOINC code of the PHQ-9 total score, the Observation derived from the response [C]. */
export const PHQ9_TOTAL_LOINC = '44261-6';
/** Canonical URL of the LOINC PHQ-9 questionnaire [C]. */
export const PHQ9_QUESTIONNAIRE_CANONICAL = 'http://loinc.org/q/44249-1';
/** LOINC item 10 (functional difficulty): recorded, never scored [C]. */
export const PHQ9_ITEM10_LOINC = '69722-7';

export const PHQ9_STEM =
  'Over the last 2 weeks, how often have you been bothered by any of the following problems?';

export interface Phq9Item {
  /** 1-based item number as printed on the form. */
  readonly number: number;
  readonly loinc: string;
  readonly text: string;
}

/** Items 1-9 in form order; the order is what `answers[i]` refers to. */
export const PHQ9_ITEMS: readonly Phq9Item[] = [
  { number: 1, loinc: '44250-9', text: 'Little interest or pleasure in doing things' },
  { number: 2, loinc: '44255-8', text: 'Feeling down, depressed, or hopeless' },
  { number: 3, loinc: '44259-0', text: 'Trouble falling or staying asleep, or sleeping too much' },
  { number: 4, loinc: '44254-1', text: 'Feeling tired or having little energy' },
  { number: 5, loinc: '44251-7', text: 'Poor appetite or overeating' },
  {
    number: 6,
    loinc: '44258-2',
    text: 'Feeling bad about yourself - or that you are a failure or have let yourself or your family down',
  },
  {
    number: 7,
    loinc: '44252-5',
    text: 'Trouble concentrating on things, such as reading the newspaper or watching television',
  },
  {
    number: 8,
    loinc: '44253-3',
    text:
      'Moving or speaking so slowly that other people could have noticed? Or the opposite - being so fidgety ' +
      'or restless that you have been moving around a lot more than usual',
  },
  { number: 9, loinc: '44260-8', text: 'Thoughts that you would be better off dead or of hurting yourself in some way' },
];

export const PHQ9_ITEM_COUNT = 9;
/** Index (0-based) of item 9, the self-harm item (MOOD-PHQ9-ITEM9). */
export const PHQ9_ITEM9_INDEX = 8;

export type Phq9Score = 0 | 1 | 2 | 3;

export const PHQ9_ANSWER_CODES = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'] as const;
export type Phq9AnswerCode = (typeof PHQ9_ANSWER_CODES)[number];

export interface Phq9AnswerOption {
  readonly code: Phq9AnswerCode;
  readonly score: Phq9Score;
  readonly text: string;
}

/** LOINC answer list of items 1-9 [C]: the score is fixed by the code. */
export const PHQ9_ANSWER_OPTIONS: readonly Phq9AnswerOption[] = [
  { code: 'LA6568-5', score: 0, text: 'Not at all' },
  { code: 'LA6569-3', score: 1, text: 'Several days' },
  { code: 'LA6570-1', score: 2, text: 'More than half the days' },
  { code: 'LA6571-9', score: 3, text: 'Nearly every day' },
];

export const PHQ9_ITEM10_TEXT =
  'If you checked off any problems, how difficult have these problems made it for you to do your work, ' +
  'take care of things at home, or get along with other people?';

export type Phq9Difficulty = 'notDifficult' | 'somewhatDifficult' | 'veryDifficult' | 'extremelyDifficult';

export interface Phq9DifficultyOption {
  readonly value: Phq9Difficulty;
  readonly code: string;
  readonly text: string;
}

/**
 * Item 10 answers. The LA codes are not in the reference: they were checked against the NLM
 * LHC-Forms PHQ-9 definition [S] (LA6575-0 is "Very difficult", LA6574-3 "Extremely difficult";
 * some third-party lists swap these two, so accept either the code or the word, never a number).
 */
export const PHQ9_DIFFICULTY_OPTIONS: readonly Phq9DifficultyOption[] = [
  { value: 'notDifficult', code: 'LA6572-7', text: 'Not difficult at all' },
  { value: 'somewhatDifficult', code: 'LA6573-5', text: 'Somewhat difficult' },
  { value: 'veryDifficult', code: 'LA6575-0', text: 'Very difficult' },
  { value: 'extremelyDifficult', code: 'LA6574-3', text: 'Extremely difficult' },
];

/** Everything item 10 accepts: the value names and their LA codes (kept in step with the options by a test). */
export const PHQ9_DIFFICULTY_INPUTS = [
  'notDifficult',
  'somewhatDifficult',
  'veryDifficult',
  'extremelyDifficult',
  'LA6572-7',
  'LA6573-5',
  'LA6575-0',
  'LA6574-3',
] as const;
