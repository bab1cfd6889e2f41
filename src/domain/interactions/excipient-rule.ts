import type { InteractionMatch, JurisdictionRule } from './interaction-types.js';
import { containsAnyToken, findPhrase, isNegated, tokenize } from './name-matching.js';

export const EXCIPIENT_RULE_ID = 'INT-ALLERGY-EXCIPIENT';

/** Names of one excipient family, so "parabens" meets "methyl parahydroxybenzoate". */
const EXCIPIENT_FAMILIES: readonly (readonly string[])[] = [
  [
    'paraben', 'parabens', 'methylparaben', 'propylparaben', 'ethylparaben', 'butylparaben', 'parahydroxybenzoate',
    'parahydroxybenzoates', 'hydroxybenzoate', 'hydroxybenzoates',
  ],
  ['gelatin', 'gelatine'],
];

function family(tokens: readonly string[]): number {
  return EXCIPIENT_FAMILIES.findIndex((words) => containsAnyToken(tokens, words));
}

export interface ExcipientHit {
  readonly match: InteractionMatch;
  readonly rule: JurisdictionRule;
  readonly reason: string;
}

const ABSOLUTE: JurisdictionRule = { wording: 'contraindicated', source: '[C]' };
const CHECK: JurisdictionRule = { wording: 'caution', source: 'DECISION' };

/**
 * INT-ALLERGY-EXCIPIENT: an allergy to a component of the product is a contraindication [C].
 * With the product's components given, an allergy that names one of them (or its family) is
 * absolute. Without them, an allergy to a known capsule excipient (parabens, gelatin) is a caution:
 * the product's ingredient list must be checked (DECISION).
 */
export function excipientHits(allergies: readonly string[], components: readonly string[] | undefined): ExcipientHit[] {
  const hits: ExcipientHit[] = [];
  allergies.forEach((text, index) => {
    const tokens = tokenize(text);
    if (tokens.length === 0 || isNegated(tokens, 0)) return;
    const allergyFamily = family(tokens);
    if (components !== undefined && components.length > 0) {
      const component = components.find((c) => {
        const componentTokens = tokenize(c);
        return (allergyFamily >= 0 && family(componentTokens) === allergyFamily) || findPhrase(componentTokens, tokens).length > 0;
      });
      if (component !== undefined) {
        hits.push({
          match: { list: 'allergies', index, text, term: component },
          rule: ABSOLUTE,
          reason: `This product contains ${component}, and an allergy to it is recorded. It must not be taken.`,
        });
      }
      return;
    }
    if (allergyFamily >= 0) {
      hits.push({
        match: { list: 'allergies', index, text, term: text.trim() },
        rule: CHECK,
        reason: 'Some isotretinoin capsules contain this ingredient. Check the product\'s ingredient list before prescribing or dispensing.',
      });
    }
  });
  return hits;
}
