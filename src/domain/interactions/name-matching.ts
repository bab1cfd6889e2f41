/**
 * INT-MATCHING: whole-word matching of drug, allergy and condition names in free text. Text and names are
 * reduced to the same token sequence (lower case, accents and apostrophes removed, punctuation as
 * spaces, digits split from letters) and a name matches only as a run of whole tokens: so
 * "Doxycycline 100mg tablets" contains "doxycycline", while "vitamin AD" does not contain
 * "vitamin a", and "prednisone" is never found inside a longer word.
 */

const APOSTROPHES = /['’‘ʼ`´]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function tokenize(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    // "100mg" -> "100 mg", "a1" -> "a 1": doses and names glued together are still separate words
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/[^a-z0-9.]+/g, ' ');
  return plain
    .split(' ')
    .map((t) => t.replace(/^\.+|\.+$/g, ''))
    .filter((t) => t !== '');
}

/** Start positions of every occurrence of `phrase` (already tokenized) in `tokens`. */
export function findPhrase(tokens: readonly string[], phrase: readonly string[]): number[] {
  const found: number[] = [];
  if (phrase.length === 0) return found;
  for (let i = 0; i + phrase.length <= tokens.length; i += 1) {
    if (phrase.every((word, j) => tokens[i + j] === word)) found.push(i);
  }
  return found;
}

export function containsPhrase(tokens: readonly string[], phrase: string): boolean {
  return findPhrase(tokens, tokenize(phrase)).length > 0;
}

export function containsAnyToken(tokens: readonly string[], words: readonly string[]): boolean {
  return tokens.some((t) => words.includes(t));
}

/** True when any of `phrases` occurs over (overlapping) the span [start, start + length). */
export function spanInsideAny(tokens: readonly string[], start: number, length: number, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => {
    const words = tokenize(phrase);
    return findPhrase(tokens, words).some((at) => at < start + length && start < at + words.length);
  });
}

/**
 * Words that say a product is used on the skin, eyes, nose, lungs or ears rather than swallowed.
 * "drops" and "spray" alone are not here: oral drops and sprays exist ("eye drops", "nasal spray"
 * are caught by "eye" and "nasal").
 */
export const TOPICAL_MARKERS: readonly string[] = [
  'topical', 'cream', 'creams', 'gel', 'ointment', 'lotion', 'foam', 'serum', 'wash', 'cleanser', 'shampoo',
  'ophthalmic', 'eye', 'eyes', 'nasal', 'inhaler', 'inhaled', 'inhalation', 'otic', 'ear', 'mouthwash', 'enema',
  'suppository', 'suppositories', 'rectal', 'scalp', 'cutaneous', 'dermal', 'paste',
];

/**
 * Words that say a product is swallowed (or otherwise systemic). Required for names that are
 * usually topical (tretinoin); and for systemic-only rules they outweigh a topical word, so
 * "doxycycline 100 mg for eye rosacea" still counts: missing a real interaction is the worse error.
 */
export const ORAL_MARKERS: readonly string[] = [
  'oral', 'orally', 'tablet', 'tablets', 'tab', 'tabs', 'capsule', 'capsules', 'cap', 'caps', 'softgel', 'softgels',
  'po', 'mg', 'mcg', 'micrograms', 'iu', 'granules', 'liquid', 'syrup', 'chewable', 'gummy', 'gummies', 'supplement',
  'supplements', 'injection', 'infusion',
];

/** Words before a condition that deny it or put it in the past ("not pregnant", "history of"). */
export const NEGATION_WORDS: readonly string[] = ['no', 'not', 'non', 'never', 'denies', 'denied', 'without', 'negative', 'nil'];

/** Whether the text denies the finding around `start`: a negation up to 3 words before, or a trailing "no". */
export function isNegated(tokens: readonly string[], start: number): boolean {
  const before = tokens.slice(Math.max(0, start - 3), start);
  const last = tokens[tokens.length - 1];
  return containsAnyToken(before, NEGATION_WORDS) || last === 'no' || last === 'negative' || last === 'none';
}

/** Numbers written in the text (doses, strengths), in order. */
export function numbersIn(tokens: readonly string[]): number[] {
  return tokens.filter((t) => /^\d+(\.\d+)?$/.test(t)).map(Number);
}
