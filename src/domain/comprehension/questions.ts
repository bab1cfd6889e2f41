/**
 * PROG-QUESTIONS-PATIENT: the programme's monthly comprehension questions the patient answers
 * themself (program-rules.md US6: "the patient answers the comprehension questions"). The bank is
 * isocourse's own plain-language check of the rules the patient must know (US5, US12, US14, EU4);
 * it is not the iPLEDGE REMS question set. The server grades; only correct / incorrect /
 * unanswered per question is kept in the programme event, as the programme engine reads it.
 */
export const COMPREHENSION_RULE_ID = 'PROG-QUESTIONS-PATIENT';

export const COMPREHENSION_QUESTIONS = [
  { id: 'after-last-dose', options: ['none', 'one-week', 'one-month'], correct: 'one-month' },
  { id: 'might-be-pregnant', options: ['wait', 'stop-and-call', 'extra-dose'], correct: 'stop-and-call' },
  { id: 'pregnancy-tests', options: ['once', 'every-month', 'never'], correct: 'every-month' },
  { id: 'sharing', options: ['never', 'if-acne'], correct: 'never' },
  { id: 'blood-donation', options: ['yes', 'no'], correct: 'no' },
] as const;

export type ComprehensionQuestion = (typeof COMPREHENSION_QUESTIONS)[number];
export type ComprehensionQuestionId = ComprehensionQuestion['id'];
export type ComprehensionGrade = 'correct' | 'incorrect' | 'unanswered';

export interface ComprehensionAnswer {
  readonly questionId: string;
  readonly choice: string | null;
}

export interface GradedComprehension {
  /** One item per question of the bank, in its order, as the programme event records it. */
  readonly items: ReadonlyArray<{ readonly questionId: ComprehensionQuestionId; readonly answer: ComprehensionGrade }>;
  readonly allCorrect: boolean;
  /** Question ids or choices that are not in the bank (the caller refuses them). */
  readonly unknown: readonly string[];
}

/**
 * Grades the patient's answers against the bank: every question of the bank gets an item (a
 * question not answered, or answered with null, is `unanswered`, which blocks as DECISION-8 says).
 */
export function gradeComprehension(answers: readonly ComprehensionAnswer[]): GradedComprehension {
  const unknown: string[] = [];
  const byId = new Map<string, string | null>();
  for (const a of answers) {
    const question = COMPREHENSION_QUESTIONS.find((q) => q.id === a.questionId);
    if (question === undefined) unknown.push(a.questionId);
    else if (a.choice !== null && !(question.options as readonly string[]).includes(a.choice)) unknown.push(`${a.questionId}/${a.choice}`);
    else byId.set(a.questionId, a.choice);
  }
  const items = COMPREHENSION_QUESTIONS.map((q) => {
    const choice = byId.get(q.id);
    const answer: ComprehensionGrade = choice === undefined || choice === null ? 'unanswered' : choice === q.correct ? 'correct' : 'incorrect';
    return { questionId: q.id, answer };
  });
  return { items, allCorrect: items.every((i) => i.answer === 'correct'), unknown };
}
