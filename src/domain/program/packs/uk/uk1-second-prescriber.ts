import type { LocalDate } from '../../../calendar/index.js';
import type { Findings } from '../../findings.js';
import { eventsOf } from '../../timeline.js';
import type { PppState, PrescriptionContext } from '../eu/ppp-model.js';
import { inDocumentWindow } from '../eu/ppp-state.js';

/** UK1 [C], `uk-mhra-2023`: patients under 18 need the agreement of two independent prescribers. */
export const UK1_ADULT_AGE_YEARS = 18;

/**
 * Whole years of age on a day. Temporal counts a 29 February birthday as reached on 1 March in
 * other years (2008-02-29 is 17 on 2026-02-28 and 18 on 2026-03-01), as English law does.
 */
export function ageOn(birthDate: LocalDate, day: LocalDate): number {
  return birthDate.until(day, { largestUnit: 'years' }).years;
}

/**
 * UK1, 2023 pack: before the initial prescription of a course, a patient under 18 on the action
 * date needs a `second_prescriber_agreement` by a prescriber other than the one who prescribes,
 * dated in the course and on or before the prescription. A missing birth date blocks (DECISION 8).
 */
export function checkSecondPrescriber(state: PppState, f: Findings, p: PrescriptionContext): void {
  if (!p.initialOfCourse) return;
  const today = state.clinicDay.toString();
  const birthDate = state.programCase.patient.birthDate;
  if (birthDate === undefined) {
    f.require({
      code: 'birth_date_missing',
      ruleId: 'DECISION-8',
      staff: 'The patient’s birth date is not recorded: whether two independent prescribers must agree (under 18, UK1) cannot be judged.',
      patient: 'Your clinic must record your date of birth.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Record the patient’s birth date.', from: today },
    });
    return;
  }
  const age = ageOn(birthDate, state.actionDay);
  if (age >= UK1_ADULT_AGE_YEARS) return;
  const agreements = eventsOf(state.timeline, 'second_prescriber_agreement').filter((a) => inDocumentWindow(state, a.on, p.rx.writtenOn));
  if (agreements.some((a) => a.prescriberId !== p.rx.prescriberId)) return;
  const sameOnly = agreements.length > 0;
  f.require({
    code: sameOnly ? 'second_prescriber_not_independent' : 'second_prescriber_agreement_missing',
    ruleId: 'UK1',
    staff: sameOnly
      ? `The only agreement on record is by prescriber ${p.rx.prescriberId}, who writes the prescription; a second, independent prescriber must agree (patient aged ${age}).`
      : `The patient is ${age} on ${state.actionDay.toString()}: two independent prescribers must agree before treatment starts; no second prescriber’s agreement is recorded.`,
    patient: 'Because you are under 18, a second prescriber must agree to your treatment before you start.',
    earliest: state.clinicDay,
    step: { who: 'clinic', text: 'Record the agreement of a second, independent prescriber before the first prescription.', from: today },
  });
}
