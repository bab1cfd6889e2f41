import type { PackId } from '../../decision.js';

/**
 * Constants of the US iPLEDGE rules (program-rules section 3). Each names its rule id; the pages
 * docs/rules/US<n>.md give the source, the boundaries and the tests that pin them.
 */

/** US1 [C]: at most a 30-day supply per prescription. */
export const US1_MAX_DAYS_SUPPLY = 30;
/** US1 [C] and DECISION 7: no refills. */
export const US1_MAX_REFILLS = 0;
/**
 * US2 [C]: pharmacies re-activate yearly. CONVENTION: an activation counts for 12 calendar
 * months with the activation day as day 1 (DECISIONS 1 and 2): activated 2025-03-10, valid
 * through 2026-03-09.
 */
export const US2_ACTIVATION_MONTHS = 12;
/** US3 [C]: confirmation at least 19 days after screening (DECISION 3: later - earlier >= 19). */
export const US3_SCREENING_TO_CONFIRMATION_DAYS = 19;
/** US3 [C]: tests must detect 25 mIU/mL hCG or less. */
export const US3_MAX_DETECTION_THRESHOLD_MIU_PER_ML = 25;
/** US4/US5 [C]: two methods for 1 calendar month before the confirmation test / first dose (DECISION 1). */
export const US4_CONTRACEPTION_MONTHS_BEFORE = 1;
/** US5 [C]: two methods for 1 calendar month after the last dose. */
export const US5_CONTRACEPTION_MONTHS_AFTER = 1;
/** US7 [C]: 7-day window, specimen day = Day 1, last day = Day 1 + 6 (DECISION 2). */
export const US7_WINDOW_DAYS = 7;
/** US9 [C], 2021 pack: after a missed first window the next test waits 19 days. */
export const US9_LOCKOUT_DAYS = 19;
/** US10 [C], 2021 pack: cannot get pregnant, pickup within 30 days of the office visit (visit = day 1). */
export const US10_VISIT_WINDOW_DAYS = 30;
/** US12 [C]: post-treatment test 30 days after the last dose (DECISION 3: >= 30). */
export const US12_POST_TREATMENT_TEST_DAYS = 30;
/**
 * US12 CONVENTION: "a test at the end of treatment" is a test whose specimen day is within 7
 * days before or after the last dose (the reference gives no tolerance; 7 mirrors the US7 window).
 */
export const US12_END_TEST_TOLERANCE_DAYS = 7;
/** US12 [C]: no blood donation during treatment and for 1 calendar month after. */
export const US12_NO_BLOOD_DONATION_MONTHS_AFTER = 1;
/**
 * DECISION-CGP-2026 (our answer to open question 2, not an iPLEDGE rule): under the 2026 pack a
 * patient who cannot get pregnant collects within 30 days counted from the prescription date
 * (prescription day = day 1), so an authorization always has a last day.
 */
export const CGP_2026_PRESCRIPTION_WINDOW_DAYS = 30;

/** What differs between the two dated US packs. */
export interface UsVariant {
  readonly id: Extract<PackId, 'us-ipledge-2021' | 'us-ipledge-2026'>;
  /** US9: days a repeat of a missed first-window test must wait; undefined = repeat at once. */
  readonly firstWindowLockoutDays: number | undefined;
  /** US10: how patients who cannot get pregnant are handled. */
  readonly cannotGetPregnant: 'visit_window_and_monthly_counselling' | 'enrollment_counselling_only';
  /** US11: where tests may be done. */
  readonly testSettings: 'clia_lab_with_enforcement_discretion' | 'medical_setting_then_home_with_opt_in';
}

export const US_2021: UsVariant = {
  id: 'us-ipledge-2021',
  firstWindowLockoutDays: US9_LOCKOUT_DAYS,
  cannotGetPregnant: 'visit_window_and_monthly_counselling',
  testSettings: 'clia_lab_with_enforcement_discretion',
};

export const US_2026: UsVariant = {
  id: 'us-ipledge-2026',
  firstWindowLockoutDays: undefined,
  cannotGetPregnant: 'enrollment_counselling_only',
  testSettings: 'medical_setting_then_home_with_opt_in',
};

export function usVariant(id: PackId): UsVariant {
  return id === 'us-ipledge-2026' ? US_2026 : US_2021;
}
