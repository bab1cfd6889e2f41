import { DomainInputError } from '../errors.js';
import {
  PHQ9_ANSWER_OPTIONS,
  PHQ9_DIFFICULTY_OPTIONS,
  PHQ9_ITEM_COUNT,
  PHQ9_ITEMS,
  type Phq9AnswerCode,
  type Phq9DifficultyOption,
  type Phq9Item,
  type Phq9Score,
} from './phq9-definition.js';

/**
 * One answer as it arrives: a score 0-3, a LOINC answer code (`LA6568-5`...) or `null` for an
 * unanswered item. Typed loosely on purpose: the domain re-checks every value, so a caller that
 * skipped validation still cannot slip a 4 or an unknown code into a total.
 */
export type Phq9RawAnswer = number | string | null;

export interface Phq9ItemAnswer {
  readonly item: Phq9Item;
  /** `null` when the item was not answered. */
  readonly score: Phq9Score | null;
  readonly answerCode: Phq9AnswerCode | null;
}

const ANSWER_DESCRIPTION = '0, 1, 2, 3, null or one of the LOINC answer codes LA6568-5, LA6569-3, LA6570-1, LA6571-9';

function optionForScore(score: number): (typeof PHQ9_ANSWER_OPTIONS)[number] | undefined {
  return PHQ9_ANSWER_OPTIONS.find((o) => o.score === score);
}

function parseOne(raw: Phq9RawAnswer, field: string): { score: Phq9Score; code: Phq9AnswerCode } | null {
  if (raw === null) return null;
  if (typeof raw === 'number') {
    const option = Number.isInteger(raw) ? optionForScore(raw) : undefined;
    if (option === undefined) {
      throw new DomainInputError('phq9_answer_invalid', field, `answer ${String(raw)} is not one of ${ANSWER_DESCRIPTION}`);
    }
    return { score: option.score, code: option.code };
  }
  // a caller that skipped validation may pass anything: refuse it by name rather than crash
  if (typeof raw !== 'string') {
    throw new DomainInputError('phq9_answer_invalid', field, `answer ${JSON.stringify(raw)} is not one of ${ANSWER_DESCRIPTION}`);
  }
  // LOINC codes are upper case; accept surrounding spaces and lower case from hand-typed input
  const code = raw.trim().toUpperCase();
  const option = PHQ9_ANSWER_OPTIONS.find((o) => o.code === code);
  if (option === undefined) {
    throw new DomainInputError('phq9_answer_invalid', field, `answer "${raw}" is not one of ${ANSWER_DESCRIPTION}`);
  }
  return { score: option.score, code: option.code };
}

/**
 * Reads exactly 9 answers (items 1-9, in form order). Item 10 is a separate field because it has
 * its own answer list and is never scored; a 10th element here would be ambiguous, so it is refused.
 */
export function parsePhq9Answers(answers: readonly Phq9RawAnswer[], field = 'answers'): Phq9ItemAnswer[] {
  if (answers.length !== PHQ9_ITEM_COUNT) {
    throw new DomainInputError(
      'phq9_item_count',
      field,
      `the PHQ-9 needs exactly ${PHQ9_ITEM_COUNT} answers (items 1-9), got ${answers.length}; item 10 goes in its own field`,
    );
  }
  return PHQ9_ITEMS.map((item, index) => {
    const parsed = parseOne(answers[index] ?? null, `${field}.${index}`);
    return { item, score: parsed?.score ?? null, answerCode: parsed?.code ?? null };
  });
}

/** Item 10 (functional difficulty): a value name (`somewhatDifficult`) or its LA code; `null` if unanswered. */
export function parsePhq9Difficulty(raw: string | null | undefined, field = 'item10'): Phq9DifficultyOption | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  const option = PHQ9_DIFFICULTY_OPTIONS.find((o) => o.value === text || o.code === text.toUpperCase());
  if (option === undefined) {
    const allowed = PHQ9_DIFFICULTY_OPTIONS.map((o) => `${o.value} (${o.code})`).join(', ');
    throw new DomainInputError('phq9_item10_invalid', field, `item 10 answer "${raw}" is not one of ${allowed}`);
  }
  return option;
}
