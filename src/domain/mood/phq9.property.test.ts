import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessPhq9 } from './phq9-assessment.js';
import { phq9Band, phq9BandRank } from './phq9-score.js';

const score = fc.constantFrom(0, 1, 2, 3);
const answers = fc.array(score, { minLength: 9, maxLength: 9 });

describe('PHQ-9 properties', () => {
  it('has a total equal to the sum of the nine answers', () => {
    fc.assert(
      fc.property(answers, (a) => {
        expect(assessPhq9({ answers: a }).total).toBe(a.reduce<number>((s, x) => s + x, 0));
      }),
    );
  });

  it('has a band that never gets milder as the total grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 27 }), fc.integer({ min: 0, max: 27 }), (x, y) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        expect(phq9BandRank(phq9Band(low))).toBeLessThanOrEqual(phq9BandRank(phq9Band(high)));
      }),
    );
  });

  it('raises the item-9 red flag exactly when item 9 is above 0, whatever the other answers', () => {
    fc.assert(
      fc.property(answers, (a) => {
        expect(assessPhq9({ answers: a }).item9RedFlag).toBe((a[8] ?? 0) > 0);
      }),
    );
  });

  it('never gives a total or a band when any item is missing', () => {
    const maybe = fc.option(score, { nil: null });
    fc.assert(
      fc.property(fc.array(maybe, { minLength: 9, maxLength: 9 }), (a) => {
        fc.pre(a.includes(null));
        const result = assessPhq9({ answers: a });
        expect(result.total).toBeNull();
        expect(result.band).toBeNull();
        expect(result.incomplete).toBe(true);
      }),
    );
  });
});
