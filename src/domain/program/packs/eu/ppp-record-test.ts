import { Temporal } from 'temporal-polyfill';
import { addDays, addMonths, compareDates, maxDate } from '../../../calendar/index.js';
import type { Decision, NextStep } from '../../decision.js';
import { Findings } from '../../findings.js';
import type { PregnancyTestFacts } from '../../pregnancy-tests.js';
import { addPositiveTestSteps, checkOpenCourse, checkPositiveTests } from './ppp-checks.js';
import { checkChildbearingPotential } from './ppp-childbearing.js';
import { contraceptionSince } from './ppp-contraception.js';
import type { PppState } from './ppp-model.js';
import { EU3_TEST_DAYS_BEFORE_PRESCRIPTION, EU4_CONTRACEPTION_MONTHS_BEFORE, finalTestFrom, lastDayToDispense } from './ppp-rules.js';
import { ofChildbearingPotential } from './ppp-state.js';
import { assessTest, type TestRole } from './ppp-tests.js';

function roleOf(state: PppState, test: PregnancyTestFacts): TestRole {
  if (test.purpose === 'post_treatment') return 'post_treatment';
  const dispensedBefore = state.dispensesInPhase.some((d) => Temporal.Instant.compare(d.at, test.collectedAt) < 0);
  return dispensedBefore ? 'follow_up' : 'pre_treatment';
}

const PURPOSES_OF: Readonly<Record<TestRole, readonly PregnancyTestFacts['purpose'][]>> = {
  pre_treatment: ['screening', 'confirmation'],
  follow_up: ['monthly'],
  post_treatment: ['post_treatment'],
};

function checkTiming(state: PppState, f: Findings, test: PregnancyTestFacts, role: TestRole): void {
  const day = test.collectedAt.toZonedDateTimeISO(state.zone).toPlainDate();
  if (role === 'post_treatment') {
    const lastDose = state.lastDoseOn;
    if (lastDose === undefined) {
      f.require({
        code: 'last_dose_unknown',
        ruleId: 'DECISION-8',
        staff: 'The last dose is not recorded, so the timing of this final test cannot be judged.',
        patient: 'Your clinic must record your last dose first.',
        earliest: state.clinicDay,
      });
      return;
    }
    const from = finalTestFrom(state.jurisdiction, lastDose);
    if (compareDates(day, from) < 0) {
      f.require({
        code: 'post_treatment_test_too_early',
        ruleId: 'EU3',
        staff: `The final test is collected ${state.jurisdiction === 'EU-FR' ? '5 weeks' : 'one calendar month'} after the last dose (${lastDose.toString()}): from ${from.toString()}.`,
        patient: `Your final pregnancy test must be on or after ${from.toString()}.`,
        earliest: from,
      });
    }
    return;
  }
  if (!ofChildbearingPotential(state)) return;
  const since = contraceptionSince(state, f, day);
  if (role !== 'pre_treatment' || since === undefined || since === 'exempt') return;
  const reached = addMonths(since, EU4_CONTRACEPTION_MONTHS_BEFORE);
  if (compareDates(reached, day) > 0) {
    f.require({
      code: 'contraception_month_not_reached',
      ruleId: 'EU4',
      staff: `Contraception only since ${since.toString()}: the test before the first prescription is collected at least one calendar month later, from ${reached.toString()}.`,
      patient: `Your first pregnancy test must wait until ${reached.toString()}, one month after starting contraception.`,
      earliest: reached,
    });
  }
}

/** Is this new test valid for its role (EU3 setting, sensitivity, timing; EU4 contraception; UK2 remote)? */
export function decideRecordTest(state: PppState, facts: PregnancyTestFacts): Decision {
  const f = new Findings();
  const role = roleOf(state, facts);
  const assessment = assessTest(state, facts, role);
  for (const d of assessment.defects) f.require({ code: d.code, ruleId: d.ruleId, staff: d.staff, patient: d.patient, earliest: state.clinicDay });
  if (facts.result === 'positive') {
    f.require({
      code: 'positive_pregnancy_test',
      ruleId: 'EU3',
      staff: `Positive pregnancy test collected on ${assessment.day.toString()}: stop the drug, cancel every open authorization, refer and report.`,
      patient: 'Your pregnancy test is positive. Stop taking isotretinoin now and contact your clinic today.',
    });
    addPositiveTestSteps(state, f);
  }
  checkPositiveTests(state, f);
  checkOpenCourse(state, f);
  checkChildbearingPotential(state, f);
  if (!PURPOSES_OF[role].includes(facts.purpose)) {
    f.warn(
      'test_purpose_reassigned',
      'EU3',
      `Recorded as ${facts.purpose} but judged as a ${role.replaceAll('_', '-')} test.`,
      'Your test was counted for the current step of your treatment.',
    );
  }
  checkTiming(state, f, facts, role);
  const prescribeBy = addDays(assessment.day, EU3_TEST_DAYS_BEFORE_PRESCRIPTION);
  const steps: NextStep[] =
    role === 'post_treatment'
      ? [{ who: 'clinic', code: 'record_course_completed', ruleId: 'EU3', text: 'Record the course as stopped with reason "completed" once nothing else remains.' }]
      : [
          { who: 'clinic', code: 'write_prescription', ruleId: 'EU3', text: 'Write the prescription on the test day or within the 3 days after it.', from: maxDate(assessment.day, state.clinicDay).toString(), by: prescribeBy.toString() },
          { who: 'patient', code: 'collect_by', ruleId: 'EU2', text: `Collect within 7 days of the prescription date (at the latest ${lastDayToDispense(prescribeBy).toString()}).`, by: lastDayToDispense(prescribeBy).toString() },
        ];
  return f.toDecision({ pack: state.pack, action: state.programCase.action, actionDate: state.actionDay, allowedSteps: steps });
}
