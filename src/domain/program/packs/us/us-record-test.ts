import { addDays, addMonths, compareDates, daysBetween, maxDate, type LocalDate } from '../../../calendar/index.js';
import type { Decision, NextStep } from '../../decision.js';
import { Findings } from '../../findings.js';
import type { PregnancyTestFacts } from '../../pregnancy-tests.js';
import type { UsDecisionContext } from './us-decision-context.js';
import { addPositiveTestSteps, checkOpenCourse, checkPositiveTests } from './us-checks.js';
import { isEndOfTreatmentDay, isPostTreatmentDay } from './us-finish.js';
import {
  US12_END_TEST_TOLERANCE_DAYS,
  US12_POST_TREATMENT_TEST_DAYS,
  US3_SCREENING_TO_CONFIRMATION_DAYS,
  US4_CONTRACEPTION_MONTHS_BEFORE,
  US7_WINDOW_DAYS,
} from './us-rules.js';
import { phaseTests, sequenceOf, type AssessedTest } from './us-sequence.js';
import type { TestEvent, UsState } from './us-state.js';
import { assessTest } from './us-tests.js';
import { protectedSince } from '../../contraception-coverage.js';
import { usTwoMethods } from './us-methods.js';

/**
 * US4 and DECISION 1: the first day a confirmation test can follow one calendar month of two
 * methods, seen from the day the test is recorded: from the start of the methods still in use
 * today, or from today when none is (a month of methods cannot start in the past).
 */
function contraceptionMonthReachedOn(state: UsState): LocalDate {
  const since = protectedSince(state.timeline, state.clinicDay, usTwoMethods);
  return addMonths(since ?? state.clinicDay, US4_CONTRACEPTION_MONTHS_BEFORE);
}

/** US4: two methods for one calendar month on the specimen day; every unmet part is listed (DECISION 9). */
function checkContraceptionMonth(state: UsState, f: Findings, me: AssessedTest): void {
  const since = protectedSince(state.timeline, me.day, usTwoMethods);
  if (since === undefined) {
    f.require({
      code: 'two_methods_not_in_use',
      ruleId: 'US5',
      staff: 'Two methods of contraception (one primary) were not in use on the specimen day.',
      patient: 'You must use two methods of birth control for one month before the confirmation test.',
      earliest: contraceptionMonthReachedOn(state),
    });
  } else if (compareDates(addMonths(since, US4_CONTRACEPTION_MONTHS_BEFORE), me.day) > 0) {
    const earliest = maxDate(addMonths(since, US4_CONTRACEPTION_MONTHS_BEFORE), contraceptionMonthReachedOn(state));
    f.require({
      code: 'contraception_month_not_reached',
      ruleId: 'US4',
      staff: `Two methods only since ${since.toString()}: one calendar month is reached on ${earliest.toString()}.`,
      patient: `Your confirmation test must wait until ${earliest.toString()}, one month after starting birth control.`,
      earliest,
    });
  }
}

/** US3, US4, US9: timing of a confirmation test (or a repeat before the first dispense). */
function checkConfirmationTiming(state: UsState, f: Findings, me: AssessedTest): void {
  const others = phaseTests(state).filter((t) => t.test.id !== me.test.id && compareDates(t.day, me.day) <= 0);
  // judged as if valid, so that timing problems are listed next to validity problems
  const asValid: AssessedTest = { ...me, test: { ...me.test, result: 'negative' }, assessment: { ...me.assessment, defects: [] } };
  const sequence = sequenceOf(state, [...others, asValid], me.day);
  if (sequence.confirmations.some((c) => c.test.id === me.test.id)) return;
  const screening = sequence.screening;
  if (screening === undefined || screening.test.id === me.test.id) {
    // US3 and US4 together: the earliest confirmation is max(this test + 19 days, one month of methods)
    const earliest = maxDate(addDays(me.day, US3_SCREENING_TO_CONFIRMATION_DAYS), contraceptionMonthReachedOn(state));
    f.require({
      code: 'screening_test_missing',
      ruleId: 'US3',
      staff: `No valid negative screening test precedes this confirmation test; it can only count as the screening test. Earliest confirmation: ${earliest.toString()}.`,
      patient: `This test counts as your first (screening) test; a confirmation test can follow on or after ${earliest.toString()}.`,
      earliest,
    });
    checkContraceptionMonth(state, f, me);
    return;
  }
  if (daysBetween(screening.day, me.day) < US3_SCREENING_TO_CONFIRMATION_DAYS) {
    const earliest = addDays(screening.day, US3_SCREENING_TO_CONFIRMATION_DAYS);
    f.require({
      code: 'confirmation_too_early',
      ruleId: 'US3',
      staff: `Only ${daysBetween(screening.day, me.day)} days after the screening test of ${screening.day.toString()}; at least 19 are needed (earliest ${earliest.toString()}).`,
      patient: `Your confirmation test must be on or after ${earliest.toString()}.`,
      earliest,
    });
  }
  checkContraceptionMonth(state, f, me);
  for (const early of sequence.tooEarly.filter((e) => e.test.test.id === me.test.id)) {
    f.require({
      code: 'repeat_test_during_lockout',
      ruleId: 'US9',
      staff: `The previous window was missed: under the 2021 rules the next test must be at least 19 days after the previous one (earliest ${early.earliest.toString()}).`,
      patient: `Your new test must be on or after ${early.earliest.toString()}.`,
      earliest: early.earliest,
    });
  }
}

function checkTreatmentEnd(state: UsState, f: Findings, me: AssessedTest, purpose: 'end_of_treatment' | 'post_treatment'): void {
  const lastDose = state.lastDoseOn;
  if (lastDose === undefined) {
    f.require({
      code: 'last_dose_unknown',
      ruleId: 'DECISION-8',
      staff: 'The last dose is not recorded, so the timing of this test cannot be judged.',
      patient: 'Your clinic must record your last dose first.',
      earliest: state.clinicDay,
    });
    return;
  }
  if (purpose === 'end_of_treatment' && !isEndOfTreatmentDay(me.day, lastDose)) {
    const from = addDays(lastDose, -US12_END_TEST_TOLERANCE_DAYS);
    f.require({
      code: 'end_of_treatment_test_out_of_range',
      ruleId: 'US12',
      staff: `An end-of-treatment test is collected within 7 days of the last dose (${lastDose.toString()}).`,
      patient: 'This test is not at the end of treatment.',
      earliest: compareDates(me.day, from) < 0 ? from : undefined,
    });
  }
  if (purpose === 'post_treatment' && !isPostTreatmentDay(me.day, lastDose)) {
    const earliest = addDays(lastDose, US12_POST_TREATMENT_TEST_DAYS);
    f.require({
      code: 'post_treatment_test_too_early',
      ruleId: 'US12',
      staff: `The post-treatment test is collected at least 30 days after the last dose (from ${earliest.toString()}).`,
      patient: `Your post-treatment test must be on or after ${earliest.toString()}.`,
      earliest,
    });
  }
}

/** Is this new test valid for its purpose (setting, sensitivity, spacing, timing)? */
export function decideRecordTest(state: UsState, ctx: UsDecisionContext, facts: PregnancyTestFacts): Decision {
  const f = new Findings();
  const test: TestEvent = { ...facts, kind: 'pregnancy_test' };
  const assessment = assessTest(state, test);
  const me: AssessedTest = { test, day: assessment.day, assessment };
  for (const d of assessment.defects) f.require({ code: d.code, ruleId: d.ruleId, staff: d.staff, patient: d.patient, earliest: state.clinicDay });
  for (const w of assessment.warnings) f.warn(w.code, w.ruleId, w.staff, w.patient);
  if (test.result === 'positive') {
    f.require({
      code: 'positive_pregnancy_test',
      ruleId: 'US14',
      staff: `Positive pregnancy test collected on ${me.day.toString()}: stop the drug, reverse every open authorization, refer and report.`,
      patient: 'Your pregnancy test is positive. Stop taking isotretinoin now and contact your clinic today.',
    });
    addPositiveTestSteps(state, f);
  }
  checkPositiveTests(state, f);
  checkOpenCourse(state, f);
  const firstPhase = state.dispensesInPhase.length === 0;
  const role = test.purpose === 'end_of_treatment' || test.purpose === 'post_treatment' ? test.purpose : firstPhase ? (test.purpose === 'screening' ? 'screening' : 'confirmation') : 'monthly';
  if (role !== test.purpose) {
    f.warn(
      'test_purpose_reassigned',
      'US6',
      `Recorded as ${test.purpose} but judged as a ${role} test (${firstPhase ? 'no dispense yet in this sequence' : 'a dispense already happened'}).`,
      'Your test was counted for the current step of your treatment.',
    );
  }
  switch (role) {
    case 'screening':
      break;
    case 'confirmation':
      checkConfirmationTiming(state, f, me);
      break;
    case 'monthly':
      if (protectedSince(state.timeline, me.day, usTwoMethods) === undefined) {
        f.require({
          code: 'two_methods_not_in_use',
          ruleId: 'US5',
          staff: 'Two methods of contraception (one primary) were not in use on the specimen day.',
          patient: 'You must keep using two methods of birth control during treatment.',
          earliest: state.clinicDay,
        });
      }
      break;
    case 'end_of_treatment':
    case 'post_treatment':
      checkTreatmentEnd(state, f, me, role);
      break;
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
  const lastDay = addDays(me.day, US7_WINDOW_DAYS - 1);
  const steps: NextStep[] =
    role === 'confirmation' || role === 'monthly'
      ? [
          { who: 'patient', code: 'comprehension_questions', ruleId: 'US6', text: 'Answer the comprehension questions.', from: maxDate(me.day, state.clinicDay).toString(), by: lastDay.toString() },
          { who: 'clinic', code: 'prescribe_and_authorize', ruleId: 'US7', text: 'Write the prescription and obtain the authorization inside the 7-day window.', by: lastDay.toString() },
          { who: 'patient', code: 'collect_by', ruleId: 'US7', text: `Collect by ${lastDay.toString()} 23:59 New York time.`, by: lastDay.toString() },
        ]
      : [];
  return f.toDecision({ pack: ctx.pack, action: state.programCase.action, actionDate: state.actionDay, allowedSteps: steps });
}
