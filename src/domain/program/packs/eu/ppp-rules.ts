import { addDays, addMonths, type LocalDate } from '../../../calendar/index.js';
import type { Jurisdiction } from '../../jurisdiction.js';

/**
 * Constants of the EU pregnancy prevention programme and its UK form (program-rules sections 2
 * and 4). Each names its rule id; the pages docs/rules/EU<n>.md and UK<n>.md give the source, the
 * boundaries and the tests that pin them.
 */

/** EU1 [C]: at most 30 days of treatment per prescription for a patient of childbearing potential. */
export const EU1_MAX_DAYS_OF_TREATMENT = 30;
/**
 * EU1 [C] note "some UK formularies 28": a UK prescription of 29 or 30 days is allowed (EU1) but
 * noted with a warning, so that a clinic bound by a 28-day formulary sees it.
 */
export const EU1_UK_FORMULARY_DAYS = 28;
/** DECISION 7: a prescription with refills is refused when written (every pack). */
export const MAX_REFILLS = 0;
/** EU2 [C]: dispense within 7 days of the prescription date; Day 1 = prescription date (DECISION 2). */
export const EU2_DISPENSE_WINDOW_DAYS = 7;
/** EU3 [C]/[S] and DECISION 4: the test is on the prescribing day or in the 3 days before it. */
export const EU3_TEST_DAYS_BEFORE_PRESCRIPTION = 3;
/** EU3 [C]: a test detects 25 mIU/mL hCG or less (EU SmPC "minimum sensitivity of 25 mIU/mL"). */
export const EU3_MAX_DETECTION_THRESHOLD_MIU_PER_ML = 25;
/** EU3 [C] and EU4 [C]: the first test is at least 1 calendar month after contraception began (DECISION 1). */
export const EU4_CONTRACEPTION_MONTHS_BEFORE = 1;
/** EU4 [C]: contraception continues 1 calendar month after the last dose. */
export const EU4_CONTRACEPTION_MONTHS_AFTER = 1;
/** EU3 [C]: final test 1 calendar month after stopping. */
export const EU3_FINAL_TEST_MONTHS_AFTER = 1;
/** EU3 [S], France (`EU-FR`): final test 5 weeks (35 days) after stopping. */
export const EU3_FRANCE_FINAL_TEST_DAYS_AFTER = 35;
/** Program-rules section 2 [C] (2024 DHPC): naturally post-menopausal for >= 24 consecutive months. */
export const EU_MENOPAUSE_MONTHS = 24;

/**
 * EU3: first day a final (post-treatment) test counts: 1 calendar month after the last dose, or
 * 5 weeks after it in France (DECISION 3: `test day - last dose >= 35`).
 */
export function finalTestFrom(jurisdiction: Jurisdiction, lastDose: LocalDate): LocalDate {
  return jurisdiction === 'EU-FR' ? addDays(lastDose, EU3_FRANCE_FINAL_TEST_DAYS_AFTER) : addMonths(lastDose, EU3_FINAL_TEST_MONTHS_AFTER);
}

/** EU2 and DECISION 2: the last day to dispense a prescription written on `writtenOn`. */
export function lastDayToDispense(writtenOn: LocalDate): LocalDate {
  return addDays(writtenOn, EU2_DISPENSE_WINDOW_DAYS - 1);
}

/** EU1: days of treatment = quantity x strength / daily mg, compared exactly in integers. */
export function daysOfTreatmentExceed(quantity: number, strengthMg: number, dailyMg: number, maxDays: number): boolean {
  return quantity * strengthMg > maxDays * dailyMg;
}

export function formatDaysOfTreatment(quantity: number, strengthMg: number, dailyMg: number): string {
  const total = quantity * strengthMg;
  return total % dailyMg === 0 ? String(total / dailyMg) : `${Math.floor(total / dailyMg)} ${total % dailyMg}/${dailyMg}`;
}
