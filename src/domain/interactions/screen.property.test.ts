import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchRule, SCREENING_RULES } from './screen.js';

/** Every catalogue name with the context it needs (an oral marker for tretinoin-like names). */
const known = SCREENING_RULES.flatMap((rule) =>
  rule.terms.map((term) => ({ rule, text: term.requiresOral === true ? `${term.name} 10 mg capsules` : term.name })),
);

function recase(text: string, upper: readonly boolean[]): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    out += upper[i % upper.length] === true ? ch.toUpperCase() : ch.toLowerCase();
  }
  return out;
}

describe('interaction name matching properties', () => {
  it('matches every known name whatever its casing and surrounding spaces', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...known),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 3 }),
        ({ rule, text }, upper, pad) => {
          expect(matchRule(rule, `${pad}${recase(text, upper)}${pad}`)).toBeDefined();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never matches a known name glued inside a longer word', () => {
    fc.assert(
      fc.property(fc.constantFrom(...known), fc.constantFrom('zz', 'qx'), ({ rule, text }, glue) => {
        expect(matchRule(rule, `${glue}${text}${glue}`)).toBeUndefined();
      }),
    );
  });
});
