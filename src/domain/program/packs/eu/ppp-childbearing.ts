import type { Findings } from '../../findings.js';
import type { RiskAssessment, RiskBasis } from '../../risk.js';
import type { PppState, PppVariant } from './ppp-model.js';
import { EU_MENOPAUSE_MONTHS } from './ppp-rules.js';

/**
 * Program-rules section 2, childbearing potential (page docs/rules/EU-CHILDBEARING-POTENTIAL.md).
 * EU, 2024 DHPC [C]: not of childbearing potential after a hysterectomy or a bilateral
 * oophorectomy, or when naturally post-menopausal for >= 24 consecutive months. DECISION-EU-NO-UTERUS:
 * no uterus from birth counts as a hysterectomy. UK pharmacist checklist [C]: also tubal ligation
 * or menopause confirmed by a health professional; DECISION-UK-MENOPAUSE: "menopause" keeps the
 * 24-month duration of the DHPC (the checklist gives none; the longer duration is the safe one).
 * Pre-menarche is not a basis anywhere: EU4 applies even with amenorrhoea.
 */
export function notOfChildbearingPotential(basis: readonly RiskBasis[], definition: PppVariant['childbearingDefinition']): boolean {
  return basis.some((b) => {
    switch (b.kind) {
      case 'total_hysterectomy':
      case 'hysterectomy':
      case 'bilateral_oophorectomy':
      case 'no_uterus_from_birth':
        return true;
      case 'post_menopausal':
        return b.consecutiveMonths >= EU_MENOPAUSE_MONTHS;
      case 'tubal_ligation':
        return definition === 'uk_pharmacist_checklist';
      case 'pre_menarche':
      case 'other':
        return false;
      default: {
        const unreachable: never = b;
        return unreachable;
      }
    }
  });
}

/** The category must be confirmed by the prescriber or another health professional (UK checklist; DECISION 8). */
export function confirmedByProfessional(risk: RiskAssessment): boolean {
  return risk.confirmedBy === 'prescriber' || risk.confirmedBy === 'health_professional';
}

/** Section 2 and DECISION 8: unknown blocks; "not of childbearing potential" needs a basis and a confirmation. */
export function checkChildbearingPotential(state: PppState, f: Findings): void {
  const risk = state.risk;
  const today = state.clinicDay.toString();
  if (risk.category === 'unknown') {
    f.require({
      code: 'risk_category_unknown',
      ruleId: 'DECISION-8',
      staff: 'Whether the patient is of childbearing potential is not recorded; nothing can be allowed until it is.',
      patient: 'Your clinic must record whether you could become pregnant before anything else can happen.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Assess childbearing potential and record it with its basis.', from: today },
    });
    return;
  }
  if (risk.category !== 'cannot_get_pregnant') return;
  const definition = state.variant.childbearingDefinition;
  if (!notOfChildbearingPotential(risk.basis, definition)) {
    f.require({
      code: 'risk_category_basis_insufficient',
      ruleId: 'DECISION-8',
      staff:
        definition === 'eu_dhpc_2024'
          ? 'The patient is recorded as not of childbearing potential without an EU basis (hysterectomy, bilateral oophorectomy, or naturally post-menopausal for >= 24 consecutive months).'
          : 'The patient is recorded as not of childbearing potential without a UK basis (hysterectomy, bilateral oophorectomy, tubal ligation, or menopause of >= 24 consecutive months).',
      patient: 'Your clinic must confirm why you cannot become pregnant, or follow the pregnancy prevention programme with you.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Record the basis of "not of childbearing potential" or change the category.', from: today },
    });
  }
  if (!confirmedByProfessional(risk)) {
    f.require({
      code: 'risk_category_unconfirmed',
      ruleId: 'DECISION-8',
      staff: '"Not of childbearing potential" must be confirmed by the prescriber or another health professional (a patient report is not enough).',
      patient: 'A health professional must confirm that you cannot become pregnant.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Have a health professional confirm the category.', from: today },
    });
  }
}
