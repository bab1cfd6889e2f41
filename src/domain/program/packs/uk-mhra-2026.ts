import { pppPack } from './eu/ppp-pack.js';
import type { RulePack } from './pack.js';
import { UK_MHRA_2023, UK_MHRA_2026 } from './uk/uk-variants.js';

/**
 * MHRA update of 2026-01-22: the second prescriber for under-18s is removed (UK1) and the revised
 * Acknowledgement of Risk Form replaces the 2023 one; everything else as `uk-mhra-2023`.
 */
export const ukMhra2026: RulePack = pppPack(UK_MHRA_2026, [UK_MHRA_2023, UK_MHRA_2026], 'UK isotretinoin measures (MHRA 2026 update)', '1.0.0');
