import { compareDates, date } from '../../../calendar/index.js';
import type { Decision, PackRef } from '../../decision.js';
import { US_PROGRAMME_ZONE } from '../../jurisdiction.js';
import type { ProgramCase } from '../../program-case.js';
import type { RiskAssessment } from '../../risk.js';
import type { InputIssue, PackContext, RulePack } from '../pack.js';
import { decideIssueAuthorization } from './us-authorization.js';
import { decideDispense } from './us-dispense.js';
import { decideEnroll, decideStartCourse, decideWritePrescription } from './us-enrollment.js';
import { decideFinishCourse } from './us-finish.js';
import { decideRecordTest } from './us-record-test.js';
import { planUsFirstCourse } from './us-calendar.js';
import { planUsPickup } from './us-plan.js';
import type { UsVariant } from './us-rules.js';
import { usState } from './us-state.js';

/**
 * Program-rules section 2: choosing "cannot get pregnant" for a patient whose only recorded basis
 * is tubal ligation is a validation error in the US (tubal ligation is a primary method there).
 */
function tubalOnlyIssue(assessment: RiskAssessment, field: string): InputIssue | undefined {
  const onlyTubal = assessment.basis.length > 0 && assessment.basis.every((b) => b.kind === 'tubal_ligation');
  if (assessment.category !== 'cannot_get_pregnant' || !onlyTubal) return undefined;
  return {
    code: 'tubal_ligation_is_not_cannot_get_pregnant',
    field,
    message:
      'in the US, tubal ligation alone does not make a patient "cannot get pregnant": it is a primary contraception method (record the patient as can get pregnant)',
  };
}

/** E cannot precede the 2021 program it ends (program-rules section 1). */
const US_2021_START = date('2021-12-13');

export function validateUsCase(programCase: ProgramCase): InputIssue[] {
  const issues: InputIssue[] = [];
  if (compareDates(programCase.clinic.settings.usModificationDate, US_2021_START) <= 0) {
    issues.push({
      code: 'modification_date_too_early',
      field: 'clinic.settings.usModificationDate',
      message: `the 2026 modification date E must be after ${US_2021_START.toString()}, the start of the 2021 program`,
    });
  }
  const initial = tubalOnlyIssue(programCase.patient.risk, 'patient.risk.basis');
  if (initial !== undefined) issues.push(initial);
  programCase.events.forEach((event, index) => {
    if (event.kind !== 'risk_category_changed') return;
    const issue = tubalOnlyIssue(event.assessment, `events.${index}.assessment.basis`);
    if (issue !== undefined) issues.push(issue);
  });
  return issues;
}

export function decideUs(programCase: ProgramCase, context: PackContext, pack: PackRef): Decision {
  const state = usState(programCase, context);
  const ctx = { pack };
  const action = programCase.action;
  switch (action.kind) {
    case 'enroll':
      return decideEnroll(state, ctx, action.prescriberId);
    case 'record_pregnancy_test':
      return decideRecordTest(state, ctx, action.test);
    case 'write_prescription':
      return decideWritePrescription(state, ctx, action.prescription);
    case 'issue_authorization':
      return decideIssueAuthorization(state, ctx, action.prescriptionId);
    case 'dispense':
      return decideDispense(state, ctx, action.dispense);
    case 'start_course':
      return decideStartCourse(state, ctx, action.prescriberId);
    case 'finish_course':
      return decideFinishCourse(state, ctx);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/** Builds one dated US pack from its variant; the two US packs share every rule but US9-US11. */
export function usPack(variant: UsVariant, title: string, version: string): RulePack {
  const ref: PackRef = { id: variant.id, version, jurisdiction: 'US', zone: US_PROGRAMME_ZONE };
  return {
    id: variant.id,
    version,
    title,
    validate: validateUsCase,
    decide: (programCase, context) => decideUs(programCase, context, ref),
    planPickup: (programCase, request, context) => planUsPickup(programCase, request, context, ref),
    planFirstCourse: (_programCase, request, context) => planUsFirstCourse(request, context, ref),
  };
}
