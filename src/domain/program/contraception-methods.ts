/**
 * Contraception methods as recorded by the clinic. The list is jurisdiction-neutral; each rule
 * pack classifies the methods itself (US primary/secondary in the US packs, EU/UK highly
 * effective user-independent / user-dependent / barrier in the EU and UK packs), because the
 * same method is classified differently (program-rules section 2).
 */
export const CONTRACEPTION_METHODS = [
  'tubal_sterilization',
  'partner_vasectomy',
  'iud_copper',
  'iud_hormonal',
  'combined_oral_pill',
  'patch',
  'implant',
  'injection',
  'vaginal_ring',
  'progestin_only_pill',
  'male_latex_condom',
  'male_condom_non_latex',
  'female_condom',
  'diaphragm_with_spermicide',
  'cervical_cap_with_spermicide',
  'vaginal_sponge_with_spermicide',
  'other',
] as const;
export type ContraceptionMethod = (typeof CONTRACEPTION_METHODS)[number];
