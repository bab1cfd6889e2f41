import { Temporal } from 'temporal-polyfill';
import { addDays, addMonths, compareDates, daysBetween, localDateOf, maxDate, type LocalDate } from '../../../calendar/index.js';
import type { PrescriptionFacts } from '../../events.js';
import type { Findings } from '../../findings.js';
import { contraceptionSince } from './ppp-contraception.js';
import type { PppState, TestEvent } from './ppp-model.js';
import { EU3_TEST_DAYS_BEFORE_PRESCRIPTION, EU4_CONTRACEPTION_MONTHS_BEFORE } from './ppp-rules.js';
import { testDay } from './ppp-state.js';
import { assessTest, isValidNegative, type TestAssessment, type TestRole } from './ppp-tests.js';

export interface AssessedTest {
  readonly test: TestEvent;
  readonly day: LocalDate;
  readonly assessment: TestAssessment;
}

/** No dispense yet in the current sequence: EU3's test "before the first prescription" applies. */
export function initialOfPhase(state: PppState): boolean {
  return state.dispensesInPhase.length === 0;
}

/** Tests of the current sequence collected after the latest positive test (re-qualified or not). */
export function phaseTests(state: PppState): TestEvent[] {
  const phaseStart = state.phaseStart;
  if (phaseStart === undefined) return [];
  const lastPositive = state.tests.filter((t) => t.result === 'positive').pop();
  return state.tests
    .filter((t) => compareDates(testDay(t, state.zone), phaseStart) >= 0)
    .filter((t) => lastPositive === undefined || Temporal.Instant.compare(t.collectedAt, lastPositive.collectedAt) > 0);
}

/** DECISION 4: `prescription date - test date` in 0..3. */
export function testFitsPrescription(test: LocalDate, writtenOn: LocalDate): boolean {
  return compareDates(test, addDays(writtenOn, -EU3_TEST_DAYS_BEFORE_PRESCRIPTION)) >= 0 && compareDates(test, writtenOn) <= 0;
}

function reportDefects(state: PppState, f: Findings, latest: AssessedTest | undefined): void {
  if (latest === undefined || isValidNegative(latest.test, latest.assessment)) return;
  // an unknown result is reported once, by the pending-results check
  for (const d of latest.assessment.defects.filter((x) => x.code !== 'pregnancy_test_result_unknown')) {
    f.require({
      code: d.code,
      ruleId: d.ruleId,
      staff: d.staff,
      patient: d.patient,
      earliest: state.clinicDay,
      step: { who: 'clinic', text: `Repeat the pregnancy test (${d.code}).`, from: state.clinicDay.toString() },
    });
  }
}

/**
 * EU3 and EU4 for one prescription of a patient of childbearing potential: a valid negative,
 * medically supervised test on the prescribing day or in the 3 days before it (DECISION 4),
 * collected after the last dispense; contraception in use on `contraceptionDay`; for the first
 * prescription of a sequence, contraception for one calendar month before the test (DECISION 1);
 * later, no interruption since the last dispense (else one month again before the test,
 * DECISION-EU4-INTERRUPTION). Adds every unmet requirement; returns the qualifying test.
 */
export function checkTestAndContraception(
  state: PppState,
  f: Findings,
  rx: PrescriptionFacts,
  contraceptionDay: LocalDate,
): AssessedTest | undefined {
  const initial = initialOfPhase(state);
  const role: TestRole = initial ? 'pre_treatment' : 'follow_up';
  const lastDispense = state.dispensesInPhase[state.dispensesInPhase.length - 1];
  const lastDispenseDay = lastDispense === undefined ? undefined : localDateOf(lastDispense.at, state.zone);
  const sinceDispense: AssessedTest[] = phaseTests(state)
    .filter((t) => lastDispense === undefined || Temporal.Instant.compare(t.collectedAt, lastDispense.at) > 0)
    .map((test) => ({ test, day: testDay(test, state.zone), assessment: assessTest(state, test, role) }));
  const candidates = sinceDispense.filter((t) => testFitsPrescription(t.day, rx.writtenOn));
  const since = contraceptionSince(state, f, contraceptionDay);
  const valid = candidates.filter((t) => isValidNegative(t.test, t.assessment)).pop();
  // without contraception now, a new test is needed after one month of it (EU4): this one cannot qualify
  const q = since === undefined ? undefined : valid;
  const today = state.clinicDay;
  let ready = today;
  if (since === undefined) {
    if (initial) ready = addMonths(today, EU4_CONTRACEPTION_MONTHS_BEFORE);
  } else if (since !== 'exempt') {
    const monthReached = addMonths(since, EU4_CONTRACEPTION_MONTHS_BEFORE);
    const uninterrupted = !initial && lastDispenseDay !== undefined && compareDates(since, lastDispenseDay) <= 0;
    if (!uninterrupted) ready = maxDate(today, monthReached);
    if (q !== undefined && !uninterrupted && compareDates(monthReached, q.day) > 0) {
      f.require({
        code: initial ? 'contraception_month_not_reached' : 'contraception_interrupted',
        ruleId: 'EU4',
        staff: initial
          ? `Contraception only since ${since.toString()}: the test of ${q.day.toString()} must be at least one calendar month after it began (from ${monthReached.toString()}).`
          : `Contraception was interrupted after the last dispense (protected again only since ${since.toString()}): a new test one calendar month later is needed (from ${monthReached.toString()}).`,
        patient: `Your pregnancy test must be done on or after ${monthReached.toString()}, one month after your contraception (re)started.`,
        earliest: ready,
        step: { who: 'clinic', text: 'Repeat the pregnancy test after one month of contraception, then prescribe within 3 days.', from: ready.toString() },
      });
    }
  }
  if (q === undefined) {
    const fits = compareDates(ready, rx.writtenOn) <= 0;
    const earliest = fits ? maxDate(ready, addDays(rx.writtenOn, -EU3_TEST_DAYS_BEFORE_PRESCRIPTION)) : ready;
    const what = initial ? 'the medically supervised test before the first prescription' : 'this month’s pregnancy test';
    const outside = sinceDispense.filter((t) => t.test.result === 'negative' && !testFitsPrescription(t.day, rx.writtenOn)).pop();
    const gap = outside === undefined ? 0 : daysBetween(outside.day, rx.writtenOn);
    const nearest =
      outside === undefined ? '' : ` Test ${outside.test.id} (${outside.day.toString()}) is ${gap < 0 ? `${-gap} day(s) after` : `${gap} days before`} the prescription date.`;
    f.require({
      code: initial ? 'initial_pregnancy_test_missing' : 'pregnancy_test_missing',
      ruleId: 'EU3',
      staff: `No valid negative ${initial ? 'medically supervised ' : ''}test for prescription ${rx.id}: it must be collected on ${rx.writtenOn.toString()} or in the 3 days before${
        initial ? ', at least one calendar month after contraception began' : ''
      }${lastDispenseDay === undefined ? '' : `, after the dispense of ${lastDispenseDay.toString()}`}${
        valid === undefined ? '' : ` (test ${valid.test.id} does not count: no contraception in use)`
      }. ${
        fits ? `Earliest: ${earliest.toString()}.` : `This prescription can no longer qualify: test from ${earliest.toString()} and write a new prescription within 3 days.`
      }${nearest}`,
      patient: `You need ${what} on or after ${earliest.toString()}.`,
      earliest,
      step: { who: 'clinic', text: fits ? 'Do the pregnancy test.' : 'Do the pregnancy test, then write a new prescription within 3 days.', from: earliest.toString() },
    });
    reportDefects(state, f, candidates.filter((t) => t.test.result !== 'positive').pop());
  }
  return q;
}
