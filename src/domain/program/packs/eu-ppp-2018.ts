import { EU_PPP_2018 } from './eu/eu-variant.js';
import { pppPack } from './eu/ppp-pack.js';
import type { RulePack } from './pack.js';

/**
 * EU pregnancy prevention programme from the EMA retinoids referral (in force from 2018-03-22),
 * with the 2024 DHPC definition of childbearing potential and the French and Italian variants
 * (EU6, jurisdictions `EU-FR` and `EU-IT`). Rules EU1-EU6: docs/rules/EU1.md ... EU6.md.
 */
export const euPpp2018: RulePack = pppPack(EU_PPP_2018, [EU_PPP_2018], 'EU pregnancy prevention programme (EMA 2018)', '1.0.0');
