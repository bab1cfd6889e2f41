import type { Phq9Difficulty, Phq9Score } from '../../../src/domain/mood/index.js';

/**
 * The questionnaire wording a screen shows, per language. The PHQ-9's English wording is the
 * official one and the symptom check-in's is the reviewed clinical text; both live in the domain
 * (src/domain), so the English module reads them from there instead of copying them. A
 * translation supplies its own module of these types (for the PHQ-9: an official translation).
 */
export interface Phq9Texts {
  readonly stem: string;
  /** Items 1-9 in form order. */
  readonly items: readonly string[];
  readonly answers: Readonly<Record<Phq9Score, string>>;
  readonly item10: string;
  readonly difficulty: Readonly<Record<Phq9Difficulty, string>>;
}

export interface SymptomOptionTexts {
  readonly label: string;
  readonly reason: string;
  readonly whatToDo: string;
}

export interface SymptomTexts {
  readonly question: string;
  /** By option id (`no`, `yes`, `troublesome`, ...). */
  readonly options: Readonly<Record<string, SymptomOptionTexts>>;
}
