import { addMonths, compareDates, maxDate, type LocalDate } from '../../../calendar/index.js';
import type { CourseEndSummary, Decision, NextStep } from '../../decision.js';
import { Findings } from '../../findings.js';
import { eventsOf } from '../../timeline.js';
import { checkChildbearingPotential } from './ppp-childbearing.js';
import { checkEnrolled, checkOpenCourse, checkPendingResults, checkPositiveTests } from './ppp-checks.js';
import { exemptionOn, warnExemptionApplied } from './ppp-contraception.js';
import type { PppState } from './ppp-model.js';
import { EU4_CONTRACEPTION_MONTHS_AFTER, EU4_CONTRACEPTION_MONTHS_BEFORE, finalTestFrom } from './ppp-rules.js';
import { phaseTests } from './ppp-sequence.js';
import { ofChildbearingPotential, openCourse, testDay } from './ppp-state.js';
import { assessTest, isValidNegative } from './ppp-tests.js';

/** The sequence before a course's first prescription, from today (EU3-EU5 and the pack's own steps). */
export function preTreatmentSteps(state: PppState): NextStep[] {
  const today = state.clinicDay.toString();
  const steps: NextStep[] = [];
  if (ofChildbearingPotential(state)) {
    const test = addMonths(state.clinicDay, EU4_CONTRACEPTION_MONTHS_BEFORE).toString();
    steps.push(
      { who: 'patient', code: 'start_contraception', ruleId: 'EU4', text: 'Start effective contraception (one highly effective method, or a hormonal method plus a barrier).', from: today },
      { who: 'clinic', code: 'reminder_card', ruleId: 'EU5', text: 'Give the patient reminder card.', from: today },
      { who: 'clinic', code: 'initial_pregnancy_test', ruleId: 'EU3', text: 'Medically supervised pregnancy test, at least one calendar month after contraception began.', from: test },
    );
  }
  if (state.variant.acknowledgementFormFor === 'all_patients' || ofChildbearingPotential(state)) {
    steps.push({ who: 'clinic', code: 'acknowledgement_form', ruleId: 'EU5', text: 'Patient and prescriber sign the acknowledgement form before the first prescription.', from: today });
  }
  const own = state.variant.prescriptionSteps(state.jurisdiction, true, ofChildbearingPotential(state));
  steps.push(...own.map((s) => ({ ...s, from: today })), {
    who: 'clinic',
    code: 'first_prescription',
    ruleId: 'EU1',
    text: ofChildbearingPotential(state)
      ? 'Write the first prescription (at most 30 days) on the test day or within the 3 days after it; dispense within 7 days.'
      : 'Write the first prescription; dispense within 7 days.',
  });
  return steps;
}

export function decideEnroll(state: PppState): Decision {
  const f = new Findings();
  checkChildbearingPotential(state, f);
  checkPositiveTests(state, f);
  checkPendingResults(state, f);
  if (eventsOf(state.timeline, 'enrollment').length > 0) {
    f.warn('already_enrolled', 'EU5', 'The patient is already enrolled.', 'You are already enrolled.');
  }
  return f.toDecision({ pack: state.pack, action: state.programCase.action, actionDate: state.actionDay, allowedSteps: preTreatmentSteps(state) });
}

export function decideStartCourse(state: PppState): Decision {
  const f = new Findings();
  checkEnrolled(state, f);
  checkChildbearingPotential(state, f);
  const open = openCourse(state);
  if (open !== undefined) {
    f.require({
      code: 'course_already_open',
      ruleId: 'DECISION-SECOND-COURSE',
      staff: `A course started on ${open.startedOn.toString()} is still open; finish or stop it first.`,
      patient: 'Your current course must be finished before a new one starts.',
    });
  }
  checkPositiveTests(state, f);
  checkPendingResults(state, f);
  if (state.courses.length > 0) {
    f.warn(
      'second_course_full_sequence',
      'DECISION-SECOND-COURSE',
      'A new course needs the full pre-treatment sequence again (one month of contraception, supervised test, new forms and card).',
      'A new course starts with the same steps as your first one.',
    );
  }
  return f.toDecision({ pack: state.pack, action: state.programCase.action, actionDate: state.actionDay, allowedSteps: preTreatmentSteps(state) });
}

/** EU3 final test and EU4 contraception after the last dose, for a patient of childbearing potential. */
function childbearingEnd(state: PppState, f: Findings, lastDose: LocalDate): CourseEndSummary {
  const from = finalTestFrom(state.jurisdiction, lastDose);
  const done = phaseTests(state).some((t) => compareDates(testDay(t, state.zone), from) >= 0 && isValidNegative(t, assessTest(state, t, 'post_treatment')));
  const until = addMonths(lastDose, EU4_CONTRACEPTION_MONTHS_AFTER);
  if (!done) {
    const earliest = maxDate(from, state.clinicDay);
    f.require({
      code: 'post_treatment_test_missing',
      ruleId: 'EU3',
      staff: `The final pregnancy test is due ${state.jurisdiction === 'EU-FR' ? '5 weeks' : 'one calendar month'} after the last dose, from ${from.toString()}.`,
      patient: `You need a final pregnancy test on or after ${from.toString()}.`,
      earliest,
      step: { who: 'clinic', text: 'Do the final pregnancy test.', from: earliest.toString() },
    });
  }
  if (compareDates(state.clinicDay, until) < 0) {
    const exemption = exemptionOn(state, state.clinicDay);
    if (exemption.kind === 'active') {
      warnExemptionApplied(f, exemption.event);
    } else {
      f.require({
        code: 'contraception_period_not_over',
        ruleId: 'EU4',
        staff: `Contraception continues until ${until.toString()} (one calendar month after the last dose).`,
        patient: `Keep using your contraception until ${until.toString()}.`,
        earliest: until,
        step: { who: 'patient', text: 'Keep using contraception.', by: until.toString() },
      });
    }
  }
  return { postTreatmentTest: { from: from.toString(), done }, contraceptionUntil: until.toString() };
}

/** May the open course be closed as complete? Lists what remains (EU3, EU4) with its dates. */
export function decideFinishCourse(state: PppState): Decision {
  const f = new Findings();
  checkOpenCourse(state, f);
  checkChildbearingPotential(state, f);
  checkPositiveTests(state, f);
  checkPendingResults(state, f);
  const lastDose = state.lastDoseOn;
  let courseEnd: CourseEndSummary | undefined;
  if (lastDose === undefined) {
    f.require({
      code: 'last_dose_unknown',
      ruleId: 'DECISION-8',
      staff: 'The last dose of the course is not recorded; the end dates cannot be computed.',
      patient: 'Your clinic must record the date of your last dose.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Record the date of the last dose.', from: state.clinicDay.toString() },
    });
  } else {
    courseEnd = { lastDoseOn: lastDose.toString(), ...(ofChildbearingPotential(state) ? childbearingEnd(state, f, lastDose) : {}) };
  }
  return f.toDecision({
    pack: state.pack,
    action: state.programCase.action,
    actionDate: state.actionDay,
    courseEnd,
    allowedSteps: [{ who: 'clinic', code: 'record_course_completed', ruleId: 'EU3', text: 'Record the course as stopped with reason "completed".' }],
  });
}
