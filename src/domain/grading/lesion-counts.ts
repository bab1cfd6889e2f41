import { DomainInputError } from '../errors.js';
import { wholeNumberIn } from './grade-input.js';

export const LESIONS_RULE_ID = 'GRADE-LESIONS';

export const LESION_REGIONS = ['face', 'chest', 'back'] as const;
export type LesionRegion = (typeof LESION_REGIONS)[number];

/** Counts of one region [C]: comedones are non-inflammatory; papules, pustules, nodules (>= 5 mm) inflammatory. */
export interface RegionLesionCounts {
  readonly openComedones: number;
  readonly closedComedones: number;
  readonly papules: number;
  readonly pustules: number;
  readonly nodules: number;
}

export interface LesionTotals extends RegionLesionCounts {
  readonly nonInflammatory: number;
  readonly inflammatory: number;
  readonly total: number;
}

export type LesionCountsInput = Partial<Record<LesionRegion, RegionLesionCounts | null | undefined>>;

export interface LesionCountsResult {
  readonly ruleId: typeof LESIONS_RULE_ID;
  /** `null` for a region that was not counted (not the same as zero lesions). */
  readonly regions: Record<LesionRegion, LesionTotals | null>;
  readonly regionsCounted: LesionRegion[];
  /** Sums over the counted regions. */
  readonly overall: LesionTotals;
}

type LesionKind = keyof RegionLesionCounts;

function totals(counts: RegionLesionCounts): LesionTotals {
  const nonInflammatory = counts.openComedones + counts.closedComedones;
  const inflammatory = counts.papules + counts.pustules + counts.nodules;
  return { ...counts, nonInflammatory, inflammatory, total: nonInflammatory + inflammatory };
}

function readRegion(counts: RegionLesionCounts, region: LesionRegion): LesionTotals {
  const read = (kind: LesionKind): number =>
    wholeNumberIn(counts[kind], 0, Number.MAX_SAFE_INTEGER, `${region}.${kind}`, 'a lesion count');
  return totals({
    openComedones: read('openComedones'),
    closedComedones: read('closedComedones'),
    papules: read('papules'),
    pustules: read('pustules'),
    nodules: read('nodules'),
  });
}

/** GRADE-LESIONS: per-region and overall non-inflammatory, inflammatory and total counts. */
export function countLesions(input: LesionCountsInput): LesionCountsResult {
  const regions: Record<LesionRegion, LesionTotals | null> = { face: null, chest: null, back: null };
  for (const region of LESION_REGIONS) {
    const counts = input[region];
    if (counts !== null && counts !== undefined) regions[region] = readRegion(counts, region);
  }
  const regionsCounted = LESION_REGIONS.filter((r) => regions[r] !== null);
  if (regionsCounted.length === 0) {
    throw new DomainInputError('lesion_counts_empty', 'face', 'count at least one region (face, chest or back)');
  }
  const sum = (kind: LesionKind): number => regionsCounted.reduce((s, r) => s + (regions[r]?.[kind] ?? 0), 0);
  const overall = totals({
    openComedones: sum('openComedones'),
    closedComedones: sum('closedComedones'),
    papules: sum('papules'),
    pustules: sum('pustules'),
    nodules: sum('nodules'),
  });
  return { ruleId: LESIONS_RULE_ID, regions, regionsCounted, overall };
}
