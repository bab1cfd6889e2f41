import { getProduct, PRODUCT_IDS } from '../../../src/domain/dosing/index.js';

/**
 * Authorization numbers as the pharmacist types them. The server writes them ISO-XXXX-XXXX-XXXX
 * from an alphabet without look-alike characters (no 0, 1, I or O); a person may type them in
 * lower case, with spaces, or without the dashes and the ISO prefix, so the form normalises first.
 */
export const AUTHORIZATION_NUMBER_EXAMPLE = 'ISO-7KQ2-M4TX-9HPA';

const CHARACTER = '[A-HJ-NP-Z2-9]';
const FULL = new RegExp(`^ISO-${CHARACTER}{4}-${CHARACTER}{4}-${CHARACTER}{4}$`);

export type NumberProblem = 'missing' | 'lookalike' | 'format';

export type NumberCheck = { readonly ok: true; readonly number: string } | { readonly ok: false; readonly problem: NumberProblem };

/** Upper case, without spaces and dashes; the 12 characters get their dashes and prefix back. */
export function normaliseAuthorizationNumber(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]+/g, '');
  const body = compact.startsWith('ISO') ? compact.slice(3) : compact;
  if (body.length !== 12) return input.trim().toUpperCase();
  return `ISO-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}`;
}

/** The number to send, or why it cannot be one of ours. */
export function checkAuthorizationNumber(input: string): NumberCheck {
  if (input.trim() === '') return { ok: false, problem: 'missing' };
  const number = normaliseAuthorizationNumber(input);
  if (FULL.test(number)) return { ok: true, number };
  // 0, 1, I and O are never used: say so, since they are the usual misreadings of O, 0, 1 and I
  if (/^ISO-/.test(number) && /[01IO]/.test(number.slice(4))) return { ok: false, problem: 'lookalike' };
  return { ok: false, problem: 'format' };
}

/** Whole days of treatment a quantity covers (capsules x strength / daily dose), rounded down. */
export function daysSupply(quantity: number, strengthMg: number, dailyMg: number): number | undefined {
  if (!(quantity > 0) || !(strengthMg > 0) || !(dailyMg > 0)) return undefined;
  return Math.floor((quantity * strengthMg) / dailyMg);
}

/** A positive whole number typed in a field, or undefined. */
export function parseQuantity(input: string): number | undefined {
  const trimmed = input.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value >= 1 && value <= 1000 ? value : undefined;
}

/** A product's name from the catalogue, or its id when the catalogue does not know it. */
export function productName(id: string): string {
  return (PRODUCT_IDS as readonly string[]).includes(id) ? getProduct(id).displayName : id;
}
