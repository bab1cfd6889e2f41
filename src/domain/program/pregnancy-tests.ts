import type { Instant } from '../calendar/index.js';

/** Where the specimen was collected and read (rules US11, EU3). */
export const TEST_SETTINGS = ['clia_lab', 'medical_setting', 'home'] as const;
export type TestSetting = (typeof TEST_SETTINGS)[number];

export const TEST_KINDS = ['urine', 'serum'] as const;
export type TestKind = (typeof TEST_KINDS)[number];

/**
 * `unknown`: no result recorded yet (blocks, DECISION 8); `invalid`: the test could not be read
 * or the specimen was lost (it never counts, and it does not block by itself).
 */
export const TEST_RESULTS = ['negative', 'positive', 'unknown', 'invalid'] as const;
export type TestResult = (typeof TEST_RESULTS)[number];

/** What the clinic means the test for; the engine checks that it is valid for that purpose. */
export const TEST_PURPOSES = ['screening', 'confirmation', 'monthly', 'end_of_treatment', 'post_treatment'] as const;
export type TestPurpose = (typeof TEST_PURPOSES)[number];

/** Evidence kept for a home test (US11, 2026 pack): photo, brand, time read and who read it. */
export interface HomeTestEvidence {
  readonly photoRef?: string | undefined;
  readonly brand?: string | undefined;
  readonly readAt?: Instant | undefined;
  readonly readBy?: string | undefined;
}

export interface PregnancyTestFacts {
  readonly id: string;
  /** Specimen collection instant; its calendar date in the clinic's zone is Day 1 of the window (US7). */
  readonly collectedAt: Instant;
  /** Urine or serum ("kind" in the issue; named `specimen` because `kind` tags events). */
  readonly specimen: TestKind;
  readonly loinc?: string | undefined;
  readonly setting: TestSetting;
  readonly homeEvidence?: HomeTestEvidence | undefined;
  /**
   * Lowest hCG concentration (mIU/mL) the test detects. "Sensitivity of at least 25 mIU/mL"
   * means this number is 25 or lower (a 20 mIU/mL test is more sensitive than a 25 one).
   * Unknown blocks (DECISION 8).
   */
  readonly sensitivityMiuPerMl?: number | undefined;
  readonly result: TestResult;
  readonly purpose: TestPurpose;
}

/**
 * hCG LOINC codes (clinical-rules section 2) and the specimen they imply. An unknown code or a
 * code that contradicts the declared kind is an input error, never a guess.
 */
export const PREGNANCY_TEST_LOINC: Readonly<Record<string, TestKind>> = {
  '2106-3': 'urine', // hCG qualitative, urine
  '2118-8': 'serum', // hCG qualitative, serum
  '2112-1': 'urine', // beta-hCG, urine
  '2110-5': 'serum', // beta-hCG, serum
  '80384-1': 'urine', // rapid urine hCG
  '21198-7': 'serum', // quantitative serum beta-hCG
};
