import { Temporal } from 'temporal-polyfill';
import { endOfDay, localDateOf } from '../../../calendar/index.js';
import type { EventOf, PrescriptionFacts } from '../../events.js';
import type { Findings } from '../../findings.js';
import { eventsOf } from '../../timeline.js';
import type { PppState } from './ppp-model.js';
import {
  daysOfTreatmentExceed,
  EU1_MAX_DAYS_OF_TREATMENT,
  EU1_UK_FORMULARY_DAYS,
  formatDaysOfTreatment,
  MAX_REFILLS,
} from './ppp-rules.js';
import { ofChildbearingPotential, openCourse, testDay } from './ppp-state.js';

/**
 * Checks shared by several EU/UK actions. Each adds every unmet requirement it finds to the
 * findings and never stops the others (DECISION 9).
 */

/** Program-rules section 0: the product is the PPP, so a patient is enrolled in it before any course. */
export function checkEnrolled(state: PppState, f: Findings): void {
  if (eventsOf(state.timeline, 'enrollment').length > 0) return;
  f.require({
    code: 'patient_not_enrolled',
    ruleId: 'EU5',
    staff: 'The patient is not enrolled in the pregnancy prevention programme of this product.',
    patient: 'You are not enrolled in the pregnancy prevention programme yet.',
    earliest: state.clinicDay,
    step: { who: 'clinic', text: 'Enroll the patient in the pregnancy prevention programme.', from: state.clinicDay.toString() },
  });
}

/** A stopped or missing course allows nothing more (DECISION-SECOND-COURSE). */
export function checkOpenCourse(state: PppState, f: Findings): void {
  if (openCourse(state) !== undefined) return;
  const stopped = state.course?.stoppedOn;
  f.require({
    code: stopped === undefined ? 'no_open_course' : 'course_stopped',
    ruleId: 'DECISION-SECOND-COURSE',
    staff:
      stopped === undefined
        ? 'No course has been started for this patient.'
        : `The course was stopped on ${stopped.toString()}; a new course (with the full pre-treatment sequence) must be started.`,
    patient: 'Your treatment course is not open; your clinic must start a course first.',
    earliest: state.clinicDay,
    step: { who: 'clinic', text: 'Start a course (the full pre-treatment sequence follows).', from: state.clinicDay.toString() },
  });
}

/** DECISION 6: open = issued, not reversed, not dispensed, and its last day not over. */
export function isOpenAuthorization(state: PppState, authorization: EventOf<'authorization_issued'>): boolean {
  const reversed = eventsOf(state.timeline, 'authorization_reversed').some((r) => r.authorizationId === authorization.id);
  const dispensed = eventsOf(state.timeline, 'dispense').some((d) => d.authorizationId === authorization.id);
  const expired = Temporal.Instant.compare(state.timeline.at, endOfDay(authorization.lastDayToCollect, state.zone)) > 0;
  return !reversed && !dispensed && !expired;
}

/** EU3 steps after a positive test: stop, cancel, refer, report. */
export function addPositiveTestSteps(state: PppState, f: Findings): void {
  const open = eventsOf(state.timeline, 'authorization_issued').filter((a) => isOpenAuthorization(state, a));
  const today = state.clinicDay.toString();
  f.step({ who: 'patient', code: 'stop_drug_now', ruleId: 'EU3', text: 'Stop taking isotretinoin at once.', by: today });
  f.step({
    who: 'clinic',
    code: 'reverse_open_authorizations',
    ruleId: 'EU3',
    text: open.length === 0 ? 'Block every authorization (none is open now).' : `Cancel every open authorization: ${open.map((a) => a.id).join(', ')}.`,
    by: today,
  });
  f.step({ who: 'clinic', code: 'refer_to_teratology', ruleId: 'EU3', text: 'Refer the patient to a physician specialised or experienced in teratology.', by: today });
  f.step({ who: 'clinic', code: 'report_pregnancy', ruleId: 'EU3', text: state.variant.pregnancyReporting, by: today });
}

/** A positive test blocks everything until the course is stopped or the patient re-qualified. */
export function checkPositiveTests(state: PppState, f: Findings): void {
  for (const positive of state.blockingPositives) {
    f.require({
      code: 'positive_pregnancy_test',
      ruleId: 'EU3',
      staff: `Positive pregnancy test ${positive.id} collected on ${testDay(positive, state.zone).toString()}: nothing can be prescribed, authorized or dispensed until the course is recorded as stopped or the patient is re-qualified.`,
      patient: 'Your pregnancy test was positive. Stop taking isotretinoin now and contact your clinic today.',
    });
  }
  if (state.blockingPositives.length > 0) addPositiveTestSteps(state, f);
}

export function checkPendingResults(state: PppState, f: Findings): void {
  for (const test of state.pendingTests) {
    f.require({
      code: 'pregnancy_test_result_unknown',
      ruleId: 'DECISION-8',
      staff: `The result of pregnancy test ${test.id} (${testDay(test, state.zone).toString()}) is not recorded; an unknown result blocks.`,
      patient: 'The result of one of your pregnancy tests has not been recorded yet.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: `Record the result of pregnancy test ${test.id}.`, from: state.clinicDay.toString() },
    });
  }
}

/** EU1 (30 days for patients of childbearing potential, UK 28-day note) and DECISION 7 (no refills). */
export function checkPrescriptionLimits(state: PppState, f: Findings, rx: PrescriptionFacts): void {
  const step = { who: 'clinic' as const, text: 'Write a new prescription: at most 30 days of treatment, no refills.', from: state.clinicDay.toString() };
  const days = formatDaysOfTreatment(rx.quantity, rx.strengthMg, rx.dailyMg);
  const childbearing = ofChildbearingPotential(state);
  if (childbearing && daysOfTreatmentExceed(rx.quantity, rx.strengthMg, rx.dailyMg, EU1_MAX_DAYS_OF_TREATMENT)) {
    f.require({
      code: 'days_of_treatment_over_30',
      ruleId: 'EU1',
      staff: `Prescription ${rx.id} covers ${days} days of treatment (${rx.quantity} x ${rx.strengthMg} mg at ${rx.dailyMg} mg/day); the maximum is 30 days for a patient of childbearing potential.`,
      patient: 'A prescription can cover at most 30 days of treatment.',
      earliest: state.clinicDay,
      step,
    });
  } else if (childbearing && state.variant.formulary28DaysWarning && daysOfTreatmentExceed(rx.quantity, rx.strengthMg, rx.dailyMg, EU1_UK_FORMULARY_DAYS)) {
    f.warn(
      'uk_formulary_28_days',
      'EU1',
      `Prescription ${rx.id} covers ${days} days of treatment: allowed (at most 30), but some UK formularies limit it to 28 days.`,
      'Your prescription covers more than 28 days; some pharmacies may supply 28 days only.',
    );
  }
  if (rx.refills > MAX_REFILLS) {
    f.require({
      code: 'refills_not_allowed',
      ruleId: 'DECISION-7',
      staff: `Prescription ${rx.id} has ${rx.refills} refill(s); a prescription with refills is refused as written.`,
      patient: 'Isotretinoin prescriptions cannot have refills; your prescriber must write a new one each month.',
      earliest: state.clinicDay,
      step,
    });
  }
}

export function dispensesOfPrescription(state: PppState, prescriptionId: string): Array<EventOf<'dispense'>> {
  const authorizations = new Set(
    eventsOf(state.timeline, 'authorization_issued')
      .filter((a) => a.prescriptionId === prescriptionId)
      .map((a) => a.id),
  );
  return eventsOf(state.timeline, 'dispense').filter((d) => authorizations.has(d.authorizationId));
}

/** DECISION 6 (one open authorization per prescription) and DECISION 7 (one dispense per prescription). */
export function checkPrescriptionNotUsed(state: PppState, f: Findings, prescriptionId: string): void {
  for (const authorization of eventsOf(state.timeline, 'authorization_issued').filter((a) => a.prescriptionId === prescriptionId && isOpenAuthorization(state, a))) {
    f.require({
      code: 'authorization_already_open',
      ruleId: 'DECISION-6',
      staff: `Authorization ${authorization.id} for prescription ${prescriptionId} is still open (until ${authorization.lastDayToCollect.toString()}); it must be cancelled before another is issued.`,
      patient: 'Your prescription is already authorized at a pharmacy; that authorization must be cancelled first.',
      earliest: state.clinicDay,
      step: { who: 'pharmacy', text: `Cancel authorization ${authorization.id} if the patient will not collect there.`, from: state.clinicDay.toString() },
    });
  }
  for (const dispense of dispensesOfPrescription(state, prescriptionId)) {
    f.require({
      code: 'prescription_already_dispensed',
      ruleId: 'DECISION-7',
      staff: `Prescription ${prescriptionId} was already dispensed on ${localDateOf(dispense.at, state.zone).toString()} (${dispense.id}); a second dispense is always refused.`,
      patient: 'This prescription has already been filled; a new prescription is needed.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Write a new prescription for the next month.', from: state.clinicDay.toString() },
    });
  }
}
