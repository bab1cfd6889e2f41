import { Temporal } from 'temporal-polyfill';
import { endOfDay, minDate } from '../../../calendar/index.js';
import type { Decision, NextStep } from '../../decision.js';
import type { DispenseFacts } from '../../events.js';
import { Findings } from '../../findings.js';
import { eventsOf, riskOn } from '../../timeline.js';
import { checkChildbearingPotential } from './ppp-childbearing.js';
import { checkOpenCourse, checkPendingResults, checkPositiveTests, dispensesOfPrescription } from './ppp-checks.js';
import type { PppState } from './ppp-model.js';
import { daysOfTreatmentExceed, EU1_MAX_DAYS_OF_TREATMENT, formatDaysOfTreatment, lastDayToDispense } from './ppp-rules.js';
import { ofChildbearingPotential } from './ppp-state.js';

function afterSteps(state: PppState): NextStep[] {
  const steps: NextStep[] = [
    { who: 'patient', code: 'never_share', ruleId: 'EU5', text: 'Never share isotretinoin; return unused capsules to the pharmacy.' },
  ];
  if (ofChildbearingPotential(state)) {
    steps.push(
      { who: 'patient', code: 'keep_contraception', ruleId: 'EU4', text: 'Keep using your contraception every day, and for one month after the last dose.' },
      { who: 'clinic', code: 'next_pregnancy_test', ruleId: 'EU3', text: 'Next pregnancy test on the day of the next prescription or in the 3 days before it.' },
    );
  }
  return steps;
}

/** May this pharmacy dispense against this authorization now (EU1, EU2, EU5, DECISIONS 6-8)? */
export function decideDispense(state: PppState, d: DispenseFacts): Decision {
  const f = new Findings();
  const decision = (steps: NextStep[] = []): Decision =>
    f.toDecision({ pack: state.pack, action: state.programCase.action, actionDate: state.actionDay, allowedSteps: steps });
  const authorization = eventsOf(state.timeline, 'authorization_issued').find((a) => a.id === d.authorizationId);
  if (authorization === undefined) {
    f.require({
      code: 'authorization_not_issued',
      ruleId: 'EU2',
      staff: `Authorization ${d.authorizationId} was not issued at this instant.`,
      patient: 'There is no authorization for this prescription yet.',
      earliest: state.clinicDay,
    });
    return decision();
  }
  const rx = eventsOf(state.timeline, 'prescription').find((p) => p.id === authorization.prescriptionId);
  if (eventsOf(state.timeline, 'authorization_reversed').some((r) => r.authorizationId === authorization.id)) {
    f.require({
      code: 'authorization_reversed',
      ruleId: 'EU2',
      staff: `Authorization ${authorization.id} was cancelled.`,
      patient: 'This authorization was cancelled; a new one is needed.',
      earliest: state.clinicDay,
    });
  }
  if (eventsOf(state.timeline, 'dispense').some((x) => x.authorizationId === authorization.id)) {
    f.require({
      code: 'authorization_already_used',
      ruleId: 'DECISION-6',
      staff: `Authorization ${authorization.id} already covered a dispense; one authorization covers exactly one dispense.`,
      patient: 'This authorization has already been used.',
    });
  } else if (rx !== undefined && dispensesOfPrescription(state, rx.id).length > 0) {
    f.require({
      code: 'prescription_already_dispensed',
      ruleId: 'DECISION-7',
      staff: `Prescription ${rx.id} was already dispensed; a second dispense is always refused.`,
      patient: 'This prescription has already been filled.',
    });
  }
  // EU2 holds even if an authorization was recorded with a later last day than the prescription allows
  const lastDay = rx === undefined ? authorization.lastDayToCollect : minDate(authorization.lastDayToCollect, lastDayToDispense(rx.writtenOn));
  if (Temporal.Instant.compare(state.timeline.at, endOfDay(lastDay, state.zone)) > 0) {
    f.require({
      code: 'authorization_expired',
      ruleId: 'EU2',
      staff: `Authorization ${authorization.id} ended on ${lastDay.toString()} at 23:59 (${state.zone}): dispensing is within 7 days of the prescription date.`,
      patient: `The last day to collect was ${lastDay.toString()}.`,
      step: { who: 'pharmacy', text: 'Cancel the authorization; a new prescription is needed.', from: state.clinicDay.toString() },
    });
  }
  const issuedRisk = riskOn(state.timeline, authorization.at.toZonedDateTimeISO(state.zone).toPlainDate());
  if (issuedRisk.category !== 'can_get_pregnant' && ofChildbearingPotential(state)) {
    f.require({
      code: 'risk_category_changed_since_authorization',
      ruleId: 'DECISION-RISK-CHANGE',
      staff: 'The patient became of childbearing potential after this authorization; the pre-treatment sequence restarts first.',
      patient: 'Because your situation changed, new steps are needed before this prescription can be given.',
      step: { who: 'pharmacy', text: 'Cancel the authorization.', from: state.clinicDay.toString() },
    });
  }
  checkChildbearingPotential(state, f);
  checkOpenCourse(state, f);
  if (d.pharmacistChecklistCompleted !== true) {
    f.require({
      code: 'pharmacist_checklist_not_completed',
      ruleId: 'EU5',
      staff: 'The pharmacist checklist is not recorded as completed for this dispense (required at every dispense).',
      patient: 'The pharmacist must complete a short checklist with you before giving you the medicine.',
      earliest: state.clinicDay,
      step: { who: 'pharmacy', text: 'Complete the pharmacist checklist and record it.', from: state.clinicDay.toString() },
    });
  }
  if (rx !== undefined && ofChildbearingPotential(state) && daysOfTreatmentExceed(d.quantity, rx.strengthMg, rx.dailyMg, EU1_MAX_DAYS_OF_TREATMENT)) {
    f.require({
      code: 'days_of_treatment_over_30',
      ruleId: 'EU1',
      staff: `This dispense covers ${formatDaysOfTreatment(d.quantity, rx.strengthMg, rx.dailyMg)} days of treatment; the maximum is 30 days.`,
      patient: 'A dispense can cover at most 30 days of treatment.',
      earliest: state.clinicDay,
    });
  }
  checkPositiveTests(state, f);
  checkPendingResults(state, f);
  return decision(afterSteps(state));
}
