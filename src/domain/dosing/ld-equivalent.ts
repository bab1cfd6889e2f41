import { decimal, decimalFromInteger, decimalToNumber, multiplyDecimal } from './decimal.js';

/**
 * DOSE-LD-EQUIVALENT [U]: whether Absorica LD mg count 1:1 toward a mg/kg target is not settled.
 * The engine keeps raw product mg and shows, clearly labelled as an assumption, the
 * conventional-equivalent mg = raw / 0.8 (= raw x 1.25, exact: at most 2 decimals for whole mg).
 */
export const LD_CONVENTIONAL_FACTOR = '0.8';
export const LD_EQUIVALENT_LABEL =
  'assumption [U]: conventional-equivalent mg = Absorica LD mg / 0.8; not settled, shown for information only';

export function conventionalEquivalentMg(rawMg: number): number {
  // dividing by 0.8 is multiplying by 1.25, which keeps the arithmetic exact
  return decimalToNumber(multiplyDecimal(decimalFromInteger(rawMg), decimal('1.25')));
}
