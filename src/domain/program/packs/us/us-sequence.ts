import { Temporal } from 'temporal-polyfill';
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  endOfDay,
  maxDate,
  windowLastDay,
  type LocalDate,
} from '../../../calendar/index.js';
import { protectedSince, protectionOn } from '../../contraception-coverage.js';
import { checkQuestions } from './us-questions.js';
import type { Findings } from '../../findings.js';
import { usTwoMethods } from './us-methods.js';
import { US3_SCREENING_TO_CONFIRMATION_DAYS, US4_CONTRACEPTION_MONTHS_BEFORE, US7_WINDOW_DAYS } from './us-rules.js';
import { testDay, type QualifyingTest, type TestEvent, type TestOutcome, type UsState } from './us-state.js';

export type { QualifyingTest, TestOutcome } from './us-state.js';
import { assessTest, type TestAssessment } from './us-tests.js';

export interface AssessedTest {
  readonly test: TestEvent;
  readonly day: LocalDate;
  readonly assessment: TestAssessment;
}


/** The first-prescription sequence of the current phase (US3, US4, US9). */
export interface Sequence {
  readonly screening: AssessedTest | undefined;
  /** Tests that met US3 and US4 and the US9 spacing: each opened a window. */
  readonly confirmations: readonly AssessedTest[];
  /** Tests that met US3/US4 but came too early after a missed window (US9, 2021 pack). */
  readonly tooEarly: ReadonlyArray<{ readonly test: AssessedTest; readonly earliest: LocalDate }>;
  readonly protectedSince: LocalDate | undefined;
}

/** Tests of the current phase collected after the latest positive test (re-qualified or not). */
export function phaseTests(state: UsState, before?: Temporal.Instant): AssessedTest[] {
  const zone = state.programCase.clinic.timeZone;
  const phaseStart = state.phaseStart;
  if (phaseStart === undefined) return [];
  const lastPositive = state.tests.filter((t) => t.result === 'positive').pop();
  return state.tests
    .filter((t) => compareDates(testDay(t, zone), phaseStart) >= 0)
    .filter((t) => lastPositive === undefined || Temporal.Instant.compare(t.collectedAt, lastPositive.collectedAt) > 0)
    .filter((t) => before === undefined || Temporal.Instant.compare(t.collectedAt, before) < 0)
    .map((test) => ({ test, day: testDay(test, zone), assessment: assessTest(state, test) }));
}

export function isValidNegative(t: AssessedTest): boolean {
  return t.test.result === 'negative' && t.assessment.defects.length === 0;
}

/** Earliest day a repeat test may be collected after a missed window opened on `lastDay1` (US9). */
export function earliestRepeat(state: UsState, windowDay1: LocalDate, from: LocalDate): LocalDate {
  for (let day = from; ; day = addDays(day, 1)) {
    const lockout = state.variantOn(day).firstWindowLockoutDays;
    if (lockout === undefined || daysBetween(windowDay1, day) >= lockout) return day;
  }
}

export function sequenceOf(state: UsState, tests: readonly AssessedTest[], asOf: LocalDate): Sequence {
  const valid = tests.filter(isValidNegative);
  const screening = valid[0];
  const since = protectedSince(state.timeline, asOf, usTwoMethods);
  const confirmations: AssessedTest[] = [];
  const tooEarly: Array<{ test: AssessedTest; earliest: LocalDate }> = [];
  if (screening === undefined) return { screening, confirmations, tooEarly, protectedSince: since };
  for (const candidate of valid.slice(1)) {
    const spaced = daysBetween(screening.day, candidate.day) >= US3_SCREENING_TO_CONFIRMATION_DAYS;
    const protectedMonth =
      since !== undefined && compareDates(addMonths(since, US4_CONTRACEPTION_MONTHS_BEFORE), candidate.day) <= 0;
    if (!spaced || !protectedMonth) continue;
    const previous = confirmations[confirmations.length - 1];
    const lockout = state.variantOn(candidate.day).firstWindowLockoutDays;
    // US9 applies only after a missed window: a new test inside an open window simply replaces it
    const missed = previous !== undefined && compareDates(candidate.day, windowLastDay(previous.day, US7_WINDOW_DAYS)) > 0;
    if (!missed || lockout === undefined || daysBetween(previous.day, candidate.day) >= lockout) {
      confirmations.push(candidate);
    } else {
      tooEarly.push({ test: candidate, earliest: earliestRepeat(state, previous.day, candidate.day) });
    }
  }
  return { screening, confirmations, tooEarly, protectedSince: since };
}

/** Earliest day a confirmation test can be collected (US3 19 days, US4 one month of two methods). */
export function earliestConfirmation(state: UsState, sequence: Sequence): LocalDate {
  const screeningDay = sequence.screening?.day ?? state.clinicDay;
  const contraception = addMonths(sequence.protectedSince ?? state.clinicDay, US4_CONTRACEPTION_MONTHS_BEFORE);
  return maxDate(addDays(screeningDay, US3_SCREENING_TO_CONFIRMATION_DAYS), contraception, state.clinicDay);
}

function windowOf(t: AssessedTest): QualifyingTest {
  return { test: t.test, day: t.day, lastDay: windowLastDay(t.day, US7_WINDOW_DAYS) };
}

export function windowOpenAt(state: UsState, q: QualifyingTest, at: Temporal.Instant): boolean {
  return Temporal.Instant.compare(at, endOfDay(q.lastDay, state.zone)) <= 0;
}

function reportLatestDefects(state: UsState, f: Findings, tests: readonly AssessedTest[]): void {
  const latest = tests.filter((t) => t.test.result !== 'positive').pop();
  if (latest === undefined || isValidNegative(latest)) return;
  for (const defect of latest.assessment.defects) {
    f.require({
      code: defect.code,
      ruleId: defect.ruleId,
      staff: defect.staff,
      patient: defect.patient,
      earliest: state.clinicDay,
      step: { who: 'clinic', text: `Repeat or complete the pregnancy test (${defect.code}).`, from: state.clinicDay.toString() },
    });
  }
}


function firstPrescriptionTest(state: UsState, f: Findings, tests: readonly AssessedTest[]): TestOutcome {
  const sequence = sequenceOf(state, tests, state.clinicDay);
  const medical = state.variant.testSettings === 'medical_setting_then_home_with_opt_in' ? 'a medical setting' : 'a CLIA-certified lab';
  if (sequence.screening === undefined) {
    f.require({
      code: 'screening_test_missing',
      ruleId: 'US3',
      staff: `No valid negative screening test in this ${state.courses.length > 1 ? 'course (a new course needs the full sequence again)' : 'course'}.`,
      patient: 'You need a first (screening) pregnancy test.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: `Do the screening pregnancy test in ${medical}.`, from: state.clinicDay.toString() },
    });
  }
  if (sequence.protectedSince === undefined) {
    f.require({
      code: 'two_methods_not_in_use',
      ruleId: 'US5',
      staff: 'The patient is not using two methods of contraception (one primary) nor committed to abstinence today.',
      patient: 'You must use two methods of birth control (one of them primary) starting now.',
      earliest: state.clinicDay,
      step: { who: 'patient', text: 'Start two methods of contraception, one of them primary.', from: state.clinicDay.toString() },
    });
  }
  const confirmed = sequence.confirmations[sequence.confirmations.length - 1];
  if (confirmed === undefined) {
    const earliest = earliestConfirmation(state, sequence);
    f.require({
      code: 'confirmation_test_missing',
      ruleId: 'US3',
      staff: `No valid confirmation test: it must be negative, at least 19 days after the screening test and after one month of two methods (US4); earliest ${earliest.toString()}.`,
      patient: `You need a confirmation pregnancy test on or after ${earliest.toString()}.`,
      earliest,
      step: { who: 'clinic', text: `Do the confirmation pregnancy test in ${medical}.`, from: earliest.toString() },
    });
    reportLatestDefects(state, f, tests);
    return { nextTestFrom: earliest };
  }
  const q = windowOf(confirmed);
  if (!windowOpenAt(state, q, state.timeline.at)) {
    const earliest = earliestRepeat(state, q.day, state.clinicDay);
    f.require({
      code: 'test_window_closed',
      ruleId: 'US9',
      staff: `The 7-day window of test ${q.test.id} closed on ${q.lastDay.toString()} at 23:59 New York time without a first dispense; the next test may be collected from ${earliest.toString()}.`,
      patient: `Your 7-day window ended on ${q.lastDay.toString()}. A new pregnancy test is needed on or after ${earliest.toString()}.`,
      earliest,
      step: { who: 'clinic', text: `Repeat the pregnancy test in ${medical}.`, from: earliest.toString() },
    });
    reportLatestDefects(state, f, tests.filter((t) => compareDates(t.day, q.day) > 0));
    for (const early of sequence.tooEarly.filter((e) => compareDates(e.test.day, q.day) > 0)) {
      f.require({
        code: 'repeat_test_during_lockout',
        ruleId: 'US9',
        staff: `Test ${early.test.test.id} (${early.test.day.toString()}) came less than 19 days after the missed window of ${q.test.id}; it does not count. Earliest repeat: ${early.earliest.toString()}.`,
        patient: `Your last test was too early; repeat it on or after ${early.earliest.toString()}.`,
        earliest: early.earliest,
      });
    }
    return { nextTestFrom: earliest };
  }
  return { q };
}

function monthlyTest(state: UsState, f: Findings, tests: readonly AssessedTest[]): TestOutcome {
  const lastDispense = state.dispensesInPhase[state.dispensesInPhase.length - 1];
  const fresh = tests.filter((t) => lastDispense === undefined || Temporal.Instant.compare(t.test.collectedAt, lastDispense.at) > 0);
  const latest = fresh.filter(isValidNegative).pop();
  const since = protectedSince(state.timeline, state.clinicDay, usTwoMethods);
  if (since === undefined) {
    f.require({
      code: 'two_methods_not_in_use',
      ruleId: 'US5',
      staff: 'The patient is not using two methods of contraception (one primary) nor committed to abstinence today.',
      patient: 'You must keep using two methods of birth control during treatment.',
      earliest: state.clinicDay,
      step: { who: 'patient', text: 'Resume two methods of contraception.', from: state.clinicDay.toString() },
    });
  } else if (latest !== undefined && compareDates(since, latest.day) > 0) {
    f.require({
      code: 'two_methods_interrupted',
      ruleId: 'US5',
      staff: `Two methods have only been in use since ${since.toString()}, after test ${latest.test.id}; a new test is needed.`,
      patient: 'Your birth control was interrupted; a new pregnancy test is needed.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Repeat the monthly pregnancy test.', from: state.clinicDay.toString() },
    });
  }
  if (latest === undefined) {
    f.require({
      code: 'monthly_test_missing',
      ruleId: 'US6',
      staff: 'No valid negative pregnancy test since the last dispense: a negative test comes before every prescription.',
      patient: 'You need this month’s pregnancy test.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Do this month’s pregnancy test (no waiting, US8).', from: state.clinicDay.toString() },
    });
    reportLatestDefects(state, f, fresh);
    return { nextTestFrom: state.clinicDay };
  }
  const q = windowOf(latest);
  if (!windowOpenAt(state, q, state.timeline.at)) {
    f.require({
      code: 'test_window_closed',
      ruleId: 'US8',
      staff: `The 7-day window of test ${q.test.id} closed on ${q.lastDay.toString()} at 23:59 New York time; a new test opens a new window at once.`,
      patient: `Your 7-day window ended on ${q.lastDay.toString()}; a new pregnancy test opens a new window.`,
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Repeat the pregnancy test (no waiting, US8).', from: state.clinicDay.toString() },
    });
    reportLatestDefects(state, f, fresh.filter((t) => compareDates(t.day, q.day) > 0));
    return { nextTestFrom: state.clinicDay };
  }
  return { q };
}

/**
 * Can get pregnant: finds the test whose window allows an authorization now, adding every unmet
 * requirement of US3-US9 and US6 (questions, prescription after the test) to the findings.
 */
export function qualifyingTestFor(
  state: UsState,
  f: Findings,
  prescriptionWrittenOn: LocalDate | undefined,
): QualifyingTest | undefined {
  const tests = phaseTests(state);
  for (const t of tests.filter(isValidNegative)) {
    for (const w of t.assessment.warnings) f.warn(w.code, w.ruleId, w.staff, w.patient);
  }
  if (protectionOn(state.timeline, state.clinicDay).abstinent) {
    f.warn(
      'abstinence_chosen',
      'US5',
      'The patient chose continuous abstinence instead of two methods; the prescriber is alerted.',
      'You chose abstinence: you must not have sex with a partner who could get you pregnant, at any time during treatment and for one month after.',
    );
  }
  const first = state.dispensesInPhase.length === 0;
  const outcome = first ? firstPrescriptionTest(state, f, tests) : monthlyTest(state, f, tests);
  checkQuestions(state, f, outcome);
  const q = outcome.q;
  if (q !== undefined && prescriptionWrittenOn !== undefined && compareDates(prescriptionWrittenOn, q.day) < 0) {
    f.require({
      code: 'prescription_before_test',
      ruleId: 'US6',
      staff: `The prescription was written on ${prescriptionWrittenOn.toString()}, before the qualifying test of ${q.day.toString()}; a negative test comes before every prescription.`,
      patient: 'Your prescriber must write the prescription after your negative test.',
      earliest: maxDate(q.day, state.clinicDay),
      step: { who: 'clinic', text: 'Write a new prescription after the negative test.', from: maxDate(q.day, state.clinicDay).toString() },
    });
  }
  return q;
}
