import {
  PHQ9_ANSWER_OPTIONS,
  PHQ9_DIFFICULTY_OPTIONS,
  PHQ9_ITEM10_TEXT,
  PHQ9_ITEMS,
  PHQ9_STEM,
  type Phq9Difficulty,
  type Phq9Score,
} from '../../../../src/domain/mood/index.js';
import { SYMPTOM_CATALOGUE } from '../../../../src/domain/symptoms/index.js';
import type { Phq9Texts, SymptomTexts } from '../assessment-types.js';

const answerText = (score: Phq9Score): string => PHQ9_ANSWER_OPTIONS.find((o) => o.score === score)?.text ?? String(score);
const difficultyText = (value: Phq9Difficulty): string => PHQ9_DIFFICULTY_OPTIONS.find((o) => o.value === value)?.text ?? value;

/** The official English PHQ-9 (clinical-rules.md s5), as the domain defines it. */
export const enPhq9: Phq9Texts = {
  stem: PHQ9_STEM,
  items: PHQ9_ITEMS.map((item) => item.text),
  answers: { 0: answerText(0), 1: answerText(1), 2: answerText(2), 3: answerText(3) },
  item10: PHQ9_ITEM10_TEXT,
  difficulty: {
    notDifficult: difficultyText('notDifficult'),
    somewhatDifficult: difficultyText('somewhatDifficult'),
    veryDifficult: difficultyText('veryDifficult'),
    extremelyDifficult: difficultyText('extremelyDifficult'),
  },
};

/** The symptom check-in in English, by symptom id, as the domain's catalogue words it. */
export const enSymptoms: Readonly<Record<string, SymptomTexts>> = Object.fromEntries(
  SYMPTOM_CATALOGUE.map((symptom) => [
    symptom.id,
    {
      question: symptom.question,
      options: Object.fromEntries(symptom.options.map((option) => [option.id, { label: option.label, reason: option.reason, whatToDo: option.whatToDo }])),
    },
  ]),
);
