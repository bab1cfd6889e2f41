import { addDays, addMonths, compareDates, daysBetween, maxDate, type LocalDate } from '../../../calendar/index.js';
import type { CourseEndSummary, Decision } from '../../decision.js';
import { Findings } from '../../findings.js';
import type { UsDecisionContext } from './us-decision-context.js';
import { checkOpenCourse, checkPendingResults, checkPositiveTests, checkRiskCategory } from './us-checks.js';
import {
  US12_END_TEST_TOLERANCE_DAYS,
  US12_NO_BLOOD_DONATION_MONTHS_AFTER,
  US12_POST_TREATMENT_TEST_DAYS,
  US5_CONTRACEPTION_MONTHS_AFTER,
} from './us-rules.js';
import { isValidNegative, phaseTests } from './us-sequence.js';
import type { UsState } from './us-state.js';

/** US12 CONVENTION: the end-of-treatment test is collected within 7 days of the last dose. */
export function isEndOfTreatmentDay(day: LocalDate, lastDose: LocalDate): boolean {
  return Math.abs(daysBetween(lastDose, day)) <= US12_END_TEST_TOLERANCE_DAYS;
}

/** US12: the post-treatment test is collected at least 30 days after the last dose (DECISION 3). */
export function isPostTreatmentDay(day: LocalDate, lastDose: LocalDate): boolean {
  return daysBetween(lastDose, day) >= US12_POST_TREATMENT_TEST_DAYS;
}

function canGetPregnantEnd(state: UsState, f: Findings, lastDose: LocalDate): CourseEndSummary {
  const valid = phaseTests(state).filter(isValidNegative);
  const endDone = valid.some((t) => isEndOfTreatmentDay(t.day, lastDose));
  const postDone = valid.some((t) => isPostTreatmentDay(t.day, lastDose));
  const endFrom = addDays(lastDose, -US12_END_TEST_TOLERANCE_DAYS);
  const endBy = addDays(lastDose, US12_END_TEST_TOLERANCE_DAYS);
  const postFrom = addDays(lastDose, US12_POST_TREATMENT_TEST_DAYS);
  const contraceptionUntil = addMonths(lastDose, US5_CONTRACEPTION_MONTHS_AFTER);
  if (!endDone) {
    const late = compareDates(state.clinicDay, endBy) > 0;
    f.require({
      code: late ? 'end_of_treatment_test_missed' : 'end_of_treatment_test_missing',
      ruleId: 'US12',
      staff: late
        ? `No valid end-of-treatment test was collected between ${endFrom.toString()} and ${endBy.toString()}; the course cannot be closed as complete.`
        : `The end-of-treatment pregnancy test is due between ${endFrom.toString()} and ${endBy.toString()}.`,
      patient: 'You need a pregnancy test at the end of treatment.',
      earliest: late ? undefined : maxDate(endFrom, state.clinicDay),
      step: late ? undefined : { who: 'clinic', text: 'Do the end-of-treatment pregnancy test.', from: maxDate(endFrom, state.clinicDay).toString(), by: endBy.toString() },
    });
  }
  if (!postDone) {
    f.require({
      code: 'post_treatment_test_missing',
      ruleId: 'US12',
      staff: `The pregnancy test 30 days after the last dose is due from ${postFrom.toString()}.`,
      patient: `You need a pregnancy test on or after ${postFrom.toString()}.`,
      earliest: maxDate(postFrom, state.clinicDay),
      step: { who: 'clinic', text: 'Do the post-treatment pregnancy test.', from: maxDate(postFrom, state.clinicDay).toString() },
    });
  }
  if (compareDates(state.clinicDay, contraceptionUntil) < 0) {
    f.require({
      code: 'contraception_period_not_over',
      ruleId: 'US5',
      staff: `Two methods of contraception continue until ${contraceptionUntil.toString()} (one month after the last dose).`,
      patient: `Keep using two methods of birth control until ${contraceptionUntil.toString()}.`,
      earliest: contraceptionUntil,
      step: { who: 'patient', text: 'Keep using two methods of contraception.', by: contraceptionUntil.toString() },
    });
  }
  return {
    endOfTreatmentTest: { from: endFrom.toString(), by: endBy.toString(), done: endDone },
    postTreatmentTest: { from: postFrom.toString(), done: postDone },
    contraceptionUntil: contraceptionUntil.toString(),
  };
}

/** May the course be closed as complete? Lists what remains (US5, US12) with its dates. */
export function decideFinishCourse(state: UsState, ctx: UsDecisionContext): Decision {
  const f = new Findings();
  checkOpenCourse(state, f);
  checkRiskCategory(state, f);
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
    const noBloodDonationUntil = addMonths(lastDose, US12_NO_BLOOD_DONATION_MONTHS_AFTER);
    const end = state.risk.category === 'can_get_pregnant' ? canGetPregnantEnd(state, f, lastDose) : {};
    if (compareDates(state.clinicDay, noBloodDonationUntil) < 0) {
      f.require({
        code: 'blood_donation_period_not_over',
        ruleId: 'US12',
        staff: `No blood donation until ${noBloodDonationUntil.toString()} (one month after the last dose).`,
        patient: `Do not donate blood until ${noBloodDonationUntil.toString()}.`,
        earliest: noBloodDonationUntil,
        step: { who: 'patient', text: 'Do not donate blood.', by: noBloodDonationUntil.toString() },
      });
    }
    courseEnd = { lastDoseOn: lastDose.toString(), ...end, noBloodDonationUntil: noBloodDonationUntil.toString() };
  }
  return f.toDecision({
    pack: ctx.pack,
    action: state.programCase.action,
    actionDate: state.actionDay,
    courseEnd,
    allowedSteps: [
      { who: 'clinic', code: 'record_course_completed', ruleId: 'US12', text: 'Record the course as stopped with reason "completed".' },
    ],
  });
}
