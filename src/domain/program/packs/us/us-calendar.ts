import { addDays, addMonths, maxDate, type LocalDate } from '../../../calendar/index.js';
import type { PackRef } from '../../decision.js';
import type { CourseCalendar, FirstCoursePlanRequest, PlanStep } from '../../planning.js';
import type { PackContext } from '../pack.js';
import {
  US12_END_TEST_TOLERANCE_DAYS,
  US12_NO_BLOOD_DONATION_MONTHS_AFTER,
  US12_POST_TREATMENT_TEST_DAYS,
  US1_MAX_DAYS_SUPPLY,
  US3_SCREENING_TO_CONFIRMATION_DAYS,
  US4_CONTRACEPTION_MONTHS_BEFORE,
  US5_CONTRACEPTION_MONTHS_AFTER,
  US7_WINDOW_DAYS,
  usVariant,
} from './us-rules.js';

/** Usual course: 5 monthly prescriptions (about 20 weeks, clinical-rules section 1). */
export const DEFAULT_COURSE_MONTHS = 5;

const iso = (d: LocalDate): string => d.toString();

function monthEntries(context: PackContext, testDay: LocalDate, earliest: LocalDate, month: number, purpose: 'confirmation' | 'monthly'): PlanStep[] {
  const lastDay = addDays(testDay, US7_WINDOW_DAYS - 1);
  const setting = usVariant(context.packIdOn(testDay)).testSettings === 'medical_setting_then_home_with_opt_in'
    ? purpose === 'confirmation' ? 'in a medical setting' : 'in a medical setting, or at home with evidence if the prescriber opted in'
    : 'in a CLIA-certified lab';
  const label = purpose === 'confirmation' ? 'Confirmation pregnancy test (month 1)' : `Monthly pregnancy test (month ${String(month)})`;
  return [
    { who: 'clinic', code: `${purpose}_test`, ruleId: purpose === 'confirmation' ? 'US4' : 'US6', text: `${label} ${setting}.`, earliest: iso(earliest), latest: iso(testDay), on: iso(testDay), fact: { kind: 'pregnancy_test', on: iso(testDay), purpose, setting: 'clia_lab' } },
    { who: 'patient', code: 'comprehension_questions', ruleId: 'US6', text: 'Answer the comprehension questions.', earliest: iso(testDay), latest: iso(lastDay), on: iso(testDay), fact: { kind: 'comprehension_questions', on: iso(testDay) } },
    { who: 'clinic', code: 'write_prescription', ruleId: 'US1', text: 'Write the prescription (at most 30 days, no refills).', earliest: iso(testDay), latest: iso(lastDay), on: iso(testDay), fact: { kind: 'prescription', on: iso(testDay) } },
    { who: 'clinic', code: 'request_authorization', ruleId: 'US6', text: 'Request the authorization.', earliest: iso(testDay), latest: iso(lastDay), on: iso(testDay), fact: { kind: 'authorization', on: iso(testDay) } },
    { who: 'patient', code: 'collect', ruleId: 'US7', text: `Collect by ${iso(lastDay)} 23:59 New York time.`, earliest: iso(testDay), latest: iso(lastDay), on: iso(testDay), fact: { kind: 'pickup', on: iso(testDay) } },
  ];
}

/**
 * The whole calendar of a first course for a patient who can get pregnant, from the screening
 * test: one month of two methods, confirmation (US3/US4), then one 30-day prescription a month
 * (US1, US6, US7), the end-of-treatment and post-treatment tests (US12) and the end dates (US5).
 */
export function planUsFirstCourse(request: FirstCoursePlanRequest, context: PackContext, pack: PackRef): CourseCalendar {
  const months = request.months ?? DEFAULT_COURSE_MONTHS;
  const s0 = request.screeningOn;
  const confirmation = maxDate(addDays(s0, US3_SCREENING_TO_CONFIRMATION_DAYS), addMonths(s0, US4_CONTRACEPTION_MONTHS_BEFORE));
  const firstSetting = usVariant(context.packIdOn(s0)).testSettings === 'medical_setting_then_home_with_opt_in' ? 'in a medical setting' : 'in a CLIA-certified lab';
  const entries: PlanStep[] = [
    { who: 'clinic', code: 'screening_test', ruleId: 'US3', text: `Screening pregnancy test ${firstSetting}.`, on: iso(s0), fact: { kind: 'pregnancy_test', on: iso(s0), purpose: 'screening', setting: 'clia_lab' } },
    { who: 'clinic', code: 'counselling', ruleId: 'US10', text: 'Counsel the patient (risks, contraception, no blood donation, never share).', on: iso(s0), fact: { kind: 'counselling', on: iso(s0) } },
    { who: 'patient', code: 'start_two_methods', ruleId: 'US5', text: 'Start two methods of contraception (one primary) or commit to abstinence.', on: iso(s0), latest: iso(s0), fact: { kind: 'contraception_started', on: iso(s0) } },
    ...monthEntries(context, confirmation, confirmation, 1, 'confirmation'),
    { who: 'patient', code: 'first_dose', ruleId: 'US5', text: 'First dose (two methods continue during treatment).', on: iso(confirmation) },
  ];
  for (let m = 1; m < months; m += 1) {
    const day = addDays(confirmation, US1_MAX_DAYS_SUPPLY * m);
    entries.push(...monthEntries(context, day, addDays(day, 1 - US7_WINDOW_DAYS), m + 1, 'monthly'));
  }
  const lastDose = addDays(confirmation, US1_MAX_DAYS_SUPPLY * months - 1);
  const until = addMonths(lastDose, US5_CONTRACEPTION_MONTHS_AFTER);
  const post = addDays(lastDose, US12_POST_TREATMENT_TEST_DAYS);
  entries.push(
    { who: 'patient', code: 'last_dose', ruleId: 'US12', text: 'Last dose (30-day supplies taken daily).', on: iso(lastDose) },
    { who: 'clinic', code: 'end_of_treatment_test', ruleId: 'US12', text: 'End-of-treatment pregnancy test.', earliest: iso(addDays(lastDose, -US12_END_TEST_TOLERANCE_DAYS)), latest: iso(addDays(lastDose, US12_END_TEST_TOLERANCE_DAYS)), on: iso(lastDose), fact: { kind: 'pregnancy_test', on: iso(lastDose), purpose: 'end_of_treatment', setting: 'clia_lab' } },
    { who: 'clinic', code: 'post_treatment_test', ruleId: 'US12', text: 'Pregnancy test 30 days after the last dose.', earliest: iso(post), on: iso(post), fact: { kind: 'pregnancy_test', on: iso(post), purpose: 'post_treatment', setting: 'clia_lab' } },
    { who: 'patient', code: 'contraception_until', ruleId: 'US5', text: 'Keep two methods of contraception until this day.', latest: iso(until), on: iso(until) },
    { who: 'patient', code: 'no_blood_donation_until', ruleId: 'US12', text: 'No blood donation until this day.', latest: iso(addMonths(lastDose, US12_NO_BLOOD_DONATION_MONTHS_AFTER)), on: iso(addMonths(lastDose, US12_NO_BLOOD_DONATION_MONTHS_AFTER)) },
  );
  return { kind: 'course_calendar', pack, entries };
}
