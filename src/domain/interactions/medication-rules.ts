import type { JurisdictionRule, MatchContext, MatchTerm, ScreeningRule } from './interaction-types.js';
import type { Jurisdiction } from './jurisdictions.js';
import { containsAnyToken, containsPhrase, numbersIn } from './name-matching.js';

export function everywhere(rule: JurisdictionRule): Record<Jurisdiction, JurisdictionRule> {
  return { US: rule, EU: rule, UK: rule, CA: rule };
}

function names(...list: string[]): MatchTerm[] {
  return list.map((name) => ({ name }));
}

/**
 * INT-TETRACYCLINE [C]: intracranial hypertension. Contraindicated in the UK SmPC, "avoid"
 * elsewhere; `avoid` is absolute by default (configurable, see `severityOfWording`).
 * Systemic products only: topical minocycline foam or tetracycline eye ointment do not count.
 */
export const TETRACYCLINE_RULE: ScreeningRule = {
  ruleId: 'INT-TETRACYCLINE',
  lists: ['medications'],
  systemicOnly: true,
  terms: names(
    'tetracycline', 'tetracyclines', 'doxycycline', 'minocycline', 'sarecycline', 'lymecycline', 'oxytetracycline',
    'demeclocycline', 'omadacycline', 'tigecycline', 'eravacycline',
    // brands (real products): doxycycline
    'Vibramycin', 'Vibra-Tabs', 'Doryx', 'Acticlate', 'Targadox', 'Monodox', 'Oracea', 'Periostat', 'Adoxa', 'Efracea',
    // minocycline, sarecycline, lymecycline, tetracycline, demeclocycline, omadacycline, tigecycline, eravacycline
    'Minocin', 'Solodyn', 'Minolira', 'Ximino', 'Dynacin', 'Aknemin', 'Seysara', 'Tetralysal', 'Sumycin', 'Declomycin',
    'Nuzyra', 'Tygacil', 'Xerava',
  ),
  byJurisdiction: {
    US: { wording: 'avoid', source: '[C]' },
    EU: { wording: 'avoid', source: '[C]' },
    UK: { wording: 'contraindicated', source: '[C]' },
    CA: { wording: 'avoid', source: '[C]' },
  },
  reason:
    'Tetracycline antibiotics taken with isotretinoin raise the risk of raised pressure around the brain ' +
    '(intracranial hypertension). Do not take them together.',
};

/** INT-VITAMIN-A [C]: extra vitamin A adds to isotretinoin's vitamin A-like toxicity. */
export const VITAMIN_A_RULE: ScreeningRule = {
  ruleId: 'INT-VITAMIN-A',
  lists: ['medications'],
  systemicOnly: true,
  terms: names(
    'vitamin a', 'vitamins a', 'vit a', 'retinol', 'retinyl palmitate', 'retinyl acetate', 'retinol palmitate',
    'retinol acetate', 'cod liver oil', 'halibut liver oil', 'fish liver oil', 'Aquasol A',
  ),
  // "vitamin A-Z" multivitamin ranges and pro-vitamin A (beta-carotene) are not preformed vitamin A
  excludePhrases: ['a z', 'pro vitamin a', 'provitamin a'],
  byJurisdiction: everywhere({ wording: 'avoid', source: '[C]' }),
  reason:
    'Vitamin A supplements (including fish liver oils) add to the vitamin A-like effects of isotretinoin and can ' +
    'cause vitamin A poisoning. Stop them during treatment.',
};

/** INT-RETINOIDS [S]: two systemic retinoids add up; topical forms (tretinoin cream) do not count. */
export const RETINOIDS_RULE: ScreeningRule = {
  ruleId: 'INT-RETINOIDS',
  lists: ['medications'],
  systemicOnly: true,
  terms: [
    ...names(
      'acitretin', 'Soriatane', 'Neotigason', 'alitretinoin', 'Toctino', 'bexarotene', 'Targretin', 'etretinate',
      'Tegison', 'palovarotene', 'Sohonos', 'Vesanoid',
    ),
    // tretinoin is almost always a cream for acne: only an oral product (capsules, mg, "oral") counts
    { name: 'tretinoin', requiresOral: true },
  ],
  byJurisdiction: everywhere({ wording: 'avoid', source: '[S]' }),
  reason: 'Another retinoid taken by mouth adds to the side effects of isotretinoin. Do not take them together.',
};

/** INT-ST-JOHNS-WORT [S]: it can make hormonal contraception fail. */
export const ST_JOHNS_WORT_RULE: ScreeningRule = {
  ruleId: 'INT-ST-JOHNS-WORT',
  lists: ['medications'],
  terms: names('johns wort', 'john s wort', 'st johnswort', 'hypericum'),
  byJurisdiction: everywhere({ wording: 'caution', source: '[S]' }),
  reason:
    'St John\'s wort can make hormonal contraception (pill, patch, implant, injection) less effective. ' +
    'Stop it, or rely on contraception that does not depend on hormones, to prevent pregnancy.',
};

const OESTROGEN_WORDS = [
  'ethinyl', 'ethinylestradiol', 'ethinyloestradiol', 'estradiol', 'oestradiol', 'estetrol', 'mestranol', 'estrogen',
  'oestrogen', 'estrogens', 'oestrogens', 'ee', 'combined', 'coc',
];

/** Progestogen-only strengths, in the unit usually written: mg or micrograms. */
const MINIPILL_STRENGTHS: Readonly<Record<string, readonly number[]>> = {
  norethindrone: [0.35, 350],
  norethisterone: [0.35, 350],
  desogestrel: [0.075, 75],
  norgestrel: [0.075, 75],
  drospirenone: [4],
};

/**
 * A progestogen named on its own is a mini-pill only when no oestrogen is named with it (that would
 * be a combined pill), it is not "acetate" (norethisterone acetate 5 mg treats bleeding), and any
 * dose written is a mini-pill strength. Levonorgestrel alone is not matched: the hormonal IUD and
 * emergency contraception share the name.
 */
function isProgestogenOnlyPill({ tokens, start, term }: MatchContext): boolean {
  const strengths = MINIPILL_STRENGTHS[term.name];
  if (strengths === undefined) return !containsAnyToken(tokens, OESTROGEN_WORDS);
  if (containsAnyToken(tokens, OESTROGEN_WORDS) || tokens[start + 1] === 'acetate') return false;
  const numbers = numbersIn(tokens);
  return numbers.length === 0 || numbers.some((n) => strengths.includes(n)) || containsPhrase(tokens, 'only');
}

/** INT-MINIPILL [C]: the progestogen-only pill is not adequate contraception on isotretinoin. */
export const MINIPILL_RULE: ScreeningRule = {
  ruleId: 'INT-MINIPILL',
  lists: ['medications'],
  terms: names(
    'mini pill', 'minipill', 'progestogen only pill', 'progestin only pill', 'progesterone only pill',
    'progestogen only contraceptive', 'progestin only contraceptive pill',
    'norethindrone', 'norethisterone', 'desogestrel', 'drospirenone', 'norgestrel',
    // brands (real products): US norethindrone 0.35 mg, drospirenone 4 mg, norgestrel 0.075 mg (OTC)
    'Camila', 'Errin', 'Nora-BE', 'Micronor', 'Jolivette', 'Heather', 'Jencycla', 'Lyza', 'Sharobel', 'Incassia',
    'Slynd', 'Opill',
    // UK desogestrel 75 micrograms, norethisterone 350 micrograms, levonorgestrel 30 micrograms
    'Cerazette', 'Cerelle', 'Hana', 'Lovima', 'Noriday', 'Norgeston',
  ),
  guard: isProgestogenOnlyPill,
  byJurisdiction: everywhere({ wording: 'inadequateContraception', source: '[C]' }),
  reason:
    'The progestogen-only "mini-pill" is not reliable enough contraception during isotretinoin treatment. ' +
    'Another method is needed; the prescriber checks the contraception plan.',
};

/** INT-PHENYTOIN [S]: both can weaken bones (osteomalacia). */
export const PHENYTOIN_RULE: ScreeningRule = {
  ruleId: 'INT-PHENYTOIN',
  lists: ['medications'],
  terms: names('phenytoin', 'fosphenytoin', 'Dilantin', 'Epanutin', 'Phenytek'),
  byJurisdiction: everywhere({ wording: 'caution', source: '[S]' }),
  reason: 'Phenytoin and isotretinoin can both affect the bones. They may be used together with care and monitoring.',
};

/** INT-CORTICOSTEROIDS [S]: systemic steroids and isotretinoin can both weaken bones. */
export const CORTICOSTEROIDS_RULE: ScreeningRule = {
  ruleId: 'INT-CORTICOSTEROIDS',
  lists: ['medications'],
  systemicOnly: true,
  terms: [
    ...names(
      'prednisone', 'prednisolone', 'methylprednisolone', 'dexamethasone', 'deflazacort',
      'Rayos', 'Deltasone', 'Orapred', 'Millipred', 'Pediapred', 'Medrol', 'Decadron', 'Hemady', 'Cortef', 'Alkindi',
      'Plenadren', 'Emflaza', 'Celestone',
    ),
    // usually creams: only when the text says the product is taken by mouth
    { name: 'hydrocortisone', requiresOral: true },
    { name: 'cortisone', requiresOral: true },
    { name: 'betamethasone', requiresOral: true },
  ],
  byJurisdiction: everywhere({ wording: 'caution', source: '[S]' }),
  reason:
    'Corticosteroids taken by mouth or injection and isotretinoin can both weaken the bones. They may be used ' +
    'together with care (for example to treat a severe flare).',
};

/** INT-ALCOHOL [S]: liver and triglycerides. */
export const ALCOHOL_RULE: ScreeningRule = {
  ruleId: 'INT-ALCOHOL',
  lists: ['medications', 'conditions'],
  negatable: true,
  terms: names('alcohol', 'alcoholic', 'alcoholism', 'ethanol', 'binge drinking', 'heavy drinking'),
  excludePhrases: [
    'benzyl alcohol', 'isopropyl alcohol', 'cetyl alcohol', 'cetearyl alcohol', 'cetostearyl alcohol',
    'stearyl alcohol', 'polyvinyl alcohol', 'lanolin alcohol', 'lanolin alcohols', 'rubbing alcohol', 'alcohol free',
    'alcohol wipe', 'alcohol wipes', 'alcohol swab', 'alcohol swabs', 'alcohol pad', 'alcohol pads', 'alcohol hand',
  ],
  byJurisdiction: everywhere({ wording: 'caution', source: '[S]' }),
  reason: 'Alcohol adds strain on the liver and can raise blood fats (triglycerides). Keep it low during treatment.',
};

/** INT-METHOTREXATE [C]: a caution for additive liver toxicity only. */
export const METHOTREXATE_RULE: ScreeningRule = {
  ruleId: 'INT-METHOTREXATE',
  lists: ['medications'],
  terms: names(
    'methotrexate', 'Trexall', 'Otrexup', 'Rasuvo', 'RediTrex', 'Xatmep', 'Jylamvo', 'Metoject', 'Maxtrex', 'Nordimet',
  ),
  byJurisdiction: everywhere({ wording: 'caution', source: '[C]' }),
  reason:
    'Methotrexate and isotretinoin can both affect the liver, so liver tests need watching. (The contraindication ' +
    'with methotrexate belongs to acitretin, another retinoid, not to isotretinoin.)',
};

export const MEDICATION_RULES: readonly ScreeningRule[] = [
  TETRACYCLINE_RULE,
  VITAMIN_A_RULE,
  RETINOIDS_RULE,
  ST_JOHNS_WORT_RULE,
  MINIPILL_RULE,
  PHENYTOIN_RULE,
  CORTICOSTEROIDS_RULE,
  ALCOHOL_RULE,
  METHOTREXATE_RULE,
];
