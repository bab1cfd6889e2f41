import { buildCapsuleTable, DEFAULT_MAX_DAILY_MG, nearestAchievable } from './capsules.js';
import { decimalFromInteger, decimalToNumber, multiplyDecimal } from './decimal.js';
import {
  foodWarnings,
  ldEquivalenceWarnings,
  maximumUnknownWarnings,
  onceDailyWarnings,
  rangeWarnings,
  reportedMgPerKg,
  type DosesPerDay,
} from './dose-checks.js';
import { MAX_MG_PER_KG_PER_DAY, MAX_WEIGHT_KG, positiveDecimal } from './dose-input.js';
import { DOSE_RULE, type DoseWarning } from './dose-rules.js';
import { getProduct, type Product } from './products.js';

export interface DailyDoseRequest {
  readonly weightKg: number;
  readonly mgPerKgPerDay: number;
  /** A product id of the catalogue (DOSE-CATALOGUE). */
  readonly product: string;
  /** Default 2 (divided doses, what every label allows). */
  readonly dosesPerDay?: DosesPerDay;
  /** Upper bound of achievable totals (DOSE-CAPSULES), default 400 mg. */
  readonly maxDailyMg?: number;
}

export interface DailyDose {
  readonly product: Product;
  /** weightKg x mgPerKgPerDay, exact, before choosing an achievable total. */
  readonly requestedMgPerDay: number;
  readonly mgPerDay: number;
  /** Capsules for the whole day, largest first (DOSE-CAPSULES). */
  readonly capsules: readonly number[];
  /** mgPerDay / weightKg rounded half-up to 2 decimals (reporting only). */
  readonly actualMgPerKgPerDay: number;
  readonly warnings: readonly DoseWarning[];
}

/** DOSE-NEAREST: the weight-based daily dose as an achievable capsule total, with every finding. */
export function computeDailyDose(request: DailyDoseRequest): DailyDose {
  const product = getProduct(request.product);
  const weight = positiveDecimal(request.weightKg, 'weightKg', MAX_WEIGHT_KG);
  const perKg = positiveDecimal(request.mgPerKgPerDay, 'mgPerKgPerDay', MAX_MG_PER_KG_PER_DAY);
  const table = buildCapsuleTable(product.strengthsMg, request.maxDailyMg ?? DEFAULT_MAX_DAILY_MG);
  const requested = multiplyDecimal(weight, perKg);
  const nearest = nearestAchievable(table, requested);
  const warnings: DoseWarning[] = [];
  if (nearest.capped) {
    warnings.push({
      code: 'above_daily_mg_bound',
      ruleId: DOSE_RULE.capsules,
      message: `the requested ${decimalToNumber(requested)} mg/day is above the planner's bound of ${table.maxDailyMg} mg/day`,
    });
  }
  if (!nearest.exact) {
    warnings.push({
      code: 'dose_not_exact',
      ruleId: DOSE_RULE.nearest,
      message: `${decimalToNumber(requested)} mg/day cannot be made from ${product.strengthsMg.join('/')} mg capsules: nearest achievable ${nearest.mgPerDay} mg/day`,
    });
  }
  warnings.push(
    ...rangeWarnings(product, nearest.mgPerDay, weight),
    ...maximumUnknownWarnings(product),
    ...onceDailyWarnings(product, request.dosesPerDay ?? 2),
    ...foodWarnings(product),
    ...ldEquivalenceWarnings(product),
  );
  return {
    product,
    requestedMgPerDay: decimalToNumber(requested),
    mgPerDay: nearest.mgPerDay,
    capsules: nearest.capsules,
    actualMgPerKgPerDay: reportedMgPerKg(decimalFromInteger(nearest.mgPerDay), weight),
    warnings,
  };
}
