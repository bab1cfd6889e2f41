import { describe, expect, it } from 'vitest';
import { DomainInputError } from '../errors.js';
import { parsePhq9Answers, parsePhq9Difficulty } from './phq9-answers.js';
import { PHQ9_DIFFICULTY_INPUTS, PHQ9_DIFFICULTY_OPTIONS, PHQ9_ITEMS } from './phq9-definition.js';

function errorOf(fn: () => unknown): DomainInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainInputError) return error;
    throw error;
  }
  throw new Error('expected a DomainInputError');
}

describe('PHQ-9 answers', () => {
  it('maps the four LOINC answer codes to 0, 1, 2 and 3', () => {
    const parsed = parsePhq9Answers(['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9', 0, 1, 2, 3, null]);
    expect(parsed.map((a) => a.score)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, null]);
    expect(parsed.map((a) => a.answerCode)).toEqual([
      'LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9', 'LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9', null,
    ]);
  });

  it('keeps the LOINC item codes of the reference in form order', () => {
    const parsed = parsePhq9Answers([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parsed.map((a) => a.item.loinc)).toEqual([
      '44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8',
    ]);
    expect(PHQ9_ITEMS[8]?.text).toMatch(/better off dead/);
  });

  it('accepts an answer code typed in lower case with spaces around it', () => {
    expect(parsePhq9Answers([' la6571-9 ', 0, 0, 0, 0, 0, 0, 0, 0])[0]?.score).toBe(3);
  });

  it('refuses 8 answers and 10 answers, naming the answers field', () => {
    expect(errorOf(() => parsePhq9Answers([0, 0, 0, 0, 0, 0, 0, 0])).field).toBe('answers');
    expect(errorOf(() => parsePhq9Answers([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).field).toBe('answers');
  });

  it('refuses an answer of 4, -1 or 1.5, naming the item index', () => {
    expect(errorOf(() => parsePhq9Answers([0, 0, 0, 4, 0, 0, 0, 0, 0])).field).toBe('answers.3');
    expect(errorOf(() => parsePhq9Answers([-1, 0, 0, 0, 0, 0, 0, 0, 0])).field).toBe('answers.0');
    expect(errorOf(() => parsePhq9Answers([0, 0, 0, 0, 0, 0, 0, 0, 1.5])).field).toBe('answers.8');
  });

  it('refuses an unknown LA code and a score written as text', () => {
    expect(errorOf(() => parsePhq9Answers([0, 'LA6572-7', 0, 0, 0, 0, 0, 0, 0])).field).toBe('answers.1');
    expect(errorOf(() => parsePhq9Answers([0, 0, '2', 0, 0, 0, 0, 0, 0])).code).toBe('phq9_answer_invalid');
  });

  it('refuses a value of the wrong type from an unvalidated caller instead of crashing', () => {
    const unvalidated = [0, 0, 0, 0, 0, 0, 0, true, 0] as unknown as number[];
    expect(errorOf(() => parsePhq9Answers(unvalidated)).field).toBe('answers.7');
  });

  it('reads item 10 by name or by LA code and refuses anything else', () => {
    expect(parsePhq9Difficulty('somewhatDifficult')?.code).toBe('LA6573-5');
    expect(parsePhq9Difficulty('LA6574-3')?.value).toBe('extremelyDifficult');
    expect(parsePhq9Difficulty(null)).toBeNull();
    expect(errorOf(() => parsePhq9Difficulty('3')).field).toBe('item10');
  });

  it('lists exactly the item-10 values and codes of its options as accepted inputs', () => {
    expect([...PHQ9_DIFFICULTY_INPUTS].sort()).toEqual(
      [...PHQ9_DIFFICULTY_OPTIONS.map((o) => o.value), ...PHQ9_DIFFICULTY_OPTIONS.map((o) => o.code)].sort(),
    );
  });
});
