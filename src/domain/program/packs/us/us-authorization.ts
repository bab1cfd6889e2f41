import { compareDates, endOfDay, maxDate, type LocalDate, windowLastDay } from '../../../calendar/index.js';
import type { AuthorizationWindow, Decision, NextStep, RuleId } from '../../decision.js';
import type { EventOf } from '../../events.js';
import { Findings, zoned } from '../../findings.js';
import { eventsOf } from '../../timeline.js';
import {
  checkEnrolled,
  checkOpenCourse,
  checkPendingResults,
  checkPositiveTests,
  checkPrescriberCertified,
  checkPrescriptionLimits,
  checkPrescriptionNotUsed,
  checkRiskCategory,
} from './us-checks.js';
import { CGP_2026_PRESCRIPTION_WINDOW_DAYS, US10_VISIT_WINDOW_DAYS } from './us-rules.js';
import { qualifyingTestFor } from './us-sequence.js';
import { openCourse, type UsState } from './us-state.js';
import type { UsDecisionContext } from './us-decision-context.js';

type Prescription = EventOf<'prescription'>;

/** US10, cannot get pregnant: the last day to collect, or undefined with the unmet requirements added. */
function cannotGetPregnantLastDay(state: UsState, f: Findings, rx: Prescription): LocalDate | undefined {
  switch (state.variant.cannotGetPregnant) {
    case 'visit_window_and_monthly_counselling': {
      const visit = eventsOf(state.timeline, 'office_visit').pop();
      if (visit === undefined) {
        f.require({
          code: 'office_visit_missing',
          ruleId: 'US10',
          staff: 'No office visit is recorded: the prescription must be picked up within 30 days of the office visit.',
          patient: 'You need an office visit with your prescriber.',
          earliest: state.clinicDay,
          step: { who: 'clinic', text: 'Hold the office visit and document counselling.', from: state.clinicDay.toString() },
        });
        return undefined;
      }
      const lastDay = windowLastDay(visit.on, US10_VISIT_WINDOW_DAYS);
      const counselled = eventsOf(state.timeline, 'counselling').some((c) => compareDates(c.on, visit.on) >= 0);
      if (!counselled) {
        f.require({
          code: 'monthly_counselling_missing',
          ruleId: 'US10',
          staff: `No counselling is documented since the office visit of ${visit.on.toString()} (monthly counselling, 2021 pack).`,
          patient: 'Your prescriber must counsel you again this month.',
          earliest: state.clinicDay,
          step: { who: 'clinic', text: 'Document this month’s counselling.', from: state.clinicDay.toString() },
        });
      }
      if (compareDates(state.actionDay, lastDay) > 0) {
        f.require({
          code: 'office_visit_window_closed',
          ruleId: 'US10',
          staff: `The 30-day window from the office visit of ${visit.on.toString()} closed on ${lastDay.toString()} at 23:59 New York time.`,
          patient: `The pickup period from your last visit ended on ${lastDay.toString()}; you need a new visit.`,
          earliest: state.clinicDay,
          step: { who: 'clinic', text: 'Hold a new office visit (a new 30-day window starts that day).', from: state.clinicDay.toString() },
        });
        return undefined;
      }
      return lastDay;
    }
    case 'enrollment_counselling_only': {
      const lastDay = windowLastDay(rx.writtenOn, CGP_2026_PRESCRIPTION_WINDOW_DAYS);
      if (compareDates(state.actionDay, lastDay) > 0) {
        f.require({
          code: 'prescription_pickup_period_over',
          ruleId: 'DECISION-CGP-2026',
          staff: `Prescription ${rx.id} of ${rx.writtenOn.toString()} can be collected until ${lastDay.toString()} (product decision on open question 2); a new prescription is needed.`,
          patient: 'This prescription is too old to collect; your prescriber must write a new one.',
          earliest: state.clinicDay,
          step: { who: 'clinic', text: 'Write a new prescription.', from: state.clinicDay.toString() },
        });
        return undefined;
      }
      return lastDay;
    }
    default: {
      const unreachable: never = state.variant.cannotGetPregnant;
      return unreachable;
    }
  }
}

function allowedSteps(state: UsState, lastDay: LocalDate): NextStep[] {
  const by = lastDay.toString();
  const windowRule: RuleId =
    state.risk.category === 'can_get_pregnant' ? 'US7' : state.variant.cannotGetPregnant === 'enrollment_counselling_only' ? 'DECISION-CGP-2026' : 'US10';
  return [
    {
      who: 'pharmacy',
      code: 'obtain_rma',
      ruleId: 'US13',
      text: 'Obtain the iPLEDGE RMA number and record it with its DND date before dispensing; give the Medication Guide.',
      by,
    },
    { who: 'patient', code: 'collect_by', ruleId: windowRule, text: `Collect your prescription by ${by} 23:59 New York time.`, by },
    {
      who: 'pharmacy',
      code: 'reverse_if_not_collected',
      ruleId: 'US13',
      text: 'If the patient does not collect by the last day, reverse the authorization and return the stock.',
      from: by,
    },
  ];
}

/** A prescription dated after the action's instant is not known yet; it can be authorized from its day. */
function checkPrescriptionRecorded(state: UsState, f: Findings, prescriptionId: string): void {
  const later = state.programCase.events.find((e): e is Prescription => e.kind === 'prescription' && e.id === prescriptionId);
  const earliest = later === undefined ? state.clinicDay : maxDate(later.writtenOn, state.clinicDay);
  f.require({
    code: 'prescription_not_recorded',
    ruleId: 'US6',
    staff: `Prescription ${prescriptionId} is not recorded at this instant.`,
    patient: 'Your prescription has not been recorded yet.',
    earliest,
  });
}

/** US1, US2, DECISION 6/7 and DECISION-SECOND-COURSE on the prescription being authorized. */
function checkPrescription(state: UsState, f: Findings, rx: Prescription): void {
  const course = openCourse(state);
  if (course !== undefined && compareDates(rx.writtenOn, course.startedOn) < 0) {
    f.require({
      code: 'prescription_from_previous_course',
      ruleId: 'DECISION-SECOND-COURSE',
      staff: `Prescription ${rx.id} was written before the current course started (${course.startedOn.toString()}).`,
      patient: 'This prescription belongs to an earlier course.',
      earliest: state.clinicDay,
    });
  }
  checkPrescriberCertified(state, f, rx.prescriberId, state.actionDay);
  checkPrescriptionLimits(state, f, rx);
  checkPrescriptionNotUsed(state, f, rx.id);
}

export function decideIssueAuthorization(state: UsState, ctx: UsDecisionContext, prescriptionId: string): Decision {
  const f = new Findings();
  const rx = eventsOf(state.timeline, 'prescription').find((p) => p.id === prescriptionId);
  // DECISION 9: a prescription not known yet is one unmet requirement among the others, never a shortcut
  if (rx === undefined) checkPrescriptionRecorded(state, f, prescriptionId);
  checkRiskCategory(state, f);
  checkEnrolled(state, f);
  checkOpenCourse(state, f);
  if (rx !== undefined) checkPrescription(state, f, rx);
  checkPositiveTests(state, f);
  checkPendingResults(state, f);
  let lastDay: LocalDate | undefined;
  switch (state.risk.category) {
    case 'can_get_pregnant':
      lastDay = qualifyingTestFor(state, f, rx?.writtenOn)?.lastDay;
      break;
    case 'cannot_get_pregnant':
      lastDay = rx === undefined ? undefined : cannotGetPregnantLastDay(state, f, rx);
      break;
    case 'unknown':
      break;
    default: {
      const unreachable: never = state.risk.category;
      return unreachable;
    }
  }
  if (lastDay === undefined && !f.blocked) {
    // defensive: an authorization is never allowed without a last day to collect
    f.require({
      code: 'authorization_window_unknown',
      ruleId: 'DECISION-8',
      staff: 'The last day to collect cannot be determined from the recorded facts.',
      patient: 'Your clinic must complete your record before your prescription can be authorized.',
    });
  }
  if (state.riskRestartOn !== undefined && state.dispensesInPhase.length === 0) {
    f.warn(
      'risk_change_restarts_sequence',
      'DECISION-RISK-CHANGE',
      `The risk category changed to "can get pregnant" on ${state.riskRestartOn.toString()}: the pre-treatment sequence restarts before the next authorization.`,
      'Because your situation changed, the pregnancy tests and birth control steps start again before your next prescription.',
    );
  }
  const window: AuthorizationWindow | undefined =
    lastDay === undefined
      ? undefined
      : {
          firstInstant: zoned(state.timeline.at, state.zone),
          lastInstant: zoned(endOfDay(lastDay, state.zone), state.zone),
          lastDayToCollect: lastDay.toString(),
        };
  return f.toDecision({
    pack: ctx.pack,
    action: state.programCase.action,
    actionDate: state.actionDay,
    window,
    allowedSteps: lastDay === undefined ? [] : allowedSteps(state, lastDay),
  });
}
