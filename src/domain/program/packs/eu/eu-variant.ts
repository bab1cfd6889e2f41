import type { Jurisdiction } from '../../jurisdiction.js';
import { checkNationalVariant } from './eu6-national.js';
import type { PppVariant, VariantStep } from './ppp-model.js';

/** EU6 as steps: who writes the prescription in France and Italy, and the French booklet. */
function nationalSteps(jurisdiction: Jurisdiction, initial: boolean, childbearing: boolean): VariantStep[] {
  const steps: VariantStep[] = [];
  if (jurisdiction === 'EU-FR' && initial) {
    steps.push({ who: 'clinic', code: 'dermatologist_prescribes', ruleId: 'EU6', text: 'France: a dermatologist writes the initial prescription.' });
    if (childbearing) steps.push({ who: 'clinic', code: 'patient_booklet', ruleId: 'EU6', text: 'France: give the patient booklet.' });
  }
  if (jurisdiction === 'EU-IT') {
    steps.push(
      initial
        ? { who: 'clinic', code: 'dermatologist_prescribes', ruleId: 'EU6', text: 'Italy: a dermatologist writes the initial prescription.' }
        : { who: 'clinic', code: 'gp_or_dermatologist_renews', ruleId: 'EU6', text: 'Italy: the GP (or the dermatologist) writes the renewal.' },
    );
  }
  return steps;
}

/**
 * `eu-ppp-2018`: EMA retinoids referral outcome (2018) with the 2024 DHPC definition of
 * childbearing potential; EU5 acknowledgement form for patients of childbearing potential; no
 * contraception exemption; every test medically supervised; EU6 for France and Italy.
 */
export const EU_PPP_2018: PppVariant = {
  id: 'eu-ppp-2018',
  childbearingDefinition: 'eu_dhpc_2024',
  acknowledgementForm: 'eu_acknowledgement_form',
  acknowledgementFormFor: 'childbearing_potential',
  contraceptionExemption: false,
  remoteFollowUpTests: false,
  formulary28DaysWarning: false,
  pregnancyReporting: 'Report the pregnancy to the marketing authorisation holder and the national medicines authority (pharmacovigilance).',
  prescriptionChecks: [checkNationalVariant],
  prescriptionSteps: nationalSteps,
};
