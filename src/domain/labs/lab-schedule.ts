import { addDays, addMonths, compareDates, date, formatDate, type LocalDate } from '../calendar/index.js';
import { DomainInputError } from '../errors.js';
import { LOINC } from './lab-codes.js';
import { LAB_RULE, type LabRuleId } from './lab-rules.js';

/**
 * LAB-SCHEDULE: when monitoring labs are due for a course.
 *
 * - `reduced` (default, CONVENTION after the 2022 Delphi consensus [C]): baseline ALT (+ AST) and
 *   fasting TG (+ lipid panel) within 30 days before the start; one recheck at the peak dose or
 *   at 8 weeks (start + 56 days), whichever comes first. More only when abnormal (LAB-ACTIONS),
 *   when the dose rises, or for high-risk patients: those are clinician decisions, not dates here.
 * - `smpc` (EU/UK SmPC [C]): baseline, at 1 calendar month, then every 3 calendar months after
 *   that (months 4, 7, ...) while on or before the end date (DECISION: "then every 3 months" is
 *   counted from the 1-month test).
 * CBC is off by default (no CBC in the consensus [C]); `includeCbc` adds it to every item.
 */
export type LabScheduleProfile = 'reduced' | 'smpc';
export const DEFAULT_LAB_SCHEDULE_PROFILE: LabScheduleProfile = 'reduced';
/** Baseline window: 0..30 days before the start (start - test date in 0..30). */
export const BASELINE_WINDOW_DAYS = 30;
/** Reduced profile: the recheck is at the latest 8 weeks after the start. */
export const RECHECK_AT_DAYS = 56;
export const SMPC_FIRST_RECHECK_MONTHS = 1;
export const SMPC_INTERVAL_MONTHS = 3;

export type LabTest = 'ALT' | 'AST' | 'FASTING_TG' | 'LIPID_PANEL' | 'CBC';

/** LOINC of each scheduled test; null where the reference gives no code (CBC). */
export const LAB_TEST_LOINC: Readonly<Record<LabTest, string | null>> = {
  ALT: LOINC.alt,
  AST: LOINC.ast,
  FASTING_TG: LOINC.triglyceridesMass,
  LIPID_PANEL: LOINC.lipidPanel,
  CBC: null,
};

export interface LabScheduleRequest {
  readonly startDate: LocalDate;
  readonly endDate: LocalDate;
  /** First day at the highest daily dose (DOSE-PLAN's peakDoseDate). */
  readonly peakDoseDate?: LocalDate;
  readonly profile?: LabScheduleProfile;
  readonly includeCbc?: boolean;
}

export interface ScheduledLab {
  readonly kind: 'baseline' | 'recheck';
  readonly tests: readonly LabTest[];
  /** Earliest acceptable date, when the item has a window (the baseline). */
  readonly windowStart?: string;
  readonly dueDate: string;
  readonly reason: string;
  readonly ruleId: LabRuleId;
}

const MONITORING_TESTS: readonly LabTest[] = ['ALT', 'AST', 'FASTING_TG', 'LIPID_PANEL'];

export function labSchedule(request: LabScheduleRequest): ScheduledLab[] {
  const { startDate, endDate } = request;
  if (compareDates(endDate, startDate) < 0) {
    throw new DomainInputError('end_before_start', 'endDate', 'the end date is before the start date');
  }
  if (request.peakDoseDate !== undefined && (compareDates(request.peakDoseDate, startDate) < 0 || compareDates(request.peakDoseDate, endDate) > 0)) {
    throw new DomainInputError('peak_outside_course', 'peakDoseDate', 'the peak-dose date must fall within the course');
  }
  const tests = request.includeCbc === true ? [...MONITORING_TESTS, 'CBC' as const] : MONITORING_TESTS;
  const baseline: ScheduledLab = {
    kind: 'baseline',
    tests,
    windowStart: formatDate(addDays(startDate, -BASELINE_WINDOW_DAYS)),
    dueDate: formatDate(startDate),
    reason: `baseline, within ${BASELINE_WINDOW_DAYS} days before the start`,
    ruleId: LAB_RULE.schedule,
  };
  const profile = request.profile ?? DEFAULT_LAB_SCHEDULE_PROFILE;
  switch (profile) {
    case 'reduced':
      return [baseline, reducedRecheck(request, tests)];
    case 'smpc':
      return [baseline, ...smpcRechecks(startDate, endDate, tests)];
    default: {
      const unreachable: never = profile;
      return unreachable;
    }
  }
}

/** The dates of a course plan (DOSE-PLAN's output once it has a start date), as ISO text. */
export interface PlannedCourseDates {
  readonly startDate?: string;
  readonly endDate?: string;
  readonly peakDoseDate?: string;
}

/** The schedule of a planned course; a plan without a start date has no dates to schedule from. */
export function labScheduleForPlan(
  plan: PlannedCourseDates,
  options: Pick<LabScheduleRequest, 'profile' | 'includeCbc'> = {},
): ScheduledLab[] {
  if (plan.startDate === undefined || plan.endDate === undefined) {
    throw new DomainInputError('start_date_required', 'startDate', 'a lab schedule needs a plan with a start date');
  }
  return labSchedule({
    ...options,
    startDate: date(plan.startDate),
    endDate: date(plan.endDate),
    ...(plan.peakDoseDate === undefined ? {} : { peakDoseDate: date(plan.peakDoseDate) }),
  });
}

function reducedRecheck(request: LabScheduleRequest, tests: readonly LabTest[]): ScheduledLab {
  const eightWeeks = addDays(request.startDate, RECHECK_AT_DAYS);
  // DECISION: "at the peak dose" needs a dose rise; a course that starts at its highest dose has
  // its peak on day 1, the baseline day, so its recheck is at 8 weeks
  const peak = request.peakDoseDate;
  const peakCounts = peak !== undefined && compareDates(peak, request.startDate) > 0 && compareDates(peak, eightWeeks) < 0;
  const first = peakCounts ? peak : eightWeeks;
  // DECISION: a course that ends before that date still gets its recheck, on its last day
  const endsFirst = compareDates(request.endDate, first) < 0;
  const due = endsFirst ? request.endDate : first;
  const reason = endsFirst
    ? 'recheck on the last day: the course ends before the peak dose or 8 weeks'
    : peakCounts
      ? 'recheck at the peak dose (reached before 8 weeks)'
      : 'recheck at 8 weeks (no dose rise before then)';
  return { kind: 'recheck', tests, dueDate: formatDate(due), reason, ruleId: LAB_RULE.schedule };
}

function smpcRechecks(start: LocalDate, end: LocalDate, tests: readonly LabTest[]): ScheduledLab[] {
  const items: ScheduledLab[] = [];
  // months counted from the start each time (start + 1, 4, 7 ... months) so clamping at a short
  // month never drifts the later dates (program-rules DECISION 1)
  for (let months = SMPC_FIRST_RECHECK_MONTHS; ; months += SMPC_INTERVAL_MONTHS) {
    const due = addMonths(start, months);
    if (compareDates(due, end) > 0) break;
    items.push({ kind: 'recheck', tests, dueDate: formatDate(due), reason: `at ${months} month${months === 1 ? '' : 's'}`, ruleId: LAB_RULE.schedule });
  }
  return items;
}
