import type { Jurisdiction } from '../interactions/jurisdictions.js';

/** What a reported symptom asks of the patient, least to most urgent (clinical-rules.md section 3). */
export type SymptomAction = 'record' | 'contactPrescriber' | 'stopAndUrgent';

export const SYMPTOM_ACTIONS_BY_URGENCY: readonly SymptomAction[] = ['stopAndUrgent', 'contactPrescriber', 'record'];

export type SymptomCategory =
  | 'skinAndLips'
  | 'eyesAndVision'
  | 'noseEarsAndHearing'
  | 'musculoskeletal'
  | 'headAndNerves'
  | 'mentalHealth'
  | 'digestive'
  | 'liver'
  | 'allergy'
  | 'pregnancy'
  | 'sexualHealth'
  | 'acneFlare'
  | 'other';

/** A care pathway a finding opens beyond the action itself. */
export type SymptomPathway =
  | 'pregnancy'
  | 'mentalHealth'
  | 'neurology'
  | 'pancreatitis'
  | 'liver'
  | 'gastroenterology'
  | 'dermatologyUrgent'
  | 'audiology'
  | 'ophthalmology'
  | 'allergy';

/** Source mark of the reference, or DECISION for a choice of this project. */
export type SourceMark = '[C]' | '[S]' | '[U]' | 'CONVENTION' | 'DECISION';

export interface SymptomOption {
  /** Stable id of the answer, e.g. `no`, `yes`, `troublesome`, `severeWithWarningSigns`. */
  readonly id: string;
  /** The answer as the patient reads it. */
  readonly label: string;
  /** `null` for the answer that reports nothing (always the option `no`). */
  readonly action: SymptomAction | null;
  readonly ruleId: string;
  readonly source: SourceMark;
  /** Why, in plain language; empty for `no`. */
  readonly reason: string;
  /** What the patient does now, in plain language; empty for `no`. */
  readonly whatToDo: string;
  readonly pathway: SymptomPathway | null;
}

export interface SymptomDefinition {
  /** Stable id (kebab-case); never renamed, because stored check-ins refer to it. */
  readonly id: string;
  readonly category: SymptomCategory;
  /** Patient-facing question: plain language, gender-inclusive. */
  readonly question: string;
  /** Who is asked: everyone, or only people who can get pregnant. */
  readonly audience: 'everyone' | 'canGetPregnant';
  /** Jurisdictions whose rules require asking it at every check-in (UK: sexual function). */
  readonly mustAskIn: readonly Jurisdiction[];
  readonly options: readonly SymptomOption[];
}

export function actionRank(action: SymptomAction): number {
  switch (action) {
    case 'stopAndUrgent':
      return 2;
    case 'contactPrescriber':
      return 1;
    case 'record':
      return 0;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
