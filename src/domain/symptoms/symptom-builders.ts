import type { Jurisdiction } from '../interactions/jurisdictions.js';
import type {
  SourceMark,
  SymptomAction,
  SymptomCategory,
  SymptomDefinition,
  SymptomOption,
  SymptomPathway,
} from './symptom-types.js';

/** Rule ids of the symptom checklist; every finding carries one of them. */
export const SYMPTOM_RULE_IDS = {
  triage: 'SYM-TRIAGE',
  common: 'SYM-COMMON',
  mentalHealth: 'SYM-MENTAL-HEALTH',
  intracranialHypertension: 'SYM-INTRACRANIAL-HYPERTENSION',
  pancreatitis: 'SYM-PANCREATITIS',
  liver: 'SYM-LIVER',
  bowel: 'SYM-BOWEL',
  severeSkin: 'SYM-SEVERE-SKIN',
  hearing: 'SYM-HEARING',
  vision: 'SYM-VISION',
  allergy: 'SYM-ALLERGY',
  pregnancy: 'SYM-PREGNANCY',
  acneFulminans: 'SYM-ACNE-FULMINANS',
  sexualFunction: 'SYM-SEXUAL-FUNCTION',
  other: 'SYM-OTHER',
} as const;

export interface Outcome {
  readonly ruleId: string;
  readonly action: SymptomAction;
  readonly source: SourceMark;
  readonly reason: string;
  readonly whatToDo: string;
  readonly pathway?: SymptomPathway;
}

export function noOption(ruleId: string): SymptomOption {
  return { id: 'no', label: 'No', action: null, ruleId, source: '[C]', reason: '', whatToDo: '', pathway: null };
}

export function option(id: string, label: string, outcome: Outcome): SymptomOption {
  return {
    id,
    label,
    action: outcome.action,
    ruleId: outcome.ruleId,
    source: outcome.source,
    reason: outcome.reason,
    whatToDo: outcome.whatToDo,
    pathway: outcome.pathway ?? null,
  };
}

interface Base {
  readonly id: string;
  readonly category: SymptomCategory;
  readonly question: string;
  readonly audience?: 'everyone' | 'canGetPregnant';
  readonly mustAskIn?: readonly Jurisdiction[];
}

export function definition(base: Base, options: readonly SymptomOption[]): SymptomDefinition {
  return {
    id: base.id,
    category: base.category,
    question: base.question,
    audience: base.audience ?? 'everyone',
    mustAskIn: base.mustAskIn ?? [],
    options,
  };
}

export const KEEP_GOING_RECORD =
  'Keep taking isotretinoin. It is noted for your next visit; your care team can suggest ways to ease it.';
export const KEEP_GOING_CONTACT =
  'Keep taking isotretinoin unless your prescriber tells you otherwise, and contact them in the next few days.';

/** The two answers that every common side effect has beyond "No" (SYM-COMMON). */
export function commonOptions(effect: string): SymptomOption[] {
  return [
    option('yes', 'Yes, and I can manage it', {
      ruleId: SYMPTOM_RULE_IDS.common,
      action: 'record',
      source: '[C]',
      reason: `${effect} is a common, expected side effect of isotretinoin.`,
      whatToDo: KEEP_GOING_RECORD,
    }),
    option('troublesome', 'Yes, and it is severe or stops me doing everyday things', {
      ruleId: SYMPTOM_RULE_IDS.common,
      action: 'contactPrescriber',
      source: 'DECISION',
      reason: `${effect} is common, but when it is severe or gets in the way of daily life your prescriber may change the dose or treat it.`,
      whatToDo: KEEP_GOING_CONTACT,
    }),
  ];
}

/** A common side effect: no / yes (record) / troublesome (contact the prescriber). */
export function common(base: Base, effect: string): SymptomDefinition {
  return definition(base, [noOption(SYMPTOM_RULE_IDS.common), ...commonOptions(effect)]);
}

/** A serious symptom with a yes/no answer. */
export function serious(base: Base, outcome: Outcome): SymptomDefinition {
  return definition(base, [noOption(outcome.ruleId), option('yes', 'Yes', outcome)]);
}

export const STOP_URGENT = 'Stop taking isotretinoin and get urgent medical care now. Tell them you take isotretinoin.';
export const STOP_CALL_TODAY = 'Stop taking isotretinoin and contact your prescriber today.';
