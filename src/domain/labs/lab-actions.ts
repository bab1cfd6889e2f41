import { LAB_RULE, type LabRuleId } from './lab-rules.js';

/**
 * LAB-ACTIONS (CONVENTION, clinical-rules.md s2, configurable): what a flagged result suggests.
 * The engine suggests, the clinician decides. Pancreatitis can occur with normal TG [C], so
 * symptoms escalate on their own path (symptoms engine), whatever the lab says.
 */
export type LabFlag =
  | 'TG_HIGH'
  | 'TG_OVER_800'
  | 'CHOL_HIGH'
  | 'LFT_HIGH'
  | 'PREG_POS'
  | 'PREG_INDETERMINATE';

export type Urgency = 'routine' | 'soon' | 'urgent';

export interface LabAction {
  readonly code: string;
  readonly ruleId: LabRuleId;
  readonly urgency: Urgency;
  readonly message: string;
}

/** What selects actions from the table: a grade of an analyte group, or a flag. */
export type LabActionTrigger =
  | 'TG_GRADE_1'
  | 'TG_GRADE_2'
  | 'TG_GRADE_3'
  | 'TG_GRADE_4'
  | 'TG_OVER_800'
  | 'CHOL_GRADE_1'
  | 'CHOL_GRADE_2'
  | 'CHOL_GRADE_3'
  | 'CHOL_GRADE_4'
  | 'LFT_GRADE_1'
  | 'LFT_GRADE_2'
  | 'LFT_GRADE_3'
  | 'LFT_GRADE_4'
  | 'PREG_POS'
  | 'PREG_INDETERMINATE';

export type LabActionTable = Readonly<Record<LabActionTrigger, readonly LabAction[]>>;

function action(code: string, urgency: Urgency, message: string, ruleId: LabRuleId = LAB_RULE.actions): LabAction {
  return { code, ruleId, urgency, message };
}

const interruptAndInvestigate = [
  action('interrupt_drug', 'urgent', 'interrupt isotretinoin'),
  action('investigate_liver', 'urgent', 'investigate the raised transaminases'),
];

/**
 * The reference's table. Grades with no action in the reference (TG grade 1, LFT grade 1, every
 * cholesterol grade) have none: they are still flagged and can be given actions by configuration.
 */
export const DEFAULT_LAB_ACTIONS: LabActionTable = {
  TG_GRADE_1: [],
  TG_GRADE_2: [action('repeat_fasting_tg', 'routine', 'repeat fasting triglycerides')],
  TG_GRADE_3: [
    action('clinician_review', 'soon', 'clinician review of triglycerides'),
    action('consider_dose_reduction', 'soon', 'consider a dose reduction'),
    action('ask_abdominal_pain', 'soon', 'ask about abdominal pain (pancreatitis)'),
  ],
  TG_GRADE_4: [
    action('hold_drug', 'urgent', 'hold isotretinoin'),
    action('assess_pancreatitis', 'urgent', 'assess for pancreatitis'),
  ],
  TG_OVER_800: [action('alert_tg_over_800', 'urgent', 'triglycerides above 800 mg/dL (9.04 mmol/L): alert the prescriber')],
  CHOL_GRADE_1: [],
  CHOL_GRADE_2: [],
  CHOL_GRADE_3: [],
  CHOL_GRADE_4: [],
  LFT_GRADE_1: [],
  LFT_GRADE_2: [
    action('consider_dose_reduction', 'soon', 'consider a dose reduction'),
    action('repeat_lft_1_2_weeks', 'soon', 'repeat liver tests in 1-2 weeks'),
  ],
  LFT_GRADE_3: interruptAndInvestigate,
  LFT_GRADE_4: interruptAndInvestigate,
  PREG_POS: [
    action('stop_drug_now', 'urgent', 'positive pregnancy test: stop isotretinoin now', LAB_RULE.pregnancy),
    action('refer_pregnancy', 'urgent', 'refer (obstetrician experienced in reproductive toxicity) and follow the programme pathway', LAB_RULE.pregnancy),
  ],
  PREG_INDETERMINATE: [
    action('repeat_pregnancy_test', 'urgent', 'indeterminate pregnancy test: repeat it; it does not count as negative', LAB_RULE.pregnancy),
  ],
};

/** The actions for a set of triggers, in trigger order, each action code once. */
export function actionsFor(triggers: readonly LabActionTrigger[], table: LabActionTable = DEFAULT_LAB_ACTIONS): LabAction[] {
  const byCode = new Map<string, LabAction>();
  for (const trigger of triggers) {
    for (const a of table[trigger]) if (!byCode.has(a.code)) byCode.set(a.code, a);
  }
  return [...byCode.values()];
}
