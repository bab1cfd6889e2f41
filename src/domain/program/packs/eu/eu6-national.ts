import type { PrescriberSpecialty } from '../../program-case.js';
import type { Findings } from '../../findings.js';
import { materialGiven } from './ppp-documents.js';
import type { PppState, PrescriptionContext } from './ppp-model.js';
import { ofChildbearingPotential } from './ppp-state.js';

/**
 * EU6 [C], national variants of `eu-ppp-2018`:
 * - France (`EU-FR`): the initial prescription of a course is written by a dermatologist; renewals
 *   by any prescriber (French SmPC: "renouvellement non restreint"); the patient booklet is given
 *   to a patient of childbearing potential before the first dispense.
 * - Italy (`EU-IT`): the initial prescription by a dermatologist; renewals by the GP.
 *   DECISION-EU6-IT-RENEWAL: a dermatologist may renew as well (the AIFA text lets the GP renew, it
 *   does not take renewals away from the specialist); any other prescriber may not.
 * An unknown prescriber (not in the clinic's list) blocks: its specialty is missing (DECISION 8).
 */
function specialtyOf(state: PppState, prescriberId: string): PrescriberSpecialty | undefined {
  return state.programCase.clinic.prescribers.find((p) => p.id === prescriberId)?.specialty;
}

function allowedSpecialties(state: PppState, initial: boolean): readonly PrescriberSpecialty[] | undefined {
  switch (state.jurisdiction) {
    case 'EU-FR':
      return initial ? ['dermatologist'] : undefined;
    case 'EU-IT':
      return initial ? ['dermatologist'] : ['general_practitioner', 'dermatologist'];
    case 'EU':
    case 'UK':
    case 'US':
      return undefined;
    default: {
      const unreachable: never = state.jurisdiction;
      return unreachable;
    }
  }
}

function checkPrescriber(state: PppState, f: Findings, p: PrescriptionContext): void {
  const allowed = allowedSpecialties(state, p.initialOfCourse);
  if (allowed === undefined) return;
  const today = state.clinicDay.toString();
  const country = state.jurisdiction === 'EU-FR' ? 'France' : 'Italy';
  const specialty = specialtyOf(state, p.rx.prescriberId);
  if (specialty === undefined) {
    f.require({
      code: 'prescriber_specialty_unknown',
      ruleId: 'DECISION-8',
      staff: `Prescriber ${p.rx.prescriberId} is not in the clinic's list, so their specialty is unknown (${country} restricts who prescribes, EU6).`,
      patient: 'Your clinic must record who your prescriber is.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: `Record prescriber ${p.rx.prescriberId} and their specialty.`, from: today },
    });
    return;
  }
  if (allowed.includes(specialty)) return;
  f.require({
    code: p.initialOfCourse ? 'initial_prescription_not_by_dermatologist' : 'renewal_prescriber_not_allowed',
    ruleId: 'EU6',
    staff: p.initialOfCourse
      ? `In ${country} the initial prescription of a course is written by a dermatologist; prescriber ${p.rx.prescriberId} is ${specialty.replaceAll('_', ' ')}.`
      : `In Italy a renewal is written by the general practitioner or a dermatologist; prescriber ${p.rx.prescriberId} is ${specialty.replaceAll('_', ' ')}.`,
    patient: p.initialOfCourse ? 'Your first prescription must be written by a dermatologist.' : 'Your renewal must be written by your GP or your dermatologist.',
    earliest: state.clinicDay,
    step: { who: 'clinic', text: p.initialOfCourse ? 'Have a dermatologist write the prescription.' : 'Have the GP or the dermatologist write the renewal.', from: today },
  });
}

function checkBooklet(state: PppState, f: Findings, p: PrescriptionContext): void {
  if (state.jurisdiction !== 'EU-FR' || !ofChildbearingPotential(state) || materialGiven(state, 'patient_booklet', p.judgedOn)) return;
  f.require({
    code: 'patient_booklet_not_given',
    ruleId: 'EU6',
    staff: 'France: the patient booklet has not been given in this course.',
    patient: 'You should receive the patient booklet (carnet patiente) about pregnancy prevention.',
    earliest: state.clinicDay,
    step: { who: 'clinic', text: 'Give the patient booklet and record it.', from: state.clinicDay.toString() },
  });
}

/** EU6 as a prescription check of the `eu-ppp-2018` variant. */
export function checkNationalVariant(state: PppState, f: Findings, p: PrescriptionContext): void {
  checkPrescriber(state, f, p);
  checkBooklet(state, f, p);
}
