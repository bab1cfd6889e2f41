import { DomainInputError } from '../errors.js';
import { ceilDecimal, compareDecimal, decimalFromInteger, floorDecimal, subtractDecimal, type Decimal } from './decimal.js';

/**
 * DOSE-CAPSULES (CONVENTION, clinical-rules.md s1): the daily mg is made **exactly** from the
 * product's strengths with the fewest capsules; ties go to larger capsules (the multisets sorted
 * descending, the lexicographically greatest wins: 60 mg from 10/20/30/40 is 40 + 20).
 *
 * Achievable totals are the whole-mg sums of any number of capsules up to an upper bound of
 * DEFAULT_MAX_DAILY_MG. Why 400: the highest label maximum is 2 mg/kg/day, and 2 mg/kg/day for a
 * 200 kg patient is 400 mg; a bound on mg (not on the capsule count) keeps every product on the
 * same footing (the EU 10/20 mg product needs more capsules for the same dose).
 */
export const DEFAULT_MAX_DAILY_MG = 400;
/** A configured bound above this is rejected: it would only hide a unit error (g vs mg). */
export const LARGEST_ALLOWED_MAX_DAILY_MG = 2000;

export interface CapsuleTable {
  readonly strengthsMg: readonly number[];
  readonly maxDailyMg: number;
  /** best[mg] = the chosen capsules (descending) for that total, undefined when not achievable. */
  readonly best: ReadonlyArray<readonly number[] | undefined>;
}

/** True when `a` is a better combination than `b` under DOSE-CAPSULES (both sorted descending). */
export function isBetterCombination(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return a.length < b.length;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}

function insertDescending(capsules: readonly number[], strength: number): number[] {
  const at = capsules.findIndex((c) => c < strength);
  return at === -1 ? [...capsules, strength] : [...capsules.slice(0, at), strength, ...capsules.slice(at)];
}

/**
 * Dynamic programming over whole mg, 0..maxDailyMg. The optimum for m always equals its largest
 * capsule s plus the optimum for m - s (a better rest would give a better whole), so trying every
 * strength as "one more capsule" and keeping the best candidate finds it.
 */
export function buildCapsuleTable(strengthsMg: readonly number[], maxDailyMg = DEFAULT_MAX_DAILY_MG): CapsuleTable {
  if (!Number.isInteger(maxDailyMg) || maxDailyMg < 1 || maxDailyMg > LARGEST_ALLOWED_MAX_DAILY_MG) {
    throw new DomainInputError(
      'invalid_max_daily_mg',
      'maxDailyMg',
      `the daily mg bound must be a whole number from 1 to ${LARGEST_ALLOWED_MAX_DAILY_MG}: ${maxDailyMg}`,
    );
  }
  if (strengthsMg.length === 0 || strengthsMg.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new DomainInputError('invalid_strengths', 'strengthsMg', 'strengths must be positive whole mg');
  }
  const strengths = [...new Set(strengthsMg)].sort((a, b) => a - b);
  if ((strengths[0] ?? 0) > maxDailyMg) {
    throw new DomainInputError('invalid_max_daily_mg', 'maxDailyMg', `the daily mg bound ${maxDailyMg} is below the smallest capsule`);
  }
  const best: Array<readonly number[] | undefined> = [[]];
  for (let mg = 1; mg <= maxDailyMg; mg += 1) {
    let chosen: readonly number[] | undefined;
    for (const s of strengths) {
      const rest = s <= mg ? best[mg - s] : undefined;
      if (rest === undefined) continue;
      const candidate = insertDescending(rest, s);
      if (chosen === undefined || isBetterCombination(candidate, chosen)) chosen = candidate;
    }
    best.push(chosen);
  }
  return { strengthsMg: strengths, maxDailyMg, best };
}

/** The capsules for exactly `mg` per day, or undefined when no combination makes it. */
export function capsuleCombination(table: CapsuleTable, mg: number): readonly number[] | undefined {
  if (!Number.isInteger(mg) || mg < 1 || mg > table.maxDailyMg) return undefined;
  return table.best[mg];
}

export function isAchievable(table: CapsuleTable, mg: number): boolean {
  return capsuleCombination(table, mg) !== undefined;
}

export interface NearestDose {
  readonly mgPerDay: number;
  readonly capsules: readonly number[];
  /** True when mgPerDay equals the requested exact dose. */
  readonly exact: boolean;
  /** True when the requested dose was above the table's bound, so the total is the bound's best. */
  readonly capped: boolean;
}

/**
 * DOSE-NEAREST (CONVENTION): the achievable total closest to the exact requested mg; a tie
 * between a lower and a higher total goes to the lower one (safety). 0 mg is not a dose, so a
 * request below the smallest capsule gets the smallest achievable total.
 */
export function nearestAchievable(table: CapsuleTable, requestedMg: Decimal): NearestDose {
  const ceiling = decimalFromInteger(table.maxDailyMg);
  const capped = compareDecimal(requestedMg, ceiling) > 0;
  let lower: number | undefined;
  const floor = Number(capped ? BigInt(table.maxDailyMg) : floorDecimal(requestedMg));
  for (let mg = Math.min(floor, table.maxDailyMg); mg >= 1; mg -= 1) {
    if (isAchievable(table, mg)) {
      lower = mg;
      break;
    }
  }
  let upper: number | undefined;
  if (!capped) {
    for (let mg = Math.max(1, Number(ceilDecimal(requestedMg))); mg <= table.maxDailyMg; mg += 1) {
      if (isAchievable(table, mg)) {
        upper = mg;
        break;
      }
    }
  }
  const pick = choose(requestedMg, lower, upper);
  const capsules = capsuleCombination(table, pick) ?? [];
  return {
    mgPerDay: pick,
    capsules,
    exact: compareDecimal(requestedMg, decimalFromInteger(pick)) === 0,
    capped,
  };
}

function choose(requested: Decimal, lower: number | undefined, upper: number | undefined): number {
  if (lower === undefined && upper === undefined) {
    // unreachable with a valid table: the smallest strength is always <= the bound
    throw new DomainInputError('no_achievable_dose', 'maxDailyMg', 'no capsule total fits under the daily mg bound');
  }
  if (lower === undefined) return upper ?? 0;
  if (upper === undefined) return lower;
  const below = subtractDecimal(requested, decimalFromInteger(lower));
  const above = subtractDecimal(decimalFromInteger(upper), requested);
  return compareDecimal(above, below) < 0 ? upper : lower;
}
