import { wholeNumberIn } from './grade-input.js';

export const GAGS_RULE_ID = 'GRADE-GAGS';

export const GAGS_REGIONS = ['forehead', 'rightCheek', 'leftCheek', 'nose', 'chin', 'chestAndUpperBack'] as const;
export type GagsRegion = (typeof GAGS_REGIONS)[number];

/** GRADE-GAGS [C]: the area factor of each region. */
export const GAGS_FACTORS: Readonly<Record<GagsRegion, number>> = {
  forehead: 2,
  rightCheek: 2,
  leftCheek: 2,
  nose: 1,
  chin: 1,
  chestAndUpperBack: 3,
};

/** Lesion grade = the most severe lesion in the region [C]. */
export const GAGS_LESIONS = ['none', 'comedones', 'papules', 'pustules', 'nodules'] as const;
export type GagsLesion = (typeof GAGS_LESIONS)[number];

export const GAGS_BAND_IDS = ['none', 'mild', 'moderate', 'severe', 'verySevere'] as const;
export type GagsBand = (typeof GAGS_BAND_IDS)[number];

/** Bands [C]: 0 none, 1-18 mild, 19-30 moderate, 31-38 severe, >= 39 very severe (39 is a CONVENTION). */
export const GAGS_BANDS: readonly { readonly band: GagsBand; readonly min: number; readonly max: number; readonly label: string }[] = [
  { band: 'none', min: 0, max: 0, label: 'no acne (0)' },
  { band: 'mild', min: 1, max: 18, label: 'mild (1-18)' },
  { band: 'moderate', min: 19, max: 30, label: 'moderate (19-30)' },
  { band: 'severe', min: 31, max: 38, label: 'severe (31-38)' },
  { band: 'verySevere', min: 39, max: 44, label: 'very severe (39-44)' },
];

export const GAGS_MAX_SCORE = 44;

export type GagsInput = Readonly<Record<GagsRegion, number>>;

export interface GagsLocalScore {
  readonly region: GagsRegion;
  readonly factor: number;
  readonly grade: number;
  readonly lesion: GagsLesion;
  readonly score: number;
}

export interface GagsResult {
  readonly ruleId: typeof GAGS_RULE_ID;
  readonly score: number;
  readonly band: GagsBand;
  readonly bandLabel: string;
  readonly local: GagsLocalScore[];
}

export function gagsBand(score: number): GagsBand {
  wholeNumberIn(score, 0, GAGS_MAX_SCORE, 'score', 'a GAGS score');
  const found = GAGS_BANDS.find((b) => score >= b.min && score <= b.max);
  if (found === undefined) throw new RangeError(`no GAGS band for ${score}`);
  return found.band;
}

export function gagsBandRank(band: GagsBand): number {
  return GAGS_BANDS.findIndex((b) => b.band === band);
}

/** GRADE-GAGS: local score = factor x lesion grade (0-4); global score = sum (0-44); band. */
export function scoreGags(input: GagsInput): GagsResult {
  const local = GAGS_REGIONS.map((region) => {
    const grade = wholeNumberIn(input[region], 0, 4, region, 'a GAGS lesion grade');
    const factor = GAGS_FACTORS[region];
    return { region, factor, grade, lesion: GAGS_LESIONS[grade] ?? 'none', score: factor * grade };
  });
  const score = local.reduce((sum, l) => sum + l.score, 0);
  const band = gagsBand(score);
  const label = GAGS_BANDS.find((b) => b.band === band)?.label ?? band;
  return { ruleId: GAGS_RULE_ID, score, band, bandLabel: label, local };
}
