import { addDays, addMonths, type LocalDate } from '../../../calendar/index.js';
import type { PackRef } from '../../decision.js';
import type { CourseCalendar, FirstCoursePlanRequest, PlanStep } from '../../planning.js';
import type { ProgramCase } from '../../program-case.js';
import type { PackContext } from '../pack.js';
import { variantLookup, type PppFamily } from './ppp-family.js';
import type { PppVariant } from './ppp-model.js';
import {
  EU1_MAX_DAYS_OF_TREATMENT,
  EU2_DISPENSE_WINDOW_DAYS,
  EU3_TEST_DAYS_BEFORE_PRESCRIPTION,
  EU4_CONTRACEPTION_MONTHS_AFTER,
  EU4_CONTRACEPTION_MONTHS_BEFORE,
  finalTestFrom,
} from './ppp-rules.js';

/** Usual course: 5 monthly prescriptions (about 20 weeks, clinical-rules section 1). */
export const PPP_DEFAULT_COURSE_MONTHS = 5;

const iso = (d: LocalDate): string => d.toString();

function monthEntries(programCase: ProgramCase, variantOn: (day: LocalDate) => PppVariant, day: LocalDate, month: number, zone: string): PlanStep[] {
  const initial = month === 1;
  const lastDay = addDays(day, EU2_DISPENSE_WINDOW_DAYS - 1);
  const own = variantOn(day).prescriptionSteps(programCase.jurisdiction, initial, true);
  return [
    ...own.map((s) => ({ ...s, latest: iso(day), on: iso(day) })),
    initial
      ? { who: 'clinic', code: 'initial_pregnancy_test', ruleId: 'EU3', text: 'Medically supervised pregnancy test in person (one calendar month after contraception began).', latest: iso(day), on: iso(day), fact: { kind: 'pregnancy_test', on: iso(day), purpose: 'screening', setting: 'medical_setting' } }
      : { who: 'clinic', code: 'pregnancy_test', ruleId: 'EU3', text: `Pregnancy test (month ${String(month)}) on the prescribing day or in the 3 days before.`, earliest: iso(addDays(day, -EU3_TEST_DAYS_BEFORE_PRESCRIPTION)), latest: iso(day), on: iso(day), fact: { kind: 'pregnancy_test', on: iso(day), purpose: 'monthly', setting: 'medical_setting' } },
    { who: 'clinic', code: 'write_prescription', ruleId: 'EU1', text: 'Write the prescription (at most 30 days of treatment, no refills).', on: iso(day), fact: { kind: 'prescription', on: iso(day) } },
    { who: 'clinic', code: 'request_authorization', ruleId: 'EU2', text: 'Issue the dispense authorization.', earliest: iso(day), latest: iso(lastDay), on: iso(day), fact: { kind: 'authorization', on: iso(day) } },
    { who: 'pharmacy', code: 'checklist_and_dispense', ruleId: 'EU5', text: `Pharmacist checklist and dispense, by ${iso(lastDay)} 23:59 (${zone}).`, earliest: iso(day), latest: iso(lastDay), on: iso(day), fact: { kind: 'pickup', on: iso(day) } },
  ];
}

/**
 * The calendar of a first course for a patient of childbearing potential. `screeningOn` is the
 * day the calendar opens (EU/UK have no screening test): contraception starts, the forms and the
 * reminder card are done; the supervised test and the first prescription follow one calendar month
 * later (EU3, EU4), then a 30-day prescription every 30 days with its test (EU1, EU3), the final
 * test (1 month, France 5 weeks) and the end of contraception (EU4).
 */
export function planPppFirstCourse(programCase: ProgramCase, request: FirstCoursePlanRequest, context: PackContext, variant: PppVariant, family: PppFamily, version: string): CourseCalendar {
  const months = request.months ?? PPP_DEFAULT_COURSE_MONTHS;
  const variantOn = variantLookup(family, programCase);
  const open = request.screeningOn;
  const first = addMonths(open, EU4_CONTRACEPTION_MONTHS_BEFORE);
  const form = variantOn(first).acknowledgementForm;
  const entries: PlanStep[] = [
    { who: 'patient', code: 'start_contraception', ruleId: 'EU4', text: 'Start effective contraception (one highly effective method, or a hormonal method plus a barrier).', on: iso(open), latest: iso(open), fact: { kind: 'contraception_started', on: iso(open) } },
    { who: 'clinic', code: 'acknowledgement_form', ruleId: 'EU5', text: `Patient and prescriber sign the acknowledgement form (${form}).`, on: iso(open), latest: iso(first) },
    { who: 'clinic', code: 'reminder_card', ruleId: 'EU5', text: 'Give the patient reminder card.', on: iso(open), latest: iso(first) },
    ...monthEntries(programCase, variantOn, first, 1, context.zone),
    { who: 'patient', code: 'first_dose', ruleId: 'EU4', text: 'First dose (contraception continues every day).', on: iso(first) },
  ];
  for (let m = 1; m < months; m += 1) {
    entries.push(...monthEntries(programCase, variantOn, addDays(first, EU1_MAX_DAYS_OF_TREATMENT * m), m + 1, context.zone));
  }
  const lastDose = addDays(first, EU1_MAX_DAYS_OF_TREATMENT * months - 1);
  const finalTest = finalTestFrom(programCase.jurisdiction, lastDose);
  const until = addMonths(lastDose, EU4_CONTRACEPTION_MONTHS_AFTER);
  entries.push(
    { who: 'patient', code: 'last_dose', ruleId: 'EU1', text: 'Last dose (30-day prescriptions taken daily).', on: iso(lastDose) },
    { who: 'clinic', code: 'post_treatment_test', ruleId: 'EU3', text: `Final pregnancy test, ${programCase.jurisdiction === 'EU-FR' ? '5 weeks' : 'one calendar month'} after the last dose.`, earliest: iso(finalTest), on: iso(finalTest), fact: { kind: 'pregnancy_test', on: iso(finalTest), purpose: 'post_treatment', setting: 'medical_setting' } },
    { who: 'patient', code: 'contraception_until', ruleId: 'EU4', text: 'Keep using contraception until this day.', latest: iso(until), on: iso(until) },
  );
  const pack: PackRef = { id: variant.id, version, jurisdiction: programCase.jurisdiction, zone: context.zone };
  return { kind: 'course_calendar', pack, entries };
}
