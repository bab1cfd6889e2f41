import { enPhq9, enSymptoms } from './en/assessments.js';
import type { SymptomOptionTexts, SymptomTexts } from './assessment-types.js';

/** The questionnaires in the person's language (English only so far). */
export const phq9Texts = enPhq9;

const symptomTexts = enSymptoms;

/** The words of one symptom; a missing translation falls back to nothing rather than crashing. */
export function symptomText(symptomId: string): SymptomTexts | undefined {
  return symptomTexts[symptomId];
}

export function symptomOptionText(symptomId: string, optionId: string): SymptomOptionTexts | undefined {
  return symptomTexts[symptomId]?.options[optionId];
}
