import type { ContraceptionMethod } from '../../contraception-methods.js';
import type { ProtectionRule } from '../../contraception-coverage.js';

/**
 * EU4 [S] (program-rules section 2): at least one highly effective user-independent method, or two
 * complementary user-dependent methods including a barrier. The model's methods are classified
 * here (docs/rules/EU4.md gives the mapping and its sources):
 * - highly effective, user-independent: sterilisation (own or partner's vasectomy), copper IUD,
 *   hormonal IUD (IUS), implant;
 * - user-dependent hormonal: combined pill, patch, vaginal ring, injection, progestogen-only pill;
 * - user-dependent barrier: condoms, diaphragm, cervical cap, sponge;
 * - `other`: not accepted (an unknown method never counts, DECISION 8).
 */
export type PppMethodClass = 'highly_effective_user_independent' | 'user_dependent_hormonal' | 'barrier' | 'not_accepted';

export function pppMethodClass(method: ContraceptionMethod): PppMethodClass {
  switch (method) {
    case 'tubal_sterilization':
    case 'partner_vasectomy':
    case 'iud_copper':
    case 'iud_hormonal':
    case 'implant':
      return 'highly_effective_user_independent';
    case 'combined_oral_pill':
    case 'patch':
    case 'vaginal_ring':
    case 'injection':
    case 'progestin_only_pill':
      return 'user_dependent_hormonal';
    case 'male_latex_condom':
    case 'male_condom_non_latex':
    case 'female_condom':
    case 'diaphragm_with_spermicide':
    case 'cervical_cap_with_spermicide':
    case 'vaginal_sponge_with_spermicide':
      return 'barrier';
    case 'other':
      return 'not_accepted';
    default: {
      const unreachable: never = method;
      return unreachable;
    }
  }
}

/**
 * EU4 protection. DECISION-EU4-COMPLEMENTARY: "two complementary user-dependent methods including
 * a barrier" means one hormonal user-dependent method plus one barrier; two barriers are not
 * complementary (they fail the same way). Abstinence is not contraception here: EU4 applies even
 * with no sexual activity; only the UK3 exemption (handled apart) replaces it.
 */
export const pppProtection: ProtectionRule = (state) => {
  const classes = [...state.methods].map(pppMethodClass);
  if (classes.includes('highly_effective_user_independent')) return true;
  return classes.includes('user_dependent_hormonal') && classes.includes('barrier');
};
