/**
 * Rule ids of the dosing engine. Each has a page `docs/rules/<id>.md` with its statement, source
 * (clinical-rules.md section 1 and 8), boundaries, configuration and the tests that prove it.
 */
export const DOSE_RULE = {
  catalogue: 'DOSE-CATALOGUE',
  target: 'DOSE-TARGET',
  nearest: 'DOSE-NEAREST',
  capsules: 'DOSE-CAPSULES',
  plan: 'DOSE-PLAN',
  endDate: 'DOSE-END-DATE',
  range: 'DOSE-RANGE',
  maximum: 'DOSE-MAX',
  onceDaily: 'DOSE-ONCE-DAILY',
  retreat: 'DOSE-RETREAT',
  food: 'DOSE-FOOD',
  courseLength: 'DOSE-COURSE-LENGTH',
  cumulative: 'DOSE-CUMULATIVE',
  ldEquivalent: 'DOSE-LD-EQUIVALENT',
} as const;

export type DoseRuleId = (typeof DOSE_RULE)[keyof typeof DOSE_RULE];

export type DoseWarningCode =
  | 'dose_not_exact'
  | 'above_daily_mg_bound'
  | 'below_usual_range'
  | 'above_usual_range'
  | 'above_maximum'
  | 'maximum_unknown'
  | 'once_daily_not_recommended'
  | 'retreatment_too_early'
  | 'take_with_food'
  | 'course_shorter_than_usual'
  | 'course_longer_than_usual'
  | 'target_reached_before_final_phase'
  | 'ld_equivalence_unsettled';

/**
 * A finding of the dose engine. Never an exception: the plan is still produced and every
 * finding is listed (architecture convention 2).
 */
export interface DoseWarning {
  readonly code: DoseWarningCode;
  readonly ruleId: DoseRuleId;
  readonly message: string;
  /** Index of the plan phase it concerns; the final phase has index `phases.length`. */
  readonly phaseIndex?: number;
  /** The earliest date on which the finding would no longer apply, when such a date exists. */
  readonly earliestDate?: string;
}
