import { addDays, addMonths, compareDates, daysBetween, maxDate, type LocalDate } from '../../../calendar/index.js';
import { protectedSince } from '../../contraception-coverage.js';
import type { PlannedFact, PlanStep } from '../../planning.js';
import { eventsOf } from '../../timeline.js';
import { dispensesOfPrescription } from './us-checks.js';
import { usTwoMethods } from './us-methods.js';
import {
  CGP_2026_PRESCRIPTION_WINDOW_DAYS,
  US10_VISIT_WINDOW_DAYS,
  US3_SCREENING_TO_CONFIRMATION_DAYS,
  US4_CONTRACEPTION_MONTHS_BEFORE,
  US7_WINDOW_DAYS,
} from './us-rules.js';
import { earliestRepeat, isValidNegative, phaseTests, sequenceOf } from './us-sequence.js';
import type { UsState } from './us-state.js';

/** A candidate plan for one pickup day: the dated steps and the facts they create. */
export interface BuiltPlan {
  readonly steps: PlanStep[];
}

const iso = (d: LocalDate): string => d.toString();
const within = (day: LocalDate, first: LocalDate, lengthDays: number, pickup: LocalDate): boolean =>
  compareDates(first, pickup) <= 0 && daysBetween(first, pickup) <= lengthDays - 1 && compareDates(day, pickup) <= 0;

function step(s: PlanStep): PlanStep {
  return s;
}

function fact(f: PlannedFact): PlannedFact {
  return f;
}

/** An unused prescription of the current course written on or after `from` (reused, not rewritten). */
function unusedPrescription(state: UsState, from: LocalDate): boolean {
  const course = state.course;
  return eventsOf(state.timeline, 'prescription').some(
    (rx) =>
      course !== undefined &&
      compareDates(rx.writtenOn, from) >= 0 &&
      compareDates(rx.writtenOn, course.startedOn) >= 0 &&
      rx.refills === 0 &&
      dispensesOfPrescription(state, rx.id).length === 0 &&
      !eventsOf(state.timeline, 'authorization_issued').some((a) => a.prescriptionId === rx.id),
  );
}

function prescriptionSteps(state: UsState, from: LocalDate, pickup: LocalDate, ruleId: PlanStep['ruleId']): PlanStep[] {
  if (unusedPrescription(state, from)) return [];
  return [
    step({
      who: 'clinic',
      code: 'write_prescription',
      ruleId,
      text: 'Write the prescription (at most 30 days, no refills) after the negative test.',
      earliest: iso(from),
      latest: iso(pickup),
      on: iso(from),
      fact: fact({ kind: 'prescription', on: iso(from) }),
    }),
  ];
}

function questionSteps(state: UsState, from: LocalDate, pickup: LocalDate): PlanStep[] {
  const done = eventsOf(state.timeline, 'comprehension_questions').some(
    (q) => compareDates(q.at.toZonedDateTimeISO(state.programCase.clinic.timeZone).toPlainDate(), from) >= 0 && q.items.length > 0 && q.items.every((i) => i.answer === 'correct'),
  );
  if (done) return [];
  return [
    step({
      who: 'patient',
      code: 'comprehension_questions',
      ruleId: 'US6',
      text: 'Answer the comprehension questions (after the test).',
      earliest: iso(from),
      latest: iso(pickup),
      on: iso(from),
      fact: fact({ kind: 'comprehension_questions', on: iso(from) }),
    }),
  ];
}

function canGetPregnant(state: UsState, pickup: LocalDate): PlanStep[] | undefined {
  const today = state.clinicDay;
  const steps: PlanStep[] = [];
  const since = protectedSince(state.timeline, today, usTwoMethods);
  const contraceptionFrom = since ?? today;
  if (since === undefined) {
    steps.push(step({ who: 'patient', code: 'start_two_methods', ruleId: 'US5', text: 'Start two methods of contraception (one primary) or commit to abstinence.', on: iso(today), latest: iso(today), fact: fact({ kind: 'contraception_started', on: iso(today) }) }));
  }
  const tests = phaseTests(state).filter(isValidNegative);
  const first = state.dispensesInPhase.length === 0;
  const setting = state.variantOn(pickup).testSettings === 'medical_setting_then_home_with_opt_in' ? 'medical setting' : 'CLIA-certified lab';
  let testDay: LocalDate;
  if (first) {
    const sequence = sequenceOf(state, phaseTests(state), today);
    const confirmed = sequence.confirmations[sequence.confirmations.length - 1];
    if (confirmed !== undefined && since !== undefined && within(confirmed.day, confirmed.day, US7_WINDOW_DAYS, pickup)) {
      testDay = confirmed.day;
    } else {
      const screeningDay = sequence.screening?.day ?? today;
      if (sequence.screening === undefined) {
        steps.push(step({ who: 'clinic', code: 'screening_test', ruleId: 'US3', text: `Screening pregnancy test in a ${setting}.`, on: iso(today), latest: iso(today), fact: fact({ kind: 'pregnancy_test', on: iso(today), purpose: 'screening', setting: 'clia_lab' }) }));
      }
      let earliest = maxDate(addDays(screeningDay, US3_SCREENING_TO_CONFIRMATION_DAYS), addMonths(contraceptionFrom, US4_CONTRACEPTION_MONTHS_BEFORE), today, addDays(pickup, 1 - US7_WINDOW_DAYS));
      if (confirmed !== undefined) earliest = earliestRepeat(state, confirmed.day, earliest);
      if (compareDates(earliest, pickup) > 0) return undefined;
      testDay = earliest;
      steps.push(step({ who: 'clinic', code: 'confirmation_test', ruleId: 'US4', text: `Confirmation pregnancy test in a ${setting} (at least 19 days after screening, after one month of two methods; ideally in the first 5 days of menses).`, earliest: iso(earliest), latest: iso(pickup), on: iso(earliest), fact: fact({ kind: 'pregnancy_test', on: iso(earliest), purpose: 'confirmation', setting: 'clia_lab' }) }));
    }
  } else {
    const lastDispense = state.dispensesInPhase[state.dispensesInPhase.length - 1];
    const afterDispense = lastDispense === undefined ? today : addDays(lastDispense.at.toZonedDateTimeISO(state.programCase.clinic.timeZone).toPlainDate(), 1);
    const current = tests.filter((t) => compareDates(t.day, afterDispense) >= 0).pop();
    if (current !== undefined && since !== undefined && compareDates(since, current.day) <= 0 && within(current.day, current.day, US7_WINDOW_DAYS, pickup)) {
      testDay = current.day;
    } else {
      const earliest = maxDate(today, afterDispense, addDays(pickup, 1 - US7_WINDOW_DAYS));
      if (compareDates(earliest, pickup) > 0) return undefined;
      testDay = earliest;
      steps.push(step({ who: 'clinic', code: 'monthly_test', ruleId: 'US6', text: `This month's pregnancy test (${setting}; home with evidence if the prescriber opted in, 2026 pack).`, earliest: iso(earliest), latest: iso(pickup), on: iso(earliest), fact: fact({ kind: 'pregnancy_test', on: iso(earliest), purpose: 'monthly', setting: 'clia_lab' }) }));
    }
  }
  return [...steps, ...questionSteps(state, testDay, pickup), ...prescriptionSteps(state, testDay, pickup, 'US6')];
}

function cannotGetPregnant(state: UsState, pickup: LocalDate): PlanStep[] | undefined {
  const today = state.clinicDay;
  if (state.variantOn(pickup).cannotGetPregnant === 'enrollment_counselling_only') {
    const from = maxDate(today, addDays(pickup, 1 - CGP_2026_PRESCRIPTION_WINDOW_DAYS));
    return prescriptionSteps(state, from, pickup, 'DECISION-CGP-2026');
  }
  const visit = eventsOf(state.timeline, 'office_visit').pop();
  const counselled = visit !== undefined && eventsOf(state.timeline, 'counselling').some((c) => compareDates(c.on, visit.on) >= 0);
  if (visit !== undefined && counselled && within(visit.on, visit.on, US10_VISIT_WINDOW_DAYS, pickup)) {
    return prescriptionSteps(state, visit.on, pickup, 'US10');
  }
  const on = maxDate(today, addDays(pickup, 1 - US10_VISIT_WINDOW_DAYS));
  return [
    step({ who: 'clinic', code: 'office_visit', ruleId: 'US10', text: 'Office visit (the 30-day pickup window starts that day).', earliest: iso(on), latest: iso(pickup), on: iso(on), fact: fact({ kind: 'office_visit', on: iso(on) }) }),
    step({ who: 'clinic', code: 'monthly_counselling', ruleId: 'US10', text: 'Counsel the patient and document it.', on: iso(on), latest: iso(pickup), fact: fact({ kind: 'counselling', on: iso(on) }) }),
    ...prescriptionSteps(state, on, pickup, 'US10'),
  ];
}

/** The steps that make `pickup` possible from today, or undefined when no plan fits that day. */
export function buildPlan(state: UsState, pickup: LocalDate): BuiltPlan | undefined {
  if (compareDates(pickup, state.clinicDay) < 0) return undefined;
  let steps: PlanStep[] | undefined;
  switch (state.risk.category) {
    case 'can_get_pregnant':
      steps = canGetPregnant(state, pickup);
      break;
    case 'cannot_get_pregnant':
      steps = cannotGetPregnant(state, pickup);
      break;
    case 'unknown':
      steps = [];
      break;
    default: {
      const unreachable: never = state.risk.category;
      return unreachable;
    }
  }
  if (steps === undefined) return undefined;
  return {
    steps: [
      ...steps,
      step({ who: 'clinic', code: 'request_authorization', ruleId: 'US6', text: 'Request the authorization for the prescription.', on: iso(pickup), fact: fact({ kind: 'authorization', on: iso(pickup) }) }),
      step({ who: 'pharmacy', code: 'obtain_rma_and_dispense', ruleId: 'US13', text: 'Obtain the RMA and DND date, give the Medication Guide, dispense.', on: iso(pickup), fact: fact({ kind: 'pickup', on: iso(pickup) }) }),
    ],
  };
}
