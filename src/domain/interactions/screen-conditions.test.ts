import { describe, expect, it } from 'vitest';
import { screenInteractions } from './screen.js';

type Lists = { allergies?: string[]; conditions?: string[]; productComponents?: string[] };

function screen(lists: Lists, jurisdiction = 'UK', avoidSeverity: 'absolute' | 'caution' = 'absolute') {
  return screenInteractions({ medications: [], ...lists, jurisdiction }, { avoidSeverity });
}

function ruleIds(lists: Lists, jurisdiction = 'UK'): string[] {
  return screen(lists, jurisdiction).findings.map((f) => f.ruleId);
}

describe('allergies', () => {
  it.each(['Soya', 'soy lecithin', 'Peanuts', 'arachis oil', 'groundnut'])('makes %s an absolute contraindication (INT-ALLERGY-SOYA-PEANUT)', (allergy) => {
    expect(screen({ allergies: [allergy] }, 'US').findings[0]).toMatchObject({
      ruleId: 'INT-ALLERGY-SOYA-PEANUT',
      severity: 'absolute',
      wording: 'contraindicated',
      matched: { list: 'allergies', index: 0 },
    });
  });

  it.each(['isotretinoin', 'Accutane', 'vitamin A', 'retinoids'])('makes an allergy to %s absolute (INT-HYPERSENSITIVITY)', (allergy) => {
    expect(ruleIds({ allergies: [allergy] })).toEqual(['INT-HYPERSENSITIVITY']);
  });

  it('ignores allergies it does not know and a denial', () => {
    expect(ruleIds({ allergies: ['penicillin', 'no known allergies', 'not allergic to peanuts', 'vitamin AD'] })).toEqual([]);
  });

  it('asks to check the product for a paraben allergy when its components are unknown (INT-ALLERGY-EXCIPIENT)', () => {
    expect(screen({ allergies: ['parabens'] }).findings).toEqual([
      expect.objectContaining({ ruleId: 'INT-ALLERGY-EXCIPIENT', severity: 'caution', source: 'DECISION' }),
    ]);
  });

  it('makes an allergy to a component of the product absolute, matching the paraben family', () => {
    const result = screen({ allergies: ['parabens'], productComponents: ['gelatin', 'methyl parahydroxybenzoate (E218)'] });
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'INT-ALLERGY-EXCIPIENT',
        severity: 'absolute',
        matched: expect.objectContaining({ term: 'methyl parahydroxybenzoate (E218)' }) as unknown,
      }),
    ]);
  });

  it('reports no excipient finding when the given components do not contain the allergen', () => {
    expect(ruleIds({ allergies: ['parabens'], productComponents: ['gelatin', 'soybean oil'] })).toEqual([]);
  });

  it('matches any allergen named in the components, e.g. gelatine against gelatin', () => {
    expect(ruleIds({ allergies: ['gelatine'], productComponents: ['gelatin', 'glycerol'] })).toEqual(['INT-ALLERGY-EXCIPIENT']);
  });
});

describe('pregnancy (INT-PREGNANCY)', () => {
  it.each(['pregnant', 'Pregnancy (12 weeks)', 'positive pregnancy test', 'trying to conceive'])('is absolute everywhere for %s', (condition) => {
    for (const jurisdiction of ['US', 'EU', 'UK', 'CA']) {
      expect(screen({ conditions: [condition] }, jurisdiction).findings[0]).toMatchObject({ ruleId: 'INT-PREGNANCY', severity: 'absolute' });
    }
  });

  it.each(['not pregnant', 'pregnancy test negative', 'pregnancy test', 'previous pregnancy', 'pregnant: no'])('is not found in %s', (condition) => {
    expect(ruleIds({ conditions: [condition] })).toEqual([]);
  });
});

describe('breastfeeding (INT-BREASTFEEDING)', () => {
  it('is absolute and contraindicated in the UK', () => {
    expect(screen({ conditions: ['Breastfeeding'] }, 'UK').findings[0]).toMatchObject({ severity: 'absolute', wording: 'contraindicated', source: '[C]' });
  });

  it('is not recommended in the US, with the 8-day note, absolute by default and a caution when the clinic chooses', () => {
    const finding = screen({ conditions: ['chestfeeding'] }, 'US').findings[0];
    expect(finding).toMatchObject({ ruleId: 'INT-BREASTFEEDING', severity: 'absolute', wording: 'notRecommended' });
    expect(finding?.reason).toMatch(/8 days after the last dose/);
    expect(screen({ conditions: ['lactating'] }, 'US', 'caution').findings[0]?.severity).toBe('caution');
    expect(screen({ conditions: ['lactating'] }, 'UK', 'caution').findings[0]?.severity).toBe('absolute');
  });

  it('ignores breastfeeding in the past', () => {
    expect(ruleIds({ conditions: ['history of breastfeeding'] })).toEqual([]);
  });
});

describe('UK contraindications: liver, lipids, hypervitaminosis A', () => {
  it('makes hepatic insufficiency absolute in the UK and a caution in the US (INT-HEPATIC-INSUFFICIENCY)', () => {
    expect(screen({ conditions: ['hepatic insufficiency'] }, 'UK').findings[0]).toMatchObject({ severity: 'absolute' });
    expect(screen({ conditions: ['Liver cirrhosis'] }, 'US').findings[0]).toMatchObject({ ruleId: 'INT-HEPATIC-INSUFFICIENCY', severity: 'caution' });
  });

  it('makes excessively raised lipids absolute in the UK (INT-LIPIDS-EXCESSIVE) and nothing else', () => {
    expect(ruleIds({ conditions: ['excessively raised lipids'] })).toEqual(['INT-LIPIDS-EXCESSIVE']);
    expect(ruleIds({ conditions: ['severe hypertriglyceridaemia'] })).toEqual(['INT-LIPIDS-EXCESSIVE']);
  });

  it('keeps a plain raised-lipid diagnosis a caution, also in the UK (INT-LIPIDS-RAISED)', () => {
    expect(screen({ conditions: ['hypertriglyceridemia'] }, 'UK').findings).toEqual([
      expect.objectContaining({ ruleId: 'INT-LIPIDS-RAISED', severity: 'caution' }),
    ]);
  });

  it('makes hypervitaminosis A absolute in the UK and ignores hypervitaminosis D (INT-HYPERVITAMINOSIS-A)', () => {
    expect(screen({ conditions: ['Hypervitaminosis A'] }, 'UK').findings[0]).toMatchObject({ ruleId: 'INT-HYPERVITAMINOSIS-A', severity: 'absolute' });
    expect(ruleIds({ conditions: ['hypervitaminosis D'] })).toEqual([]);
  });

  it('finds alcohol use among conditions too, but not "no alcohol"', () => {
    expect(ruleIds({ conditions: ['alcohol use disorder'] })).toEqual(['INT-ALCOHOL']);
    expect(ruleIds({ conditions: ['no alcohol'] })).toEqual([]);
  });
});
