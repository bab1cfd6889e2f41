import { Temporal } from 'temporal-polyfill';
import { compareDates, endOfDay, type LocalDate } from '../../../calendar/index.js';
import type { AuthorizationWindow, Decision, NextStep } from '../../decision.js';
import type { PrescriptionFacts } from '../../events.js';
import { Findings, zoned } from '../../findings.js';
import { eventsOf } from '../../timeline.js';
import { checkChildbearingPotential } from './ppp-childbearing.js';
import {
  checkEnrolled,
  checkOpenCourse,
  checkPendingResults,
  checkPositiveTests,
  checkPrescriptionLimits,
  checkPrescriptionNotUsed,
} from './ppp-checks.js';
import { checkAcknowledgementForm, checkReminderCard } from './ppp-documents.js';
import type { PppState, PrescriptionContext } from './ppp-model.js';
import { lastDayToDispense } from './ppp-rules.js';
import { checkTestAndContraception } from './ppp-sequence.js';
import { ofChildbearingPotential, openCourse } from './ppp-state.js';

/**
 * What every prescription needs, judged on `judgedOn` (the prescription date when it is written,
 * the action's day when it is authorized): EU1, DECISION 7, EU3, EU4, EU5, and the pack's own
 * checks (EU6, UK1, UK2) - the pack in force on the prescription date, so a prescription written
 * under `uk-mhra-2023` keeps the 2023 requirements when it is authorized after the switch.
 */
export function checkPrescriptionRequirements(state: PppState, f: Findings, rx: PrescriptionFacts, judgedOn: LocalDate): void {
  const p: PrescriptionContext = { rx, initialOfCourse: state.dispensesInCourse.length === 0, judgedOn };
  checkPrescriptionLimits(state, f, rx);
  if (ofChildbearingPotential(state)) {
    checkTestAndContraception(state, f, rx, judgedOn);
    checkReminderCard(state, f, judgedOn);
  }
  checkAcknowledgementForm(state, f, p);
  for (const check of state.variantOn(rx.writtenOn).prescriptionChecks) check(state, f, p);
}

function checkCommon(state: PppState, f: Findings): void {
  checkChildbearingPotential(state, f);
  checkEnrolled(state, f);
  checkOpenCourse(state, f);
  checkPositiveTests(state, f);
  checkPendingResults(state, f);
}

export function decideWritePrescription(state: PppState, rx: PrescriptionFacts): Decision {
  const f = new Findings();
  checkCommon(state, f);
  checkPrescriptionRequirements(state, f, rx, rx.writtenOn);
  const lastDay = lastDayToDispense(rx.writtenOn);
  return f.toDecision({
    pack: state.pack,
    action: state.programCase.action,
    actionDate: state.actionDay,
    allowedSteps: [
      { who: 'clinic', code: 'request_authorization', ruleId: 'EU2', text: 'Record the prescription and issue the dispense authorization.', from: rx.writtenOn.toString(), by: lastDay.toString() },
      { who: 'patient', code: 'collect_by', ruleId: 'EU2', text: `Collect within 7 days of the prescription date: by ${lastDay.toString()} 23:59 (${state.zone}).`, by: lastDay.toString() },
    ],
  });
}

function allowedSteps(state: PppState, lastDay: LocalDate): NextStep[] {
  const by = lastDay.toString();
  return [
    { who: 'pharmacy', code: 'complete_pharmacist_checklist', ruleId: 'EU5', text: 'Complete the pharmacist checklist before dispensing.', by },
    { who: 'patient', code: 'collect_by', ruleId: 'EU2', text: `Collect your prescription by ${by} 23:59 (${state.zone}).`, by },
    { who: 'pharmacy', code: 'reverse_if_not_collected', ruleId: 'EU2', text: 'If the patient does not collect by the last day, cancel the authorization.', from: by },
  ];
}

/** May an authorization be issued now for this recorded prescription (EU1-EU6, UK1-UK3, DECISIONS 6-8)? */
export function decideIssueAuthorization(state: PppState, prescriptionId: string): Decision {
  const f = new Findings();
  const decision = (window?: AuthorizationWindow, steps: NextStep[] = []): Decision =>
    f.toDecision({ pack: state.pack, action: state.programCase.action, actionDate: state.actionDay, window, allowedSteps: steps });
  const rx = eventsOf(state.timeline, 'prescription').find((p) => p.id === prescriptionId);
  if (rx === undefined) {
    f.require({
      code: 'prescription_not_recorded',
      ruleId: 'EU2',
      staff: `Prescription ${prescriptionId} is not recorded at this instant.`,
      patient: 'Your prescription has not been recorded yet.',
      earliest: state.clinicDay,
    });
    return decision();
  }
  checkCommon(state, f);
  const course = openCourse(state);
  if (course !== undefined && compareDates(rx.writtenOn, course.startedOn) < 0) {
    f.require({
      code: 'prescription_from_previous_course',
      ruleId: 'DECISION-SECOND-COURSE',
      staff: `Prescription ${rx.id} was written before the current course started (${course.startedOn.toString()}).`,
      patient: 'This prescription belongs to an earlier course.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Write a new prescription for this course.', from: state.clinicDay.toString() },
    });
  }
  checkPrescriptionNotUsed(state, f, rx.id);
  const lastDay = lastDayToDispense(rx.writtenOn);
  if (Temporal.Instant.compare(state.timeline.at, endOfDay(lastDay, state.zone)) > 0) {
    f.require({
      code: 'prescription_expired',
      ruleId: 'EU2',
      staff: `Prescription ${rx.id} of ${rx.writtenOn.toString()} had to be dispensed by ${lastDay.toString()} 23:59 (${state.zone}); a new prescription is needed.`,
      patient: `This prescription could be collected until ${lastDay.toString()}; your prescriber must write a new one.`,
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Write a new prescription (with a new pregnancy test when one is required).', from: state.clinicDay.toString() },
    });
  }
  checkPrescriptionRequirements(state, f, rx, state.clinicDay);
  if (state.riskRestartOn !== undefined && state.dispensesInPhase.length === 0) {
    f.warn(
      'risk_change_restarts_sequence',
      'DECISION-RISK-CHANGE',
      `The patient became of childbearing potential on ${state.riskRestartOn.toString()}: the pre-treatment sequence restarts before the next authorization.`,
      'Because your situation changed, contraception and pregnancy tests start again before your next prescription.',
    );
  }
  const window: AuthorizationWindow = {
    firstInstant: zoned(state.timeline.at, state.zone),
    lastInstant: zoned(endOfDay(lastDay, state.zone), state.zone),
    lastDayToCollect: lastDay.toString(),
  };
  return decision(window, allowedSteps(state, lastDay));
}
