import { addDays, addMonths, compareDates, formatDate, type LocalDate } from '../calendar/index.js';
import {
  compareDecimal,
  decimal,
  decimalFromInteger,
  decimalToString,
  divideRounded,
  multiplyDecimal,
  type Decimal,
} from './decimal.js';
import { DOSE_RULE, type DoseWarning } from './dose-rules.js';
import type { Product } from './products.js';

/** How many times a day the daily dose is taken (divided doses). */
export type DosesPerDay = 1 | 2;

/** mg/kg/day rounded half-up to 2 decimals, for messages and reports only. */
export function reportedMgPerKg(mg: Decimal, weightKg: Decimal): number {
  return Number(decimalToString(divideRounded(mg, weightKg, 2)));
}

function phaseLabel(phaseIndex: number | undefined): string {
  return phaseIndex === undefined ? '' : ` (phase ${phaseIndex})`;
}

/**
 * DOSE-RANGE and DOSE-MAX [C, label table]: compares mgPerDay with range x weight exactly, so
 * a dose of exactly 0.5 or 1 mg/kg/day is inside the range and exactly 2 mg/kg/day is not above
 * the maximum. Above the maximum is also above the range: both findings are listed.
 */
export function rangeWarnings(product: Product, mgPerDay: number, weightKg: Decimal, phaseIndex?: number): DoseWarning[] {
  const mg = decimalFromInteger(mgPerDay);
  const perKg = reportedMgPerKg(mg, weightKg);
  const { min, max } = product.usualRangeMgPerKgPerDay;
  const at = phaseIndex === undefined ? {} : { phaseIndex };
  const where = phaseLabel(phaseIndex);
  const warnings: DoseWarning[] = [];
  if (compareDecimal(mg, multiplyDecimal(decimal(min), weightKg)) < 0) {
    warnings.push({
      code: 'below_usual_range',
      ruleId: DOSE_RULE.range,
      message: `${mgPerDay} mg/day is ${perKg} mg/kg/day${where}, below the usual ${min}-${max} mg/kg/day of ${product.displayName}`,
      ...at,
    });
  }
  if (compareDecimal(mg, multiplyDecimal(decimal(max), weightKg)) > 0) {
    warnings.push({
      code: 'above_usual_range',
      ruleId: DOSE_RULE.range,
      message: `${mgPerDay} mg/day is ${perKg} mg/kg/day${where}, above the usual ${min}-${max} mg/kg/day of ${product.displayName}`,
      ...at,
    });
  }
  const maximum = product.maxMgPerKgPerDay;
  if (maximum !== null && compareDecimal(mg, multiplyDecimal(decimal(maximum), weightKg)) > 0) {
    warnings.push({
      code: 'above_maximum',
      ruleId: DOSE_RULE.maximum,
      message: `${mgPerDay} mg/day is ${perKg} mg/kg/day${where}, above the label maximum of ${maximum} mg/kg/day of ${product.displayName}`,
      ...at,
    });
  }
  return warnings;
}

/** DOSE-MAX: a product without a known maximum says so once, instead of silently passing. */
export function maximumUnknownWarnings(product: Product): DoseWarning[] {
  if (product.maxMgPerKgPerDay !== null) return [];
  return [
    {
      code: 'maximum_unknown',
      ruleId: DOSE_RULE.maximum,
      message: `the maximum mg/kg/day of ${product.displayName} is not known to this engine (the reference gives none): doses were not checked against a maximum`,
    },
  ];
}

/** DOSE-ONCE-DAILY [C]: US labels do not recommend once-daily dosing; UK, EU, Canada allow it. */
export function onceDailyWarnings(product: Product, dosesPerDay: DosesPerDay): DoseWarning[] {
  if (dosesPerDay === 2 || product.onceDailyAllowed) return [];
  return [
    {
      code: 'once_daily_not_recommended',
      ruleId: DOSE_RULE.onceDaily,
      message: `once-daily dosing is not recommended for ${product.displayName}: take the daily dose in 2 divided doses`,
    },
  ];
}

/** DOSE-FOOD [C]: an instruction only for products that must be taken with food. */
export function foodWarnings(product: Product): DoseWarning[] {
  switch (product.food) {
    case 'withFood':
      return [{ code: 'take_with_food', ruleId: DOSE_RULE.food, message: `take ${product.displayName} with food` }];
    case 'withOrWithoutFood':
      return [];
    default: {
      const unreachable: never = product.food;
      return unreachable;
    }
  }
}

/**
 * DOSE-RETREAT [C]: the first allowed start of a new course. A gap in weeks is counted in days
 * (8 weeks = last dose + 56 days); a gap in months uses calendar months (program-rules DECISION 1).
 * "At least N days after" means start - lastDose >= N (program-rules DECISION 3).
 */
export function firstRetreatmentDate(product: Product, previousLastDose: LocalDate): LocalDate {
  const gap = product.retreatmentGap;
  switch (gap.unit) {
    case 'weeks':
      return addDays(previousLastDose, gap.value * 7);
    case 'months':
      return addMonths(previousLastDose, gap.value);
    default: {
      const unreachable: never = gap;
      return unreachable;
    }
  }
}

export function retreatWarnings(product: Product, previousLastDose: LocalDate, startDate: LocalDate): DoseWarning[] {
  const firstAllowed = firstRetreatmentDate(product, previousLastDose);
  if (compareDates(startDate, firstAllowed) >= 0) return [];
  const gap = `${product.retreatmentGap.value} ${product.retreatmentGap.unit}`;
  return [
    {
      code: 'retreatment_too_early',
      ruleId: DOSE_RULE.retreat,
      message: `a new course of ${product.displayName} needs ${gap} off treatment after the last dose on ${formatDate(previousLastDose)}: earliest start ${formatDate(firstAllowed)}`,
      earliestDate: formatDate(firstAllowed),
    },
  ];
}

/** DOSE-COURSE-LENGTH [C]: the label's usual course length in weeks, inclusive at both ends. */
export function courseLengthWarnings(product: Product, totalDays: number): DoseWarning[] {
  const { min, max } = product.courseWeeks;
  if (totalDays < min * 7) {
    return [
      {
        code: 'course_shorter_than_usual',
        ruleId: DOSE_RULE.courseLength,
        message: `the plan lasts ${totalDays} days, shorter than the usual ${min}-${max} weeks of ${product.displayName}`,
      },
    ];
  }
  if (totalDays > max * 7) {
    return [
      {
        code: 'course_longer_than_usual',
        ruleId: DOSE_RULE.courseLength,
        message: `the plan lasts ${totalDays} days, longer than the usual ${min}-${max} weeks of ${product.displayName}`,
      },
    ];
  }
  return [];
}

/** DOSE-LD-EQUIVALENT [U]: LD mg toward a mg/kg target is not settled. */
export function ldEquivalenceWarnings(product: Product): DoseWarning[] {
  if (!product.isLowDoseFormulation) return [];
  return [
    {
      code: 'ld_equivalence_unsettled',
      ruleId: DOSE_RULE.ldEquivalent,
      message: `${product.displayName} is a low-dose (micronized) formulation, not substitutable with conventional isotretinoin; whether its mg count 1:1 toward a mg/kg target is not settled [U]: raw mg are used, a conventional equivalent (raw / 0.8) is shown as an assumption`,
    },
  ];
}
