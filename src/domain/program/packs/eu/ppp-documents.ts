import type { LocalDate } from '../../../calendar/index.js';
import type { FormKind, Material } from '../../events.js';
import type { Findings } from '../../findings.js';
import { eventsOf } from '../../timeline.js';
import type { PppState, PrescriptionContext } from './ppp-model.js';
import { inDocumentWindow, ofChildbearingPotential } from './ppp-state.js';

const FORM_NAMES: Readonly<Record<FormKind, string>> = {
  us_patient_information_consent: 'iPLEDGE Patient Information / Informed Consent',
  us_birth_defects_consent: 'iPLEDGE Informed Consent about Birth Defects',
  eu_acknowledgement_form: 'acknowledgement form',
  uk_acknowledgement_of_risk_2023: 'Acknowledgement of Risk Form (2023)',
  uk_acknowledgement_of_risk_2026: 'revised Acknowledgement of Risk Form (2026)',
};

/**
 * Day of the course's initial prescription: the prescription of its first dispense, or the one
 * being judged when nothing was dispensed yet. The form version is the one of the pack in force
 * that day (DECISION-UK-FORM-VERSION), so a course that started under `uk-mhra-2023` keeps its 2023
 * form after 2026-01-22, and a course that starts later needs the 2026 form.
 */
export function initialPrescriptionDay(state: PppState, p: PrescriptionContext): LocalDate {
  const first = state.dispensesInCourse[0];
  if (first === undefined) return p.rx.writtenOn;
  const authorization = eventsOf(state.timeline, 'authorization_issued').find((a) => a.id === first.authorizationId);
  const rx = eventsOf(state.timeline, 'prescription').find((r) => r.id === authorization?.prescriptionId);
  return rx?.writtenOn ?? p.rx.writtenOn;
}

/** EU5 [C]: the acknowledgement form signed by patient and prescriber before the first prescription of the course. */
export function checkAcknowledgementForm(state: PppState, f: Findings, p: PrescriptionContext): void {
  const variant = state.variantOn(initialPrescriptionDay(state, p));
  if (variant.acknowledgementFormFor === 'childbearing_potential' && !ofChildbearingPotential(state)) return;
  const form = variant.acknowledgementForm;
  const name = FORM_NAMES[form];
  const signed = eventsOf(state.timeline, 'form_signed').filter((e) => inDocumentWindow(state, e.on, p.rx.writtenOn));
  const ofForm = signed.filter((e) => e.form === form);
  const today = state.clinicDay.toString();
  // the prescriber may countersign later than the patient: two records of the same form count together
  const has = (who: 'patient' | 'prescriber'): boolean => ofForm.some((e) => e.signedBy.includes(who));
  if (has('patient') && has('prescriber')) return;
  if (ofForm.length === 0) {
    const other = signed.find((e) => e.form !== form && e.form !== 'us_birth_defects_consent' && e.form !== 'us_patient_information_consent');
    f.require({
      code: 'acknowledgement_form_missing',
      ruleId: 'EU5',
      staff: `The ${name} is not signed for this course (on or before the prescription of ${p.rx.writtenOn.toString()})${
        other === undefined ? '' : `; the ${FORM_NAMES[other.form]} signed on ${other.on.toString()} is not the form in force for it`
      }.`,
      patient: `You and your prescriber must sign the ${name} before your first prescription.`,
      earliest: state.clinicDay,
      step: { who: 'clinic', text: `Have the patient and the prescriber sign the ${name}, then write the prescription.`, from: today },
    });
    return;
  }
  const missing = [has('patient') ? undefined : 'the patient', has('prescriber') ? undefined : 'the prescriber'].filter((x) => x !== undefined);
  f.require({
    code: 'acknowledgement_form_not_signed',
    ruleId: 'EU5',
    staff: `The ${name} is not signed by ${missing.join(' and ')}.`,
    patient: `The ${name} must be signed by you and your prescriber.`,
    earliest: state.clinicDay,
    step: { who: 'clinic', text: `Complete the signatures of the ${name}.`, from: today },
  });
}

/** True when the material was given in this course on or before `by`. */
export function materialGiven(state: PppState, material: Material, by: LocalDate): boolean {
  return eventsOf(state.timeline, 'material_given').some((m) => m.material === material && inDocumentWindow(state, m.on, by));
}

/** EU5 [C]: the patient reminder card, for a patient of childbearing potential, before the first dispense. */
export function checkReminderCard(state: PppState, f: Findings, by: LocalDate): void {
  if (!ofChildbearingPotential(state) || materialGiven(state, 'reminder_card', by)) return;
  f.require({
    code: 'reminder_card_not_given',
    ruleId: 'EU5',
    staff: 'The patient reminder card has not been given in this course.',
    patient: 'You should receive a patient reminder card about pregnancy prevention.',
    earliest: state.clinicDay,
    step: { who: 'clinic', text: 'Give the patient reminder card and record it.', from: state.clinicDay.toString() },
  });
}
