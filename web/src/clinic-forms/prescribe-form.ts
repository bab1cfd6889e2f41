import type { PrescriptionRequest } from '../../../src/contracts/course.js';
import {
  buildCapsuleTable,
  decimal,
  foodWarnings,
  getProduct,
  isAchievable,
  MAX_WEIGHT_KG,
  planCourse,
  PRODUCT_IDS,
  rangeWarnings,
  TARGET_MG_PER_KG_OPTIONS,
  type DoseWarning,
  type Product,
} from '../../../src/domain/dosing/index.js';
import { DomainInputError } from '../../../src/domain/errors.js';
import { combinedWarnings, type DoseCalculation } from '../dosing/dose-form.js';
import { Checker, type FieldProblem, type FormOutcome } from './form-fields.js';

/** A prescription is for at most 30 days in every programme (US1, EU and UK 30-day supply). */
export const MAX_DAYS_SUPPLY = 30;

export interface PrescribeFormValues {
  readonly product: string;
  readonly strengthMg: string;
  readonly dailyMg: string;
  readonly daysSupply: string;
  readonly writtenOn: string;
  /** Only for the preview (range warnings, course length): the course's baseline weight by default. */
  readonly weightKg: string;
  readonly acknowledgeInteractions: boolean;
}

export type PrescribeField = Exclude<keyof PrescribeFormValues, 'acknowledgeInteractions'>;
export type PrescribeBody = Omit<PrescriptionRequest, 'prescriberId' | 'acknowledgeInteractions'> & { prescriberId?: string; acknowledgeInteractions?: boolean };

const FAMILY: Readonly<Record<string, string>> = { US: 'US', EU: 'EU', 'EU-FR': 'EU', 'EU-IT': 'EU', UK: 'UK' };

/** The products a clinic of this jurisdiction may prescribe (the server refuses the others). */
export function productsFor(jurisdiction: string | undefined): Product[] {
  const family = jurisdiction === undefined ? undefined : FAMILY[jurisdiction];
  return PRODUCT_IDS.map((id) => getProduct(id)).filter((p) => family === undefined || p.jurisdiction === family);
}

const productOf = (id: string): Product | undefined => ((PRODUCT_IDS as readonly string[]).includes(id) ? getProduct(id) : undefined);

export function emptyPrescribeForm(today: string, product: Product | undefined, weightKg: string | null): PrescribeFormValues {
  return {
    product: product?.id ?? '',
    strengthMg: product === undefined ? '' : String(product.strengthsMg[product.strengthsMg.length - 1] ?? ''),
    dailyMg: '',
    daysSupply: String(MAX_DAYS_SUPPLY),
    writtenOn: today,
    weightKg: weightKg ?? '',
    acknowledgeInteractions: false,
  };
}

interface Checked {
  readonly product: Product | undefined;
  readonly strengthMg: number | undefined;
  readonly dailyMg: number | undefined;
  readonly days: number | undefined;
  readonly capsulesPerDay: number | undefined;
}

function checkDose(values: PrescribeFormValues, check: Checker<PrescribeField>): Checked {
  const product = productOf(values.product);
  if (product === undefined) check.add('product', 'notChosen');
  const strength = check.chosen('strengthMg', values.strengthMg);
  const strengthMg = strength === undefined ? undefined : Number(strength);
  if (product !== undefined && strengthMg !== undefined && !product.strengthsMg.includes(strengthMg)) check.add('strengthMg', 'notChosen');
  const dailyMg = check.whole('dailyMg', values.dailyMg, 1, 400);
  const days = check.whole('daysSupply', values.daysSupply, 1, MAX_DAYS_SUPPLY);
  let capsulesPerDay: number | undefined;
  if (strengthMg !== undefined && dailyMg !== undefined) {
    // one strength per prescription: the daily dose is a whole number of these capsules
    if (dailyMg % strengthMg !== 0) check.add('dailyMg', 'notMultiple', strengthMg);
    else if (product !== undefined && !isAchievable(buildCapsuleTable(product.strengthsMg), dailyMg)) check.add('dailyMg', 'notMultiple', strengthMg);
    else capsulesPerDay = dailyMg / strengthMg;
  }
  return { product, strengthMg, dailyMg, days, capsulesPerDay };
}

/** The prescription to post: capsules = capsules a day x days of supply; never refills (DECISION 7). */
export function prescriptionRequestFrom(values: PrescribeFormValues, today: string, prescriber: { prescriberId?: string } = {}): FormOutcome<PrescribeBody, PrescribeField> {
  const check = new Checker<PrescribeField>();
  const dose = checkDose(values, check);
  const writtenOn = check.date('writtenOn', values.writtenOn, today);
  return check.outcome(() => ({
    writtenOn: writtenOn ?? today,
    product: dose.product?.id ?? '',
    strengthMg: dose.strengthMg ?? 0,
    quantity: (dose.capsulesPerDay ?? 0) * (dose.days ?? 0),
    dailyMg: dose.dailyMg ?? 0,
    refills: 0,
    ...prescriber,
    ...(values.acknowledgeInteractions ? { acknowledgeInteractions: true } : {}),
  }));
}

export interface PrescribePreview {
  readonly quantity: number;
  readonly capsulesPerDay: number;
  readonly days: number;
  /** The dose plan to the course's target (needs a weight); warnings as the dose calculator shows them. */
  readonly calculation: DoseCalculation | undefined;
  readonly warnings: readonly DoseWarning[];
}

/**
 * The live preview while the prescriber types: the same dose domain the server uses (DOSE-RANGE,
 * DOSE-MAX, DOSE-FOOD, DOSE-PLAN); undefined until the dose fields can be read.
 */
export function prescribePreview(values: PrescribeFormValues, targetMgPerKg: number | null): { readonly preview?: PrescribePreview; readonly problems: readonly FieldProblem<PrescribeField>[] } {
  const check = new Checker<PrescribeField>();
  const dose = checkDose(values, check);
  const weightKg = check.optionalDecimal('weightKg', values.weightKg, MAX_WEIGHT_KG);
  const { product, strengthMg, dailyMg, days, capsulesPerDay } = dose;
  if (product === undefined || strengthMg === undefined || dailyMg === undefined || days === undefined || capsulesPerDay === undefined || check.problems.length > 0) {
    return { problems: check.problems };
  }
  const food = foodWarnings(product);
  if (weightKg === undefined) return { preview: { quantity: capsulesPerDay * days, capsulesPerDay, days, calculation: undefined, warnings: food }, problems: [] };
  const dailyWarnings = [...rangeWarnings(product, dailyMg, decimal(String(weightKg))), ...food];
  try {
    const plan = planCourse({ weightKg, targetMgPerKg: targetMgPerKg ?? TARGET_MG_PER_KG_OPTIONS[0], product: product.id, phases: [], finalMgPerDay: dailyMg });
    const daily = {
      product,
      requestedMgPerDay: dailyMg,
      mgPerDay: dailyMg,
      capsules: Array.from({ length: capsulesPerDay }, () => strengthMg),
      actualMgPerKgPerDay: Math.round((dailyMg / weightKg) * 100) / 100,
      warnings: dailyWarnings,
    };
    const warnings = combinedWarnings(dailyWarnings, plan.warnings, 0);
    return { preview: { quantity: capsulesPerDay * days, capsulesPerDay, days, calculation: { daily, plan, warnings }, warnings }, problems: [] };
  } catch (error) {
    if (error instanceof DomainInputError) return { preview: { quantity: capsulesPerDay * days, capsulesPerDay, days, calculation: undefined, warnings: dailyWarnings }, problems: [] };
    throw error;
  }
}
