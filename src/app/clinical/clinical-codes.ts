import type { Coding } from '../../db/clinical-fact.repository.js';
import { getProduct, isProductId } from '../../domain/dosing/index.js';
import { LOINC } from '../../domain/labs/index.js';

/**
 * CLIN-CODES: the standard codes stored with each clinical fact, so a FHIR interface maps them
 * one to one (clinical-rules.md section 8). Codes come from the reference or the engines' own
 * catalogues; where the reference gives no standard code (gradings, symptom check-ins, notes, the
 * cumulative dose) a local code system is used, as section 8 says for gradings and the cumulative
 * dose ("Observation with a local code system"). Never a guessed standard code.
 */
export const CLINICAL_CODES_RULE_ID = 'CLIN-CODES';

export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  local: 'urn:isocourse:code-system:clinical',
} as const;

/** Isotretinoin as a substance, SNOMED CT 387208003 [C]: the medication of every dose. */
export const ISOTRETINOIN_SNOMED: Coding = { system: SYSTEM.snomed, code: '387208003', display: 'Isotretinoin' };

/** Body weight, LOINC 29463-7, UCUM kg [C]. */
export const BODY_WEIGHT: Coding = { system: SYSTEM.loinc, code: LOINC.bodyWeight, display: 'Body weight' };

/** PHQ-9 panel 44249-1 and total score 44261-6 [C]; the score's UCUM unit is the annotation {score}. */
export const PHQ9_PANEL: Coding = { system: SYSTEM.loinc, code: '44249-1', display: 'PHQ-9 quick depression assessment panel' };
export const PHQ9_TOTAL: Coding = { system: SYSTEM.loinc, code: '44261-6', display: 'PHQ-9 total score' };
export const SCORE_UNIT = '{score}';

export const SYMPTOM_CHECK_IN: Coding = { system: SYSTEM.local, code: 'symptom-check-in', display: 'Symptom check-in (isocourse catalogue)' };
export const CLINICAL_NOTE: Coding = { system: SYSTEM.local, code: 'clinical-note', display: 'Clinical note' };
export const CUMULATIVE_DOSE: Coding = { system: SYSTEM.local, code: 'cumulative-dose', display: 'Cumulative isotretinoin dose taken' };

export type GradingScale = 'iga' | 'lesion_counts' | 'gags' | 'leeds' | 'scars';

export function gradingCode(scale: GradingScale): Coding {
  switch (scale) {
    case 'iga':
      return { system: SYSTEM.local, code: 'iga', display: "Investigator's Global Assessment of acne (0-4)" };
    case 'lesion_counts':
      return { system: SYSTEM.local, code: 'lesion-counts', display: 'Acne lesion counts by region' };
    case 'gags':
      return { system: SYSTEM.local, code: 'gags', display: 'Global Acne Grading System score' };
    case 'leeds':
      return { system: SYSTEM.local, code: 'leeds-revised', display: 'Leeds revised acne grading' };
    case 'scars':
      return { system: SYSTEM.local, code: 'scars-goodman-baron', display: 'Goodman and Baron qualitative acne scar grade' };
    default: {
      const unreachable: never = scale;
      return unreachable;
    }
  }
}

/**
 * The codings of a dose: the substance always, and the RxNorm SCD of the capsules when the
 * prescription in force names a product and strength the catalogue has a code for (DOSE-CATALOGUE:
 * null means unknown, never a borrowed code).
 */
export function doseCodings(prescription: { readonly product: string; readonly strengthMg: number } | undefined): { code: Coding; codings: Coding[] } {
  const substance = { code: ISOTRETINOIN_SNOMED, codings: [] };
  if (prescription === undefined || !isProductId(prescription.product)) return substance;
  const scd = getProduct(prescription.product).rxnormScd[prescription.strengthMg] ?? null;
  if (scd === null) return substance;
  return { code: ISOTRETINOIN_SNOMED, codings: [{ system: SYSTEM.rxnorm, code: scd, display: `isotretinoin ${prescription.strengthMg} MG Oral Capsule` }] };
}

/** The specimen of each pregnancy-test LOINC of the reference (LAB-PREG), for the programme event. */
const PREGNANCY_SPECIMEN: Readonly<Record<string, 'urine' | 'serum'>> = {
  [LOINC.hcgUrine]: 'urine',
  [LOINC.hcgSerum]: 'serum',
  [LOINC.betaHcgUrine]: 'urine',
  [LOINC.betaHcgSerum]: 'serum',
  [LOINC.hcgRapidUrine]: 'urine',
  [LOINC.betaHcgQuantitativeSerum]: 'serum',
};

export function pregnancySpecimen(loinc: string): 'urine' | 'serum' | undefined {
  return Object.hasOwn(PREGNANCY_SPECIMEN, loinc) ? PREGNANCY_SPECIMEN[loinc] : undefined;
}
