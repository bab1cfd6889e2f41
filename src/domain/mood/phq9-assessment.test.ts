import { describe, expect, it } from 'vitest';
import { DomainInputError } from '../errors.js';
import { assessPhq9, DEFAULT_PHQ9_CONFIG } from './phq9-assessment.js';
import type { Phq9RawAnswer } from './phq9-answers.js';

/** Nine answers summing to `total`, item 9 kept at 0 (filled 3 at a time from item 1). */
function answersWithTotal(total: number): Phq9RawAnswer[] {
  const answers: number[] = [];
  let left = total;
  for (let i = 0; i < 9; i += 1) {
    const value = i === 8 ? 0 : Math.min(3, left);
    answers.push(value);
    left -= value;
  }
  if (left !== 0) throw new Error(`cannot reach ${total} with item 9 at 0`);
  return answers;
}

describe('PHQ-9 total and band', () => {
  it('adds the nine item scores into the total (MOOD-PHQ9-TOTAL)', () => {
    const result = assessPhq9({ answers: [1, 2, 3, 0, 1, 2, 3, 0, 0] });
    expect(result.total).toBe(12);
    expect(result.incomplete).toBe(false);
    expect(result.totalLoinc).toBe('44261-6');
    expect(result.panelLoinc).toBe('44249-1');
    expect(result.questionnaire).toBe('http://loinc.org/q/44249-1');
  });

  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderatelySevere'],
    [19, 'moderatelySevere'],
    [20, 'severe'],
    [24, 'severe'],
  ])('bands a total of %i as %s (MOOD-PHQ9-BAND)', (total, band) => {
    expect(assessPhq9({ answers: answersWithTotal(total) }).band).toBe(band);
  });

  it('bands the maximum total of 27 as severe', () => {
    const result = assessPhq9({ answers: [3, 3, 3, 3, 3, 3, 3, 3, 3] });
    expect(result.total).toBe(27);
    expect(result.band).toBe('severe');
  });

  it('never uses the word depression in a band label (screening, not diagnosis)', () => {
    for (const total of [0, 5, 10, 15, 20]) {
      expect(assessPhq9({ answers: answersWithTotal(total) }).bandLabel).not.toMatch(/depress/i);
    }
  });
});

describe('PHQ-9 item 9', () => {
  it('raises the red flag and an urgent task when item 9 is 1 although the total is only 1', () => {
    const result = assessPhq9({ answers: [0, 0, 0, 0, 0, 0, 0, 0, 1] });
    expect(result.total).toBe(1);
    expect(result.band).toBe('minimal');
    expect(result.item9RedFlag).toBe(true);
    expect(result.tasks[0]).toMatchObject({ ruleId: 'MOOD-PHQ9-ITEM9', code: 'phq9_item9_positive', priority: 'urgent' });
    expect(result.patientMessages[0]).toMatch(/emergency/);
  });

  it('raises no red flag when item 9 is 0 even with a severe total', () => {
    const result = assessPhq9({ answers: [3, 3, 3, 3, 3, 3, 3, 3, 0] });
    expect(result.item9RedFlag).toBe(false);
    expect(result.item9FollowUp).toBe(false);
    expect(result.tasks.some((t) => t.ruleId === 'MOOD-PHQ9-ITEM9')).toBe(false);
  });

  it('raises the red flag from the LA code for "Nearly every day" on item 9', () => {
    expect(assessPhq9({ answers: [0, 0, 0, 0, 0, 0, 0, 0, 'LA6571-9'] }).item9RedFlag).toBe(true);
  });

  it('treats an unanswered item 9 as needing urgent follow-up but not as a red flag (CONVENTION)', () => {
    const result = assessPhq9({ answers: [0, 0, 0, 0, 0, 0, 0, 0, null] });
    expect(result.item9RedFlag).toBe(false);
    expect(result.item9Missing).toBe(true);
    expect(result.item9FollowUp).toBe(true);
    expect(result.tasks.map((t) => t.code)).toEqual(['phq9_item9_unanswered', 'phq9_incomplete']);
    expect(result.tasks[0]?.priority).toBe('urgent');
  });

  it('keeps the red flag on an incomplete questionnaire', () => {
    const result = assessPhq9({ answers: [null, 0, 0, 0, 0, 0, 0, 0, 2] });
    expect(result.incomplete).toBe(true);
    expect(result.item9RedFlag).toBe(true);
  });
});

describe('PHQ-9 incomplete', () => {
  it('gives no total and no band when one item is missing, listing every missing item (MOOD-PHQ9-INCOMPLETE)', () => {
    const result = assessPhq9({ answers: [1, null, 1, 1, null, 1, 1, 1, 0] });
    expect(result.incomplete).toBe(true);
    expect(result.total).toBeNull();
    expect(result.band).toBeNull();
    expect(result.missingItems).toEqual([2, 5]);
    expect(result.answeredSum).toBe(6);
    expect(result.tasks).toEqual([expect.objectContaining({ ruleId: 'MOOD-PHQ9-INCOMPLETE', priority: 'routine' })]);
  });

  it('gives a total once every item is answered, also when all are 0', () => {
    const result = assessPhq9({ answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(result.incomplete).toBe(false);
    expect(result.total).toBe(0);
    expect(result.tasks).toEqual([]);
  });
});

describe('PHQ-2 inside the PHQ-9', () => {
  it('is positive at 3 (items 1 + 2) and negative at 2 (MOOD-PHQ2)', () => {
    expect(assessPhq9({ answers: [2, 1, 0, 0, 0, 0, 0, 0, 0] })).toMatchObject({ phq2Total: 3, phq2Positive: true });
    expect(assessPhq9({ answers: [1, 1, 3, 3, 3, 0, 0, 0, 0] })).toMatchObject({ phq2Total: 2, phq2Positive: false });
  });

  it('is unknown when item 1 or 2 is missing', () => {
    expect(assessPhq9({ answers: [null, 3, 0, 0, 0, 0, 0, 0, 0] })).toMatchObject({ phq2Total: null, phq2Positive: null });
  });
});

describe('PHQ-9 rise from baseline', () => {
  it('creates a task for a rise of exactly 5 points (MOOD-RISE)', () => {
    const result = assessPhq9({ answers: answersWithTotal(7), baselineTotal: 2 });
    expect(result.rise).toMatchObject({ change: 5, flagged: true, threshold: 5 });
    expect(result.tasks.some((t) => t.code === 'phq9_rise')).toBe(true);
  });

  it('creates no task for a rise of 4 points', () => {
    const result = assessPhq9({ answers: answersWithTotal(6), baselineTotal: 2 });
    expect(result.rise).toMatchObject({ change: 4, flagged: false });
    expect(result.tasks).toEqual([]);
  });

  it('creates no task for a fall in the total', () => {
    expect(assessPhq9({ answers: answersWithTotal(1), baselineTotal: 9 }).rise).toMatchObject({ change: -8, flagged: false });
  });

  it('flags a rise on an incomplete questionnaire when the answered items alone reach it', () => {
    const result = assessPhq9({ answers: [3, 3, null, 0, 0, 0, 0, 0, 0], baselineTotal: 1 });
    expect(result.rise).toMatchObject({ change: null, minimumChange: 5, flagged: true });
    expect(result.tasks.find((t) => t.code === 'phq9_rise')?.message).toMatch(/at least 5/);
  });

  it('follows a configured threshold of 3 points', () => {
    const config = { ...DEFAULT_PHQ9_CONFIG, riseThreshold: 3 };
    expect(assessPhq9({ answers: answersWithTotal(5), baselineTotal: 2 }, config).rise?.flagged).toBe(true);
    expect(assessPhq9({ answers: answersWithTotal(4), baselineTotal: 2 }, config).rise?.flagged).toBe(false);
  });

  it('refuses a baseline of 28 or a threshold of 0, naming the field', () => {
    expect(() => assessPhq9({ answers: answersWithTotal(4), baselineTotal: 28 })).toThrow(DomainInputError);
    expect(() => assessPhq9({ answers: answersWithTotal(4) }, { ...DEFAULT_PHQ9_CONFIG, riseThreshold: 0 })).toThrow(
      /rise threshold/,
    );
  });
});

describe('PHQ-9 band review (MOOD-PHQ9-BAND-REVIEW)', () => {
  it('creates a routine review task at 10 (moderate) and none at 9 (mild) by default', () => {
    expect(assessPhq9({ answers: answersWithTotal(10) }).tasks).toEqual([
      expect.objectContaining({ code: 'phq9_band_review', priority: 'routine' }),
    ]);
    expect(assessPhq9({ answers: answersWithTotal(9) }).tasks).toEqual([]);
  });

  it('creates no review task when the clinic turns it off', () => {
    const config = { ...DEFAULT_PHQ9_CONFIG, reviewFromBand: null };
    expect(assessPhq9({ answers: answersWithTotal(24) }, config).tasks).toEqual([]);
  });
});

describe('PHQ-9 item 10', () => {
  it('records item 10 without adding it to the total', () => {
    const result = assessPhq9({ answers: answersWithTotal(4), item10: 'LA6575-0' });
    expect(result.total).toBe(4);
    expect(result.item10).toMatchObject({ loinc: '69722-7', value: 'veryDifficult', scored: false });
  });
});
