import { describe, expect, it } from 'vitest';
import { DomainInputError } from '../errors.js';
import { screenInteractions, severityOfWording } from './screen.js';

function screen(medications: string[], jurisdiction = 'US', avoidSeverity: 'absolute' | 'caution' = 'absolute') {
  return screenInteractions({ medications, jurisdiction }, { avoidSeverity });
}

function ruleIds(medications: string[]): string[] {
  return screen(medications).findings.map((f) => f.ruleId);
}

describe('tetracyclines (INT-TETRACYCLINE)', () => {
  it('matches "Doxycycline 100 mg tablets" and reports the entry and the name', () => {
    const [finding] = screen(['Doxycycline 100 mg tablets']).findings;
    expect(finding).toMatchObject({
      ruleId: 'INT-TETRACYCLINE',
      matched: { list: 'medications', index: 0, text: 'Doxycycline 100 mg tablets', term: 'doxycycline' },
    });
    expect(finding?.reason).toMatch(/intracranial hypertension/);
  });

  it('is absolute and worded contraindicated in the UK', () => {
    expect(screen(['minocycline'], 'UK', 'caution').findings[0]).toMatchObject({
      severity: 'absolute',
      wording: 'contraindicated',
      jurisdictions: ['UK'],
    });
  });

  it('is worded avoid in the US, absolute by default and a caution when the clinic chooses so', () => {
    expect(screen(['minocycline'], 'US').findings[0]).toMatchObject({
      severity: 'absolute',
      wording: 'avoid',
      jurisdictions: ['US', 'EU', 'UK', 'CA'],
    });
    expect(screen(['minocycline'], 'US', 'caution').findings[0]).toMatchObject({
      severity: 'caution',
      jurisdictions: ['US', 'EU', 'CA'],
      severityByJurisdiction: { US: 'caution', EU: 'caution', UK: 'absolute', CA: 'caution' },
    });
  });

  it.each(['Vibramycin', 'Doryx MPC 120 mg', 'Acticlate', 'Minocin', 'Solodyn ER', 'Seysara 100 mg', 'Tetralysal 300', 'sarecycline', 'lymecycline'])(
    'matches %s',
    (name) => {
      expect(ruleIds([name])).toEqual(['INT-TETRACYCLINE']);
    },
  );

  it('ignores topical minocycline foam and tetracycline eye ointment', () => {
    expect(ruleIds(['minocycline 4% topical foam', 'tetracycline eye ointment'])).toEqual([]);
  });

  it('still matches a tablet taken for an eye condition: a word of swallowing outweighs a topical word', () => {
    expect(ruleIds(['Doxycycline 100 mg for eye rosacea'])).toEqual(['INT-TETRACYCLINE']);
  });
});

describe('vitamin A (INT-VITAMIN-A)', () => {
  it.each([
    'Vitamin A 10,000 IU',
    'vitamins A and D capsules',
    'retinyl palmitate',
    'Cod liver oil capsules',
    'vitamin A1',
    'Vitamin A 5000 IU for eye health',
    'vitamin A oral drops',
  ])(
    'matches %s',
    (name) => {
      expect(ruleIds([name])).toEqual(['INT-VITAMIN-A']);
    },
  );

  it.each(['vitamin AD', 'Vitamin A-Z multivitamin', 'fish oil', 'beta carotene (pro-vitamin A)', 'retinol night serum', 'vitamin D3'])(
    'does not match %s',
    (name) => {
      expect(ruleIds([name])).toEqual([]);
    },
  );
});

describe('other systemic retinoids (INT-RETINOIDS)', () => {
  it.each(['Acitretin 25 mg', 'Soriatane', 'Neotigason', 'alitretinoin', 'Toctino 30 mg', 'Targretin capsules', 'bexarotene', 'tretinoin 10 mg capsules', 'Vesanoid'])(
    'matches %s',
    (name) => {
      expect(ruleIds([name])).toEqual(['INT-RETINOIDS']);
    },
  );

  it.each(['tretinoin 0.05% cream', 'tretinoin', 'tretinoin 0.5 mg/g gel', 'Targretin gel', 'adapalene gel'])('does not match %s', (name) => {
    expect(ruleIds([name])).toEqual([]);
  });
});

describe("St John's wort (INT-ST-JOHNS-WORT)", () => {
  it.each(["St John's wort", 'St. Johns-Wort extract', 'SAINT JOHN’S WORT', 'Hypericum perforatum'])('matches %s', (name) => {
    expect(screen([name]).findings[0]).toMatchObject({ ruleId: 'INT-ST-JOHNS-WORT', severity: 'caution' });
  });
});

describe('progestogen-only pill (INT-MINIPILL)', () => {
  it.each([
    'norethindrone 0.35 mg',
    'Norethisterone 350 micrograms',
    'Camila',
    'Slynd',
    'drospirenone 4 mg',
    'desogestrel 75 micrograms',
    'Cerazette',
    'Opill',
    'progestogen-only pill',
    'mini-pill',
  ])('matches %s as inadequate contraception', (name) => {
    expect(screen([name]).findings[0]).toMatchObject({ ruleId: 'INT-MINIPILL', severity: 'caution', wording: 'inadequateContraception' });
  });

  it.each([
    'desogestrel/ethinylestradiol (Marvelon)',
    'drospirenone and ethinyl estradiol (Yaz)',
    'norethindrone acetate and ethinyl estradiol',
    'norethindrone acetate 5 mg',
    'norethisterone 5 mg',
    'levonorgestrel intrauterine system (Mirena)',
    'combined pill',
  ])('does not match the combined pill or another progestogen use: %s', (name) => {
    expect(ruleIds([name])).toEqual([]);
  });
});

describe('cautions (INT-PHENYTOIN, INT-CORTICOSTEROIDS, INT-ALCOHOL, INT-METHOTREXATE)', () => {
  it.each([
    ['phenytoin 100 mg', 'INT-PHENYTOIN'],
    ['Dilantin', 'INT-PHENYTOIN'],
    ['Epanutin', 'INT-PHENYTOIN'],
    ['prednisone 20 mg', 'INT-CORTICOSTEROIDS'],
    ['Prednisolone 5mg tablets', 'INT-CORTICOSTEROIDS'],
    ['methylprednisolone (Medrol dose pack)', 'INT-CORTICOSTEROIDS'],
    ['dexamethasone 4 mg', 'INT-CORTICOSTEROIDS'],
    ['hydrocortisone 10 mg tablets', 'INT-CORTICOSTEROIDS'],
    ['alcohol', 'INT-ALCOHOL'],
    ['methotrexate 15 mg weekly', 'INT-METHOTREXATE'],
  ])('flags %s as a caution under %s', (name, ruleId) => {
    expect(screen([name], 'UK').findings[0]).toMatchObject({ ruleId, severity: 'caution' });
  });

  it('keeps methotrexate a caution and says the contraindication belongs to acitretin', () => {
    expect(screen(['methotrexate'], 'UK').findings[0]?.reason).toMatch(/acitretin/);
  });

  it.each([
    'hydrocortisone 1% cream',
    'hydrocortisone 10 mg/g cream',
    'prednisolone acetate eye drops',
    'benzyl alcohol',
    'alcohol-free mouthwash',
    'alcohol wipes',
  ])(
    'does not flag %s',
    (name) => {
      expect(ruleIds([name])).toEqual([]);
    },
  );
});

describe('screening a whole list', () => {
  it('reports every finding, absolute ones first, and ignores names it does not know', () => {
    const result = screen(['ibuprofen', 'prednisone', 'Doxycycline 100 mg', '', 'Made-up-amab', 'vitamin A'], 'UK');
    expect(result.findings.map((f) => [f.ruleId, f.matched.index])).toEqual([
      ['INT-TETRACYCLINE', 2],
      ['INT-VITAMIN-A', 5],
      ['INT-CORTICOSTEROIDS', 1],
    ]);
    expect(result).toMatchObject({ absoluteCount: 2, cautionCount: 1, worstSeverity: 'absolute', jurisdiction: 'UK' });
  });

  it('reports none for an empty list', () => {
    expect(screen([])).toMatchObject({ findings: [], worstSeverity: 'none' });
  });

  it('refuses an unknown jurisdiction, naming the field', () => {
    try {
      screen(['doxycycline'], 'FR');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainInputError);
      expect((error as DomainInputError).field).toBe('jurisdiction');
    }
  });
});

describe('severity by label wording (INT-SEVERITY)', () => {
  it('keeps contraindicated absolute and caution a caution whatever the configuration', () => {
    for (const avoidSeverity of ['absolute', 'caution'] as const) {
      expect(severityOfWording('contraindicated', { avoidSeverity })).toBe('absolute');
      expect(severityOfWording('caution', { avoidSeverity })).toBe('caution');
      expect(severityOfWording('inadequateContraception', { avoidSeverity })).toBe('caution');
    }
  });

  it('gives avoid and not recommended the configured severity, absolute by default', () => {
    expect(severityOfWording('avoid')).toBe('absolute');
    expect(severityOfWording('notRecommended')).toBe('absolute');
    expect(severityOfWording('avoid', { avoidSeverity: 'caution' })).toBe('caution');
    expect(severityOfWording('notRecommended', { avoidSeverity: 'caution' })).toBe('caution');
  });
});
