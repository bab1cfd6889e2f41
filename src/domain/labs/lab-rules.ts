/**
 * Rule ids of the lab engine. Each has a page `docs/rules/<id>.md` with its statement, source
 * (clinical-rules.md section 2), boundaries, configuration and the tests that prove it.
 */
export const LAB_RULE = {
  triglycerides: 'LAB-TG',
  cholesterol: 'LAB-CHOL',
  liver: 'LAB-ALT-AST',
  actions: 'LAB-ACTIONS',
  pregnancy: 'LAB-PREG',
  schedule: 'LAB-SCHEDULE',
  codes: 'LAB-CODES',
} as const;

export type LabRuleId = (typeof LAB_RULE)[keyof typeof LAB_RULE];
