import type { ContraceptionMethod } from '../../contraception-methods.js';
import type { ProtectionRule } from '../../contraception-coverage.js';

/** Program-rules section 2 [C]: primary methods in the US. The progestin-only mini-pill is not one. */
export const US_PRIMARY_METHODS: ReadonlySet<ContraceptionMethod> = new Set<ContraceptionMethod>([
  'tubal_sterilization',
  'partner_vasectomy',
  'iud_copper',
  'iud_hormonal',
  'combined_oral_pill',
  'patch',
  'implant',
  'injection',
  'vaginal_ring',
]);

/** Program-rules section 2 [C]: secondary methods in the US. */
export const US_SECONDARY_METHODS: ReadonlySet<ContraceptionMethod> = new Set<ContraceptionMethod>([
  'male_latex_condom',
  'diaphragm_with_spermicide',
  'cervical_cap_with_spermicide',
  'vaginal_sponge_with_spermicide',
]);

export type UsMethodClass = 'primary' | 'secondary' | 'not_accepted';

export function usMethodClass(method: ContraceptionMethod): UsMethodClass {
  if (US_PRIMARY_METHODS.has(method)) return 'primary';
  if (US_SECONDARY_METHODS.has(method)) return 'secondary';
  return 'not_accepted';
}

/**
 * US5 "two methods" [C]: two accepted methods used together, at least one primary, or a
 * documented commitment to continuous abstinence. The UK3 exemption does not exist in the US.
 */
export const usTwoMethods: ProtectionRule = (state) => {
  if (state.abstinent) return true;
  const accepted = [...state.methods].filter((m) => usMethodClass(m) !== 'not_accepted');
  return accepted.length >= 2 && accepted.some((m) => usMethodClass(m) === 'primary');
};
