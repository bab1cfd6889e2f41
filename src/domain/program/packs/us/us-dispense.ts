import { Temporal } from 'temporal-polyfill';
import { compareDates, endOfDay, addMonths, localDateOf, type LocalDate } from '../../../calendar/index.js';
import type { Decision } from '../../decision.js';
import type { DispenseFacts, EventOf } from '../../events.js';
import { Findings } from '../../findings.js';
import { eventsOf, riskOn } from '../../timeline.js';
import type { UsDecisionContext } from './us-decision-context.js';
import {
  checkOpenCourse,
  checkPendingResults,
  checkPharmacyCertified,
  checkPositiveTests,
  checkRiskCategory,
  daysSupplyExceeds,
  dispensesOfPrescription,
  formatDaysSupply,
} from './us-checks.js';
import { US1_MAX_DAYS_SUPPLY, US2_ACTIVATION_MONTHS } from './us-rules.js';
import { checkQualificationStillHolds } from './us-dispense-qualification.js';
import { openCourse, type UsState } from './us-state.js';

/** US2 CONVENTION: an activation on day A counts through A + 12 months - 1 day. */
export function activationLastDay(activatedOn: LocalDate): LocalDate {
  return addMonths(activatedOn, US2_ACTIVATION_MONTHS).subtract({ days: 1 });
}

function checkActivation(state: UsState, f: Findings, pharmacyId: string): void {
  const activations = eventsOf(state.timeline, 'pharmacy_activated').filter((a) => a.pharmacyId === pharmacyId);
  const latest = activations[activations.length - 1];
  if (latest !== undefined && compareDates(state.actionDay, activationLastDay(latest.on)) <= 0) return;
  f.require({
    code: latest === undefined ? 'pharmacy_not_activated' : 'pharmacy_activation_expired',
    ruleId: 'US2',
    staff:
      latest === undefined
        ? `Pharmacy ${pharmacyId} has no recorded iPLEDGE activation.`
        : `The yearly activation of pharmacy ${pharmacyId} (${latest.on.toString()}) ran out on ${activationLastDay(latest.on).toString()}.`,
    patient: 'This pharmacy must renew its iPLEDGE activation before it can dispense.',
    earliest: state.clinicDay,
    step: { who: 'pharmacy', text: 'Re-activate the pharmacy in iPLEDGE.', from: state.clinicDay.toString() },
  });
}

function checkRma(state: UsState, f: Findings, d: DispenseFacts): void {
  const step = { who: 'pharmacy' as const, text: 'Obtain the RMA from iPLEDGE and record it with its DND date.', from: state.actionDay.toString() };
  if (d.rmaNumber === undefined || d.rmaNumber.trim() === '') {
    f.require({
      code: 'rma_missing',
      ruleId: 'US13',
      staff: 'No iPLEDGE RMA number is recorded for this dispense.',
      patient: 'The pharmacy must get an authorization number from iPLEDGE before giving you the medicine.',
      earliest: state.actionDay,
      step,
    });
  }
  if (d.dndDate === undefined) {
    f.require({
      code: 'dnd_date_missing',
      ruleId: 'US13',
      staff: 'The "Do Not Dispense To Patient After" date is not recorded.',
      patient: 'The pharmacy must record the last day you may collect.',
      earliest: state.actionDay,
      step,
    });
  } else if (Temporal.Instant.compare(state.timeline.at, endOfDay(d.dndDate, state.zone)) > 0) {
    f.require({
      code: 'dnd_date_passed',
      ruleId: 'US13',
      staff: `The iPLEDGE DND date ${d.dndDate.toString()} has passed (23:59 New York time).`,
      patient: 'The last day to collect this prescription has passed.',
      step: { who: 'pharmacy', text: 'Reverse the RMA and return the stock.', from: state.actionDay.toString() },
    });
  }
  if (d.medicationGuideGiven !== true) {
    f.require({
      code: 'medication_guide_not_given',
      ruleId: 'US13',
      staff: 'The Medication Guide must be given with every dispense (not recorded as given).',
      patient: 'The pharmacist must give you the Medication Guide.',
      earliest: state.actionDay,
      step: { who: 'pharmacy', text: 'Give the Medication Guide and record it.', from: state.actionDay.toString() },
    });
  }
}

type Authorization = EventOf<'authorization_issued'>;

/** DECISION 6/7, US7, DECISION-RISK-CHANGE: the authorization itself can still be dispensed against. */
function checkAuthorization(state: UsState, f: Findings, authorization: Authorization): void {
  const rx = prescriptionOf(state, authorization);
  if (eventsOf(state.timeline, 'authorization_reversed').some((r) => r.authorizationId === authorization.id)) {
    f.require({
      code: 'authorization_reversed',
      ruleId: 'US13',
      staff: `Authorization ${authorization.id} was reversed.`,
      patient: 'This authorization was cancelled; a new one is needed.',
      earliest: state.actionDay,
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
  if (Temporal.Instant.compare(state.timeline.at, endOfDay(authorization.lastDayToCollect, state.zone)) > 0) {
    f.require({
      code: 'authorization_expired',
      ruleId: 'US7',
      staff: `Authorization ${authorization.id} expired on ${authorization.lastDayToCollect.toString()} at 23:59 New York time.`,
      patient: `The last day to collect was ${authorization.lastDayToCollect.toString()}.`,
      step: { who: 'pharmacy', text: 'Reverse the authorization and return the stock (US13).', from: state.actionDay.toString() },
    });
  }
  const course = openCourse(state);
  const issuedOn = localDateOf(authorization.at, state.programCase.clinic.timeZone);
  if (course !== undefined && compareDates(issuedOn, course.startedOn) < 0) {
    f.require({
      code: 'authorization_from_previous_course',
      ruleId: 'DECISION-SECOND-COURSE',
      staff: `Authorization ${authorization.id} (${issuedOn.toString()}) belongs to a course stopped before the current one started (${course.startedOn.toString()}); the new course needs its own sequence and authorization.`,
      patient: 'This authorization belongs to an earlier course; a new one is needed.',
      step: { who: 'pharmacy', text: `Reverse authorization ${authorization.id} and return the stock.`, from: state.actionDay.toString() },
    });
  }
  const issuedRisk = riskOn(state.timeline, authorization.at.toZonedDateTimeISO(state.programCase.clinic.timeZone).toPlainDate());
  if (issuedRisk.category !== 'can_get_pregnant' && state.risk.category === 'can_get_pregnant') {
    f.require({
      code: 'risk_category_changed_since_authorization',
      ruleId: 'DECISION-RISK-CHANGE',
      staff: 'The patient became "can get pregnant" after this authorization; the pre-treatment sequence restarts first.',
      patient: 'Because your situation changed, new steps are needed before this prescription can be given.',
      step: { who: 'pharmacy', text: 'Reverse the authorization.', from: state.actionDay.toString() },
    });
  }
}

/** US13 and US1: the quantity handed over is the prescribed one, at most 30 days. */
function checkQuantity(state: UsState, f: Findings, authorization: Authorization, d: DispenseFacts): void {
  const rx = prescriptionOf(state, authorization);
  if (rx === undefined) return;
  if (d.quantity !== rx.quantity) {
    f.require({
      code: 'quantity_mismatch',
      ruleId: 'US13',
      staff: `Dispensed quantity ${d.quantity} differs from the prescribed ${rx.quantity}: reverse and re-authorize with the right quantity.`,
      patient: 'The pharmacy must correct the quantity before giving you the medicine.',
      earliest: state.actionDay,
      step: { who: 'pharmacy', text: 'Reverse the authorization and re-authorize with the prescribed quantity.', from: state.actionDay.toString() },
    });
  }
  if (daysSupplyExceeds(d.quantity, rx.strengthMg, rx.dailyMg, US1_MAX_DAYS_SUPPLY)) {
    f.require({
      code: 'days_supply_over_30',
      ruleId: 'US1',
      staff: `This dispense is a ${formatDaysSupply(d.quantity, rx.strengthMg, rx.dailyMg)}-day supply; the maximum is 30 days.`,
      patient: 'A dispense can cover at most 30 days of treatment.',
      earliest: state.actionDay,
    });
  }
}

function prescriptionOf(state: UsState, authorization: Authorization): EventOf<'prescription'> | undefined {
  return eventsOf(state.timeline, 'prescription').find((p) => p.id === authorization.prescriptionId);
}

export function decideDispense(state: UsState, ctx: UsDecisionContext, d: DispenseFacts): Decision {
  const f = new Findings();
  const authorization = eventsOf(state.timeline, 'authorization_issued').find((a) => a.id === d.authorizationId);
  // DECISION 9: a missing authorization is one unmet requirement among the others, never a shortcut
  if (authorization === undefined) {
    f.require({
      code: 'authorization_not_issued',
      ruleId: 'US13',
      staff: `Authorization ${d.authorizationId} was not issued at this instant.`,
      patient: 'There is no authorization for this prescription yet.',
      earliest: state.actionDay,
    });
  } else {
    checkAuthorization(state, f, authorization);
  }
  checkRiskCategory(state, f);
  checkOpenCourse(state, f);
  checkPharmacyCertified(state, f, d.pharmacyId, state.actionDay);
  checkActivation(state, f, d.pharmacyId);
  checkRma(state, f, d);
  if (authorization !== undefined) {
    checkQuantity(state, f, authorization, d);
    checkQualificationStillHolds(state, f, authorization);
  }
  checkPositiveTests(state, f);
  checkPendingResults(state, f);
  return f.toDecision({
    pack: ctx.pack,
    action: state.programCase.action,
    actionDate: state.actionDay,
    allowedSteps: [
      { who: 'pharmacy', code: 'give_medication_guide', ruleId: 'US13', text: 'Give the Medication Guide with the medicine.' },
      {
        who: 'patient',
        code: 'never_share_no_blood_donation',
        ruleId: 'US12',
        text: 'Never share isotretinoin; do not donate blood during treatment and for one month after.',
      },
    ],
  });
}
