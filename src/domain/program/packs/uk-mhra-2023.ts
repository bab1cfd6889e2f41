import { pppPack } from './eu/ppp-pack.js';
import type { RulePack } from './pack.js';
import { UK_MHRA_2023, UK_MHRA_2026 } from './uk/uk-variants.js';

/**
 * MHRA measures of 2023-10-31, in force until 2026-01-21: EU1-EU5 with the UK definitions, two
 * independent prescribers for under-18s (UK1), mental health and sexual function assessed (UK2),
 * contraception exemption (UK3). Rules: docs/rules/UK1.md ... UK3.md.
 */
export const ukMhra2023: RulePack = pppPack(UK_MHRA_2023, [UK_MHRA_2023, UK_MHRA_2026], 'UK isotretinoin measures (MHRA 2023)', '1.0.0');
