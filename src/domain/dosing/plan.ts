import { formatDate, type LocalDate } from '../calendar/index.js';
import { DomainInputError } from '../errors.js';
import { buildCapsuleTable, capsuleCombination, DEFAULT_MAX_DAILY_MG, nearestAchievable, type CapsuleTable } from './capsules.js';
import { dosingDayDate } from './course-calendar.js';
import { ceilDecimal, decimalFromInteger, multiplyDecimal, type Decimal } from './decimal.js';
import {
  courseLengthWarnings,
  foodWarnings,
  ldEquivalenceWarnings,
  maximumUnknownWarnings,
  onceDailyWarnings,
  rangeWarnings,
  reportedMgPerKg,
  retreatWarnings,
  type DosesPerDay,
} from './dose-checks.js';
import { MAX_PHASE_DAYS, MAX_TARGET_MG_PER_KG, MAX_WEIGHT_KG, positiveDecimal, positiveWholeNumber } from './dose-input.js';
import { DOSE_RULE, type DoseWarning } from './dose-rules.js';
import { conventionalEquivalentMg } from './ld-equivalent.js';
import { getProduct, type Product } from './products.js';

/** DOSE-TARGET (CONVENTION): cumulative target in mg/kg, configurable per course. */
export const DEFAULT_TARGET_MG_PER_KG = 120;
/** The documented choices offered to prescribers: conventional 120-150, >= 220 lower relapse [C]. */
export const TARGET_MG_PER_KG_OPTIONS = [120, 150, 220] as const;

export interface PlanPhaseInput {
  readonly mgPerDay: number;
  readonly days: number;
}

export interface CoursePlanRequest {
  readonly weightKg: number;
  readonly targetMgPerKg?: number;
  readonly product: string;
  /** Fixed phases, in order (titration); empty for a constant dose. */
  readonly phases?: readonly PlanPhaseInput[];
  /** The dose of the final phase, which runs until the target is reached. */
  readonly finalMgPerDay: number;
  readonly startDate?: LocalDate;
  /** Missed or paused days; each one inside the course pushes the end one day (DOSE-END-DATE). */
  readonly missedDates?: readonly LocalDate[];
  readonly dosesPerDay?: DosesPerDay;
  /** Last dose of the previous course, to check the retreatment gap (DOSE-RETREAT). */
  readonly previousCourseLastDoseDate?: LocalDate;
  readonly maxDailyMg?: number;
}

export interface PlannedPhase {
  readonly kind: 'fixed' | 'final';
  readonly mgPerDay: number;
  readonly days: number;
  readonly capsules: readonly number[];
  readonly mgPerKgPerDay: number;
  /** Dosing day numbers (day 1 = start), before any missed day. */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly cumulativeMgAtEnd: number;
}

export interface CoursePlan {
  readonly product: Product;
  readonly targetMgPerKg: number;
  /** ceil(weightKg x targetMgPerKg): the course never stops short of the mg/kg target. */
  readonly targetMg: number;
  readonly totalDays: number;
  readonly finalCumulativeMg: number;
  readonly finalCumulativeMgPerKg: number;
  readonly phases: readonly PlannedPhase[];
  readonly startDate?: string;
  readonly endDate?: string;
  /** First day at the highest daily dose, for the peak-dose lab recheck (LAB-SCHEDULE). */
  readonly peakDoseDate?: string;
  /** The missed or paused dates that moved the end date. */
  readonly countedMissedDates?: readonly string[];
  /** Low-dose products only: finalCumulativeMg / 0.8, an assumption [U] (DOSE-LD-EQUIVALENT). */
  readonly conventionalEquivalentCumulativeMg?: number;
  readonly warnings: readonly DoseWarning[];
}

/**
 * A plan phase must be dispensable: a daily mg that the product's strengths cannot make is an
 * input error naming the phase, with the nearest totals that can be made (DOSE-PLAN).
 */
function requireAchievable(table: CapsuleTable, product: Product, mgPerDay: number, field: string): readonly number[] {
  positiveWholeNumber(mgPerDay, field);
  const capsules = capsuleCombination(table, mgPerDay);
  if (capsules !== undefined) return capsules;
  const near = nearestAchievable(table, decimalFromInteger(mgPerDay));
  throw new DomainInputError(
    'dose_not_achievable',
    field,
    `${mgPerDay} mg/day cannot be made from ${product.displayName} capsules (${product.strengthsMg.join('/')} mg, at most ${table.maxDailyMg} mg/day); nearest achievable: ${near.mgPerDay} mg/day`,
  );
}

function targetMgOf(weight: Decimal, targetMgPerKg: number): number {
  return Number(ceilDecimal(multiplyDecimal(weight, positiveDecimal(targetMgPerKg, 'targetMgPerKg', MAX_TARGET_MG_PER_KG))));
}

/** DOSE-PLAN (CONVENTION): fixed phases, then a final phase until the cumulative target. */
export function planCourse(request: CoursePlanRequest): CoursePlan {
  const product = getProduct(request.product);
  const weight = positiveDecimal(request.weightKg, 'weightKg', MAX_WEIGHT_KG);
  const table = buildCapsuleTable(product.strengthsMg, request.maxDailyMg ?? DEFAULT_MAX_DAILY_MG);
  const targetMgPerKg = request.targetMgPerKg ?? DEFAULT_TARGET_MG_PER_KG;
  const targetMg = targetMgOf(weight, targetMgPerKg);
  const inputs = request.phases ?? [];
  const finalCapsules = requireAchievable(table, product, request.finalMgPerDay, 'finalMgPerDay');

  const phases: PlannedPhase[] = [];
  const warnings: DoseWarning[] = [];
  let day = 0;
  let cumulative = 0;
  let reachedAt: { phaseIndex: number; day: number } | undefined;
  inputs.forEach((phase, index) => {
    const capsules = requireAchievable(table, product, phase.mgPerDay, `phases.${index}.mgPerDay`);
    positiveWholeNumber(phase.days, `phases.${index}.days`, MAX_PHASE_DAYS);
    if (reachedAt === undefined && cumulative + phase.mgPerDay * phase.days >= targetMg) {
      reachedAt = { phaseIndex: index, day: day + Math.ceil((targetMg - cumulative) / phase.mgPerDay) };
    }
    phases.push(plannedPhase('fixed', phase.mgPerDay, phase.days, capsules, weight, day, cumulative));
    day += phase.days;
    cumulative += phase.mgPerDay * phase.days;
    warnings.push(...rangeWarnings(product, phase.mgPerDay, weight, index));
  });

  // integers only: ceil(remaining / finalDaily) for whole mg is exact in double arithmetic
  const remaining = targetMg - cumulative;
  const finalDays = remaining > 0 ? Math.ceil(remaining / request.finalMgPerDay) : 0;
  if (finalDays > 0) {
    phases.push(plannedPhase('final', request.finalMgPerDay, finalDays, finalCapsules, weight, day, cumulative));
    day += finalDays;
    cumulative += request.finalMgPerDay * finalDays;
    warnings.push(...rangeWarnings(product, request.finalMgPerDay, weight, inputs.length));
  } else if (reachedAt !== undefined) {
    warnings.push({
      code: 'target_reached_before_final_phase',
      ruleId: DOSE_RULE.plan,
      message: `the fixed phases reach the ${targetMg} mg target on day ${reachedAt.day} (phase ${reachedAt.phaseIndex}); the final phase is not needed and the plan exceeds the target by ${cumulative - targetMg} mg`,
      phaseIndex: reachedAt.phaseIndex,
    });
  }

  const calendar = courseDates(request, phases, day);
  if (request.previousCourseLastDoseDate !== undefined && request.startDate !== undefined) {
    warnings.push(...retreatWarnings(product, request.previousCourseLastDoseDate, request.startDate));
  }
  warnings.push(
    ...courseLengthWarnings(product, day),
    ...maximumUnknownWarnings(product),
    ...onceDailyWarnings(product, request.dosesPerDay ?? 2),
    ...foodWarnings(product),
    ...ldEquivalenceWarnings(product),
  );
  return {
    product,
    targetMgPerKg,
    targetMg,
    totalDays: day,
    finalCumulativeMg: cumulative,
    finalCumulativeMgPerKg: reportedMgPerKg(decimalFromInteger(cumulative), weight),
    phases,
    ...calendar,
    ...(product.isLowDoseFormulation ? { conventionalEquivalentCumulativeMg: conventionalEquivalentMg(cumulative) } : {}),
    warnings,
  };
}

function plannedPhase(
  kind: PlannedPhase['kind'],
  mgPerDay: number,
  days: number,
  capsules: readonly number[],
  weight: Decimal,
  daysBefore: number,
  cumulativeBefore: number,
): PlannedPhase {
  return {
    kind,
    mgPerDay,
    days,
    capsules,
    mgPerKgPerDay: reportedMgPerKg(decimalFromInteger(mgPerDay), weight),
    firstDay: daysBefore + 1,
    lastDay: daysBefore + days,
    cumulativeMgAtEnd: cumulativeBefore + mgPerDay * days,
  };
}

type CourseDates = Pick<CoursePlan, 'startDate' | 'endDate' | 'peakDoseDate' | 'countedMissedDates'>;

function courseDates(request: CoursePlanRequest, phases: readonly PlannedPhase[], totalDays: number): CourseDates {
  const start = request.startDate;
  const missed = request.missedDates ?? [];
  if (start === undefined) {
    if (missed.length > 0) {
      throw new DomainInputError('start_date_required', 'startDate', 'missed dates need the start date of the course');
    }
    if (request.previousCourseLastDoseDate !== undefined) {
      throw new DomainInputError('start_date_required', 'startDate', 'the retreatment gap needs the start date of the course');
    }
    return {};
  }
  const end = dosingDayDate(start, totalDays, missed);
  // the first phase with the highest daily dose: the dose peaks on its first day
  const peak = phases.reduce<PlannedPhase | undefined>((best, p) => (best === undefined || p.mgPerDay > best.mgPerDay ? p : best), undefined);
  return {
    startDate: formatDate(start),
    endDate: formatDate(end.date),
    ...(peak === undefined ? {} : { peakDoseDate: formatDate(dosingDayDate(start, peak.firstDay, missed).date) }),
    countedMissedDates: end.skippedDates.map(formatDate),
  };
}
