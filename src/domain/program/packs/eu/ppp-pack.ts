import type { Decision, PackRef } from '../../decision.js';
import type { ProgramCase } from '../../program-case.js';
import type { PackContext, RulePack } from '../pack.js';
import { decideEnroll, decideFinishCourse, decideStartCourse } from './ppp-course.js';
import { decideDispense } from './ppp-dispense.js';
import { variantLookup, type PppFamily } from './ppp-family.js';
import type { PppVariant } from './ppp-model.js';
import { decideIssueAuthorization, decideWritePrescription } from './ppp-prescription.js';
import { decideRecordTest } from './ppp-record-test.js';
import { pppState } from './ppp-state.js';
import { planPppFirstCourse } from './ppp-calendar.js';
import { planPppPickup } from './ppp-plan.js';

export function decidePpp(programCase: ProgramCase, context: PackContext, variant: PppVariant, family: PppFamily, version: string): Decision {
  const variantOn = variantLookup(family, programCase);
  const pack: PackRef = { id: variant.id, version, jurisdiction: programCase.jurisdiction, zone: context.zone };
  const state = pppState(programCase, context, pack, variantOn);
  const action = programCase.action;
  switch (action.kind) {
    case 'enroll':
      return decideEnroll(state);
    case 'record_pregnancy_test':
      return decideRecordTest(state, action.test);
    case 'write_prescription':
      return decideWritePrescription(state, action.prescription);
    case 'issue_authorization':
      return decideIssueAuthorization(state, action.prescriptionId);
    case 'dispense':
      return decideDispense(state, action.dispense);
    case 'start_course':
      return decideStartCourse(state);
    case 'finish_course':
      return decideFinishCourse(state);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/**
 * Builds one dated EU/UK pack. `family` lists every pack of its jurisdiction so that facts are
 * judged by the pack of their own date; `variant` is the one this pack stands for.
 */
export function pppPack(variant: PppVariant, family: PppFamily, title: string, version: string): RulePack {
  return {
    id: variant.id,
    version,
    title,
    validate: () => [],
    decide: (programCase, context) => decidePpp(programCase, context, variant, family, version),
    planPickup: (programCase, request, context) => planPppPickup(programCase, request, context, variant, family, version),
    planFirstCourse: (programCase, request, context) => planPppFirstCourse(programCase, request, context, variant, family, version),
  };
}
