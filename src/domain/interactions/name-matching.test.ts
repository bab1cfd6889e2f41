import { describe, expect, it } from 'vitest';
import { findPhrase, isNegated, spanInsideAny, tokenize } from './name-matching.js';

describe('name tokens', () => {
  it('splits doses from units and drops punctuation', () => {
    expect(tokenize('  Doxycycline 100mg tablets, b.d. ')).toEqual(['doxycycline', '100', 'mg', 'tablets', 'b.d']);
  });

  it('removes apostrophes and accents so spellings of one name meet', () => {
    expect(tokenize("St. John's-Wort")).toEqual(['st', 'johns', 'wort']);
    expect(tokenize('SAINT JOHN’S WORT')).toEqual(['saint', 'johns', 'wort']);
    expect(tokenize('Néotigason')).toEqual(['neotigason']);
  });

  it('keeps decimal strengths whole', () => {
    expect(tokenize('norethindrone 0.35 mg')).toEqual(['norethindrone', '0.35', 'mg']);
  });
});

describe('whole-word phrases', () => {
  it('finds "vitamin a" in "Vitamin A 10,000 IU" but not in "vitamin AD"', () => {
    expect(findPhrase(tokenize('Vitamin A 10,000 IU'), ['vitamin', 'a'])).toEqual([0]);
    expect(findPhrase(tokenize('vitamin AD'), ['vitamin', 'a'])).toEqual([]);
  });

  it('never finds a name inside a longer word', () => {
    expect(findPhrase(tokenize('methylprednisolone'), ['prednisolone'])).toEqual([]);
    expect(findPhrase(tokenize('prednisonex'), ['prednisone'])).toEqual([]);
  });

  it('sees an exclusion phrase that overlaps the match', () => {
    expect(spanInsideAny(tokenize('benzyl alcohol 1%'), 1, 1, ['benzyl alcohol'])).toBe(true);
    expect(spanInsideAny(tokenize('alcohol and benzyl benzoate'), 0, 1, ['benzyl alcohol'])).toBe(false);
  });

  it('reads "not pregnant", "no alcohol" and a trailing "no" as denials, and "pregnant" as none', () => {
    expect(isNegated(tokenize('not pregnant'), 1)).toBe(true);
    expect(isNegated(tokenize('alcohol: no'), 0)).toBe(true);
    expect(isNegated(tokenize('pregnant'), 0)).toBe(false);
  });
});
