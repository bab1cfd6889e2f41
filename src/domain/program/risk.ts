import type { LocalDate } from '../calendar/index.js';

/**
 * Risk category (US wording since 2021-12-13; EU/UK "childbearing potential"). `unknown` is a
 * legal value so that missing data can be recorded, and it always blocks (DECISION 8).
 */
export const RISK_CATEGORIES = ['can_get_pregnant', 'cannot_get_pregnant', 'unknown'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** Why a patient is (or is not) considered able to get pregnant (program-rules section 2). */
export type RiskBasis =
  /** Uterus and both ovaries removed (the US definition of total hysterectomy). */
  | { readonly kind: 'total_hysterectomy' }
  /** Uterus removed, ovaries kept or not recorded. */
  | { readonly kind: 'hysterectomy' }
  | { readonly kind: 'bilateral_oophorectomy' }
  /** Consecutive months without menses, counted on `assessment.confirmedOn`. */
  | { readonly kind: 'post_menopausal'; readonly consecutiveMonths: number }
  /** A contraception method in the US, never a reason for "cannot get pregnant" there. */
  | { readonly kind: 'tubal_ligation' }
  | { readonly kind: 'pre_menarche' }
  /** Born without a uterus (including patients assigned male at birth). */
  | { readonly kind: 'no_uterus_from_birth' }
  | { readonly kind: 'other'; readonly description: string };

export type RiskBasisKind = RiskBasis['kind'];

export const CONFIRMERS = ['prescriber', 'health_professional', 'patient_report'] as const;
/** Who confirmed the category (UK pharmacist checklist: confirmed by a health professional). */
export type Confirmer = (typeof CONFIRMERS)[number];

export interface RiskAssessment {
  readonly category: RiskCategory;
  readonly basis: readonly RiskBasis[];
  readonly confirmedBy?: Confirmer | undefined;
  readonly confirmedOn?: LocalDate | undefined;
}
