import { describe, expect, it } from 'vitest';
import { COMPREHENSION_QUESTIONS, gradeComprehension } from './index.js';

const allCorrect = COMPREHENSION_QUESTIONS.map((q) => ({ questionId: q.id, choice: q.correct }));

describe('PROG-QUESTIONS-PATIENT grading', () => {
  it('grades every question of the bank correct when every correct choice is given', () => {
    const graded = gradeComprehension(allCorrect);
    expect(graded.allCorrect).toBe(true);
    expect(graded.items.map((i) => i.answer)).toEqual(COMPREHENSION_QUESTIONS.map(() => 'correct'));
    expect(graded.unknown).toEqual([]);
  });

  it('marks one wrong choice incorrect, and the whole set not all correct', () => {
    const graded = gradeComprehension(allCorrect.map((a) => (a.questionId === 'sharing' ? { ...a, choice: 'if-acne' } : a)));
    expect(graded.allCorrect).toBe(false);
    expect(graded.items.find((i) => i.questionId === 'sharing')?.answer).toBe('incorrect');
    expect(graded.items.filter((i) => i.answer === 'correct')).toHaveLength(COMPREHENSION_QUESTIONS.length - 1);
  });

  it('marks a missing or null answer unanswered (it blocks, DECISION-8), in the bank’s order', () => {
    const graded = gradeComprehension([{ questionId: 'blood-donation', choice: 'no' }, { questionId: 'sharing', choice: null }]);
    expect(graded.items.map((i) => i.questionId)).toEqual(COMPREHENSION_QUESTIONS.map((q) => q.id));
    expect(graded.items.find((i) => i.questionId === 'sharing')?.answer).toBe('unanswered');
    expect(graded.items.find((i) => i.questionId === 'after-last-dose')?.answer).toBe('unanswered');
    expect(graded.items.find((i) => i.questionId === 'blood-donation')?.answer).toBe('correct');
  });

  it('reports question ids and choices that are not in the bank', () => {
    expect(gradeComprehension([{ questionId: 'made-up', choice: 'x' }, { questionId: 'sharing', choice: 'sometimes' }]).unknown).toEqual(['made-up', 'sharing/sometimes']);
  });
});
