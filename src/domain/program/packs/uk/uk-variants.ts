import type { Jurisdiction } from '../../jurisdiction.js';
import type { PppVariant, VariantStep } from '../eu/ppp-model.js';
import { checkSecondPrescriber } from './uk1-second-prescriber.js';
import { checkAssessments } from './uk2-assessments.js';

function assessmentSteps(initial: boolean): VariantStep[] {
  const how = initial ? 'in person' : 'in person or remotely';
  return [
    { who: 'clinic', code: 'mental_health_assessment', ruleId: 'UK2', text: `Assess mental health (${how}) within the month before the prescription.` },
    { who: 'clinic', code: 'sexual_function_assessment', ruleId: 'UK2', text: `Assess sexual function (${how}) within the month before the prescription.` },
  ];
}

const UK_COMMON = {
  childbearingDefinition: 'uk_pharmacist_checklist',
  acknowledgementFormFor: 'all_patients',
  contraceptionExemption: true,
  remoteFollowUpTests: true,
  formulary28DaysWarning: true,
  pregnancyReporting: 'Report the pregnancy to the MHRA (Yellow Card scheme) and to the marketing authorisation holder.',
} as const;

/**
 * `uk-mhra-2023` (2023-10-31 to 2026-01-21): EU1-EU5 with the UK definitions (section 2), the
 * Acknowledgement of Risk Form for every patient, UK1 two independent prescribers for under-18s,
 * UK2 assessments, UK3 exemption.
 */
export const UK_MHRA_2023: PppVariant = {
  ...UK_COMMON,
  id: 'uk-mhra-2023',
  acknowledgementForm: 'uk_acknowledgement_of_risk_2023',
  prescriptionChecks: [checkSecondPrescriber, checkAssessments],
  prescriptionSteps: (_jurisdiction: Jurisdiction, initial: boolean) => [
    ...(initial
      ? [{ who: 'clinic', code: 'second_prescriber_agreement', ruleId: 'UK1', text: 'Under 18: record the agreement of a second, independent prescriber.' } as const]
      : []),
    ...assessmentSteps(initial),
  ],
};

/** `uk-mhra-2026` (from 2026-01-22): UK1's second prescriber is gone; the revised 2026 form replaces the 2023 one. */
export const UK_MHRA_2026: PppVariant = {
  ...UK_COMMON,
  id: 'uk-mhra-2026',
  acknowledgementForm: 'uk_acknowledgement_of_risk_2026',
  prescriptionChecks: [checkAssessments],
  prescriptionSteps: (_jurisdiction: Jurisdiction, initial: boolean) => assessmentSteps(initial),
};
