import { DomainInputError } from '../errors.js';

/**
 * The product catalogue (rule DOSE-CATALOGUE), as data. Source: clinical-rules.md section 1
 * (label table, all [C]) and section 8 (RxNorm SCD codes [C]). Mg/kg figures are decimal text so
 * that they are compared exactly (see decimal.ts).
 */
export const PRODUCT_IDS = [
  'us-generic',
  'us-generic-25-35',
  'absorica',
  'absorica-ld',
  'absorica-ld-ca',
  'uk-generic',
  'eu-generic',
] as const;

export type ProductId = (typeof PRODUCT_IDS)[number];
export type Jurisdiction = 'US' | 'CA' | 'UK' | 'EU';
export type FoodRequirement = 'withFood' | 'withOrWithoutFood';

/** The off-treatment gap before a new course, as the label words it. */
export type RetreatmentGap = { readonly unit: 'weeks'; readonly value: number } | { readonly unit: 'months'; readonly value: number };

export interface Product {
  readonly id: ProductId;
  readonly displayName: string;
  readonly jurisdiction: Jurisdiction;
  /** Capsule strengths in whole mg, ascending. */
  readonly strengthsMg: readonly number[];
  /**
   * RxNorm SCD code per strength (system http://www.nlm.nih.gov/research/umls/rxnorm), only where
   * the reference gives it; null means unknown, never a guess.
   */
  readonly rxnormScd: Readonly<Record<number, string | null>>;
  readonly food: FoodRequirement;
  /** US labels: once-daily dosing not recommended; UK, EU and Canada allow it [C]. */
  readonly onceDailyAllowed: boolean;
  readonly usualRangeMgPerKgPerDay: { readonly min: string; readonly max: string };
  /** Label maximum in mg/kg/day; null when the reference gives none (Absorica LD Canada). */
  readonly maxMgPerKgPerDay: string | null;
  readonly courseWeeks: { readonly min: number; readonly max: number };
  readonly retreatmentGap: RetreatmentGap;
  /** Absorica LD (micronized): not substitutable with conventional isotretinoin [C]. */
  readonly isLowDoseFormulation: boolean;
  readonly source: string;
}

/** RxNorm SCD codes of isotretinoin oral capsules, clinical-rules.md section 8 [C]. */
const RXNORM_SCD: Readonly<Record<number, string>> = {
  10: '197843',
  20: '197844',
  25: '1547561',
  30: '403930',
  35: '1547565',
  40: '197845',
};

/**
 * RxNorm describes US-marketed drugs, and the reference lists codes for the conventional
 * strengths only: Absorica LD and non-US products get null (unknown) rather than a borrowed code.
 */
function usConventionalCodes(strengths: readonly number[]): Record<number, string | null> {
  return Object.fromEntries(strengths.map((s) => [s, RXNORM_SCD[s] ?? null]));
}

function unknownCodes(strengths: readonly number[]): Record<number, string | null> {
  return Object.fromEntries(strengths.map((s) => [s, null]));
}

const US_CONVENTIONAL = {
  jurisdiction: 'US',
  onceDailyAllowed: false,
  usualRangeMgPerKgPerDay: { min: '0.5', max: '1' },
  maxMgPerKgPerDay: '2',
  courseWeeks: { min: 15, max: 20 },
  isLowDoseFormulation: false,
} as const;

const UK_EU = {
  food: 'withFood',
  onceDailyAllowed: true,
  usualRangeMgPerKgPerDay: { min: '0.5', max: '1.0' },
  maxMgPerKgPerDay: '2',
  courseWeeks: { min: 16, max: 24 },
  retreatmentGap: { unit: 'weeks', value: 8 },
  isLowDoseFormulation: false,
} as const;

export const PRODUCTS: Readonly<Record<ProductId, Product>> = {
  'us-generic': {
    ...US_CONVENTIONAL,
    id: 'us-generic',
    displayName: 'US generic isotretinoin (10/20/30/40 mg)',
    strengthsMg: [10, 20, 30, 40],
    rxnormScd: usConventionalCodes([10, 20, 30, 40]),
    food: 'withFood',
    retreatmentGap: { unit: 'weeks', value: 8 },
    source: 'clinical-rules.md s1 US generic row [C]; s8 RxNorm [C]',
  },
  'us-generic-25-35': {
    ...US_CONVENTIONAL,
    id: 'us-generic-25-35',
    displayName: 'US generic isotretinoin with 25/35 mg (10/20/25/30/35/40 mg)',
    strengthsMg: [10, 20, 25, 30, 35, 40],
    rxnormScd: usConventionalCodes([10, 20, 25, 30, 35, 40]),
    food: 'withFood',
    retreatmentGap: { unit: 'weeks', value: 8 },
    source: 'clinical-rules.md s1 US generic row, "some lines 25, 35" [C]; s8 RxNorm [C]',
  },
  absorica: {
    ...US_CONVENTIONAL,
    id: 'absorica',
    displayName: 'Absorica (US)',
    strengthsMg: [10, 20, 25, 30, 35, 40],
    rxnormScd: usConventionalCodes([10, 20, 25, 30, 35, 40]),
    food: 'withOrWithoutFood',
    retreatmentGap: { unit: 'months', value: 2 },
    source: 'clinical-rules.md s1 Absorica (US) row [C]; s8 RxNorm [C]',
  },
  'absorica-ld': {
    ...US_CONVENTIONAL,
    id: 'absorica-ld',
    displayName: 'Absorica LD (US, micronized)',
    strengthsMg: [8, 16, 20, 24, 28, 32],
    rxnormScd: unknownCodes([8, 16, 20, 24, 28, 32]),
    food: 'withOrWithoutFood',
    usualRangeMgPerKgPerDay: { min: '0.4', max: '0.8' },
    maxMgPerKgPerDay: '1.6',
    retreatmentGap: { unit: 'months', value: 2 },
    isLowDoseFormulation: true,
    source: 'clinical-rules.md s1 Absorica LD (US) row [C]',
  },
  'absorica-ld-ca': {
    id: 'absorica-ld-ca',
    displayName: 'Absorica LD (Canada, micronized)',
    jurisdiction: 'CA',
    strengthsMg: [8, 16, 24, 32],
    rxnormScd: unknownCodes([8, 16, 24, 32]),
    food: 'withOrWithoutFood',
    onceDailyAllowed: true,
    usualRangeMgPerKgPerDay: { min: '0.4', max: '0.8' },
    // the reference table gives "-": unknown, reported as warning maximum_unknown (DOSE-MAX)
    maxMgPerKgPerDay: null,
    courseWeeks: { min: 15, max: 20 },
    retreatmentGap: { unit: 'months', value: 2 },
    isLowDoseFormulation: true,
    source: 'clinical-rules.md s1 Absorica LD (Canada) row [C]; no maximum given',
  },
  'uk-generic': {
    ...UK_EU,
    id: 'uk-generic',
    displayName: 'UK generic isotretinoin (5/10/20/40 mg)',
    jurisdiction: 'UK',
    strengthsMg: [5, 10, 20, 40],
    rxnormScd: unknownCodes([5, 10, 20, 40]),
    source: 'clinical-rules.md s1 UK/EU generics row [C]',
  },
  'eu-generic': {
    ...UK_EU,
    id: 'eu-generic',
    displayName: 'EU generic isotretinoin (10/20 mg)',
    jurisdiction: 'EU',
    strengthsMg: [10, 20],
    rxnormScd: unknownCodes([10, 20]),
    source: 'clinical-rules.md s1 UK/EU generics row [C]',
  },
};

export function isProductId(id: string): id is ProductId {
  return (PRODUCT_IDS as readonly string[]).includes(id);
}

/** The product with this id, or DomainInputError('unknown_product') listing the valid ids. */
export function getProduct(id: string, field = 'product'): Product {
  if (!isProductId(id)) {
    throw new DomainInputError('unknown_product', field, `unknown product "${id}"; valid: ${PRODUCT_IDS.join(', ')}`);
  }
  return PRODUCTS[id];
}

