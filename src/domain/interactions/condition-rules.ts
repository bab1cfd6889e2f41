import type { MatchContext, MatchTerm, ScreeningRule } from './interaction-types.js';
import { everywhere } from './medication-rules.js';
import { containsAnyToken } from './name-matching.js';

function names(...list: string[]): MatchTerm[] {
  return list.map((name) => ({ name }));
}

const PAST_WORDS = ['previous', 'prior', 'past', 'history', 'former', 'ex'];

/** A pregnancy or breastfeeding in the past is not one now. */
function isCurrent({ tokens, start }: MatchContext): boolean {
  return !containsAnyToken(tokens.slice(Math.max(0, start - 3), start), PAST_WORDS);
}

/** "pregnancy test" alone is a test, not a pregnancy; "positive pregnancy test" is. */
function isPregnancy(context: MatchContext): boolean {
  const { tokens, start, length } = context;
  if (tokens[start + length] === 'test' || tokens[start + length] === 'tests') return tokens.includes('positive');
  return isCurrent(context);
}

/** INT-PREGNANCY [C]: contraindicated everywhere. */
export const PREGNANCY_RULE: ScreeningRule = {
  ruleId: 'INT-PREGNANCY',
  lists: ['conditions'],
  negatable: true,
  terms: names('pregnant', 'pregnancy', 'trying to conceive', 'trying for a baby'),
  guard: isPregnancy,
  byJurisdiction: everywhere({ wording: 'contraindicated', source: '[C]' }),
  reason: 'Isotretinoin can seriously harm an unborn baby. It must not be taken during pregnancy or while trying to conceive.',
};

/**
 * INT-BREASTFEEDING: contraindicated in the UK SmPC [C]; the EU follows the UK here (DECISION: the
 * UK text descends from the EU harmonised SmPC) [U]; the US Absorica LD label says not recommended
 * during treatment and for at least 8 days after the last dose [C], applied to every US product
 * (DECISION); Canada as the US [U].
 */
export const BREASTFEEDING_RULE: ScreeningRule = {
  ruleId: 'INT-BREASTFEEDING',
  lists: ['conditions'],
  negatable: true,
  terms: names(
    'breastfeeding', 'breast feeding', 'breastfeed', 'breastfeeds', 'chestfeeding', 'chest feeding', 'lactating',
    'lactation', 'nursing mother', 'nursing a baby', 'nursing an infant', 'expressing breast milk', 'pumping breast milk',
  ),
  guard: isCurrent,
  byJurisdiction: {
    US: { wording: 'notRecommended', source: '[C]' },
    EU: { wording: 'contraindicated', source: '[U]' },
    UK: { wording: 'contraindicated', source: '[C]' },
    CA: { wording: 'notRecommended', source: '[U]' },
  },
  reason:
    'Isotretinoin may pass into breast milk and harm the baby. Do not breastfeed (or chestfeed) during treatment ' +
    'and for at least 8 days after the last dose.',
};

/** The UK SmPC contraindications [C]; EU follows the UK [U]; US and Canada label them as warnings [U]. */
const UK_CONTRAINDICATION = {
  US: { wording: 'caution', source: '[U]' },
  EU: { wording: 'contraindicated', source: '[U]' },
  UK: { wording: 'contraindicated', source: '[C]' },
  CA: { wording: 'caution', source: '[U]' },
} as const;

/** INT-HEPATIC-INSUFFICIENCY. "Hepatitis" alone is not matched: a past, cured hepatitis is common. */
export const HEPATIC_RULE: ScreeningRule = {
  ruleId: 'INT-HEPATIC-INSUFFICIENCY',
  lists: ['conditions'],
  negatable: true,
  terms: names(
    'hepatic insufficiency', 'hepatic impairment', 'hepatic failure', 'liver insufficiency', 'liver impairment',
    'liver failure', 'liver disease', 'cirrhosis',
  ),
  byJurisdiction: UK_CONTRAINDICATION,
  reason: 'Isotretinoin can harm the liver; with liver disease it is contraindicated in the UK and needs close care elsewhere.',
};

/** INT-LIPIDS-EXCESSIVE: "excessively raised lipids" as the UK SmPC words it. */
export const LIPIDS_EXCESSIVE_RULE: ScreeningRule = {
  ruleId: 'INT-LIPIDS-EXCESSIVE',
  lists: ['conditions'],
  negatable: true,
  terms: names(
    'excessively raised lipids', 'excessively elevated lipids', 'excessively raised triglycerides',
    'excessively elevated triglycerides', 'severe hypertriglyceridaemia', 'severe hypertriglyceridemia',
    'severe hyperlipidaemia', 'severe hyperlipidemia',
  ),
  byJurisdiction: UK_CONTRAINDICATION,
  reason: 'Isotretinoin raises blood fats further; with excessively raised lipids it is contraindicated in the UK.',
};

/**
 * INT-LIPIDS-RAISED (DECISION): a raised-lipid diagnosis without "excessive" is a caution everywhere:
 * whether the values are excessive is for the fasting lipid results (labs module) to show.
 */
export const LIPIDS_RAISED_RULE: ScreeningRule = {
  ruleId: 'INT-LIPIDS-RAISED',
  lists: ['conditions'],
  negatable: true,
  terms: names(
    'hyperlipidaemia', 'hyperlipidemia', 'hypertriglyceridaemia', 'hypertriglyceridemia', 'dyslipidaemia',
    'dyslipidemia', 'hypercholesterolaemia', 'hypercholesterolemia', 'raised lipids', 'elevated lipids',
    'high triglycerides', 'raised triglycerides', 'elevated triglycerides',
  ),
  excludePhrases: [
    'severe hypertriglyceridaemia', 'severe hypertriglyceridemia', 'severe hyperlipidaemia', 'severe hyperlipidemia',
    'excessively raised lipids', 'excessively elevated lipids', 'excessively raised triglycerides',
    'excessively elevated triglycerides',
  ],
  byJurisdiction: everywhere({ wording: 'caution', source: 'DECISION' }),
  reason:
    'Isotretinoin raises blood fats. Check current fasting lipids before starting: excessively raised values are a ' +
    'contraindication in the UK.',
};

/** INT-HYPERVITAMINOSIS-A: UK contraindication [C]; EU follows [U]; US and Canada avoid extra vitamin A [U]. */
export const HYPERVITAMINOSIS_A_RULE: ScreeningRule = {
  ruleId: 'INT-HYPERVITAMINOSIS-A',
  lists: ['conditions'],
  negatable: true,
  terms: names('hypervitaminosis a', 'vitamin a toxicity', 'vitamin a poisoning', 'vitamin a excess'),
  byJurisdiction: {
    US: { wording: 'avoid', source: '[U]' },
    EU: { wording: 'contraindicated', source: '[U]' },
    UK: { wording: 'contraindicated', source: '[C]' },
    CA: { wording: 'avoid', source: '[U]' },
  },
  reason: 'Isotretinoin acts like vitamin A; with too much vitamin A already in the body it adds to the poisoning.',
};

/** INT-HYPERSENSITIVITY [C]: allergy to isotretinoin, to vitamin A or to retinoids. */
export const HYPERSENSITIVITY_RULE: ScreeningRule = {
  ruleId: 'INT-HYPERSENSITIVITY',
  lists: ['allergies'],
  negatable: true,
  terms: names(
    'isotretinoin', 'Accutane', 'Roaccutane', 'Absorica', 'Amnesteem', 'Claravis', 'Myorisan', 'Zenatane', 'Epuris',
    'Clarus', 'retinoid', 'retinoids', 'vitamin a', 'retinol', 'retinyl palmitate',
  ),
  excludePhrases: ['a z'],
  byJurisdiction: everywhere({ wording: 'contraindicated', source: '[C]' }),
  reason: 'An allergy to isotretinoin, vitamin A or another retinoid means isotretinoin must not be taken.',
};

/** INT-ALLERGY-SOYA-PEANUT [C]: capsules of many products contain soybean oil. */
export const SOYA_PEANUT_RULE: ScreeningRule = {
  ruleId: 'INT-ALLERGY-SOYA-PEANUT',
  lists: ['allergies'],
  negatable: true,
  terms: names(
    'soy', 'soya', 'soybean', 'soybeans', 'soya bean', 'soya beans', 'soja', 'soy lecithin', 'soya lecithin',
    'peanut', 'peanuts', 'arachis', 'groundnut', 'groundnuts', 'ground nut', 'ground nuts',
  ),
  byJurisdiction: everywhere({ wording: 'contraindicated', source: '[C]' }),
  reason:
    'Many isotretinoin capsules contain soybean oil, and people allergic to peanut can react to soya. Check the ' +
    'ingredients of the product: one that contains soya oil must not be taken.',
};

export const CONDITION_RULES: readonly ScreeningRule[] = [
  PREGNANCY_RULE,
  BREASTFEEDING_RULE,
  HEPATIC_RULE,
  LIPIDS_EXCESSIVE_RULE,
  LIPIDS_RAISED_RULE,
  HYPERVITAMINOSIS_A_RULE,
];

export const ALLERGY_RULES: readonly ScreeningRule[] = [HYPERSENSITIVITY_RULE, SOYA_PEANUT_RULE];
