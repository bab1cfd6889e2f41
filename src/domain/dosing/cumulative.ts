import { compareDates, formatDate, type LocalDate } from '../calendar/index.js';
import { DomainInputError } from '../errors.js';
import { ceilDecimal, decimal, decimalFromInteger, multiplyDecimal, type Decimal } from './decimal.js';
import { reportedMgPerKg } from './dose-checks.js';
import { MAX_TARGET_MG_PER_KG, MAX_WEIGHT_KG, positiveDecimal, positiveWholeNumber } from './dose-input.js';
import { DOSE_RULE, type DoseRuleId } from './dose-rules.js';
import { conventionalEquivalentMg, LD_EQUIVALENT_LABEL } from './ld-equivalent.js';
import { getProduct } from './products.js';

/**
 * One dose administration. A day without a dose is simply absent, or present with
 * `taken: false` or `mg: 0`. Two divided doses on one day are two entries with different
 * `doseIndex` (1 and 2); two entries with the same date and doseIndex are a duplicate and an
 * input error, so an imported log can never be counted twice (DOSE-CUMULATIVE).
 */
export interface DoseRecord {
  readonly date: LocalDate;
  /** Whole mg of product taken at this administration. */
  readonly mg: number;
  /** Default true. false records a missed dose: its mg are never counted. */
  readonly taken?: boolean;
  /** Which dose of the day this is (1-based, default 1). */
  readonly doseIndex?: number;
}

export interface WeightRecord {
  readonly date: LocalDate;
  readonly weightKg: number;
}

export interface CumulativeRequest {
  /** Baseline weight: the mg/kg basis unless a rebase is asked for. */
  readonly weightKg: number;
  readonly doses: readonly DoseRecord[];
  readonly weightHistory?: readonly WeightRecord[];
  /** Re-base mg/kg on the weight recorded on this date (explicit only, never automatic). */
  readonly rebaseOnWeightDate?: LocalDate;
  readonly product?: string;
  /** When given, the remaining mg to this target on the mg/kg basis weight. */
  readonly targetMgPerKg?: number;
}

export interface MgPerKgBasis {
  readonly kind: 'baseline' | 'rebased';
  readonly weightKg: number;
  readonly date?: string;
}

export interface CumulativeDose {
  readonly ruleId: DoseRuleId;
  readonly totalMg: number;
  /** totalMg / basis weight, rounded half-up to 2 decimals. */
  readonly mgPerKg: number;
  readonly basis: MgPerKgBasis;
  readonly baselineWeightKg: number;
  readonly baselineMgPerKg: number;
  readonly dosesCounted: number;
  readonly daysWithDose: number;
  /** Entries present in the log that were not taken (taken false or mg 0). */
  readonly missedEntries: number;
  readonly firstDoseDate?: string;
  readonly lastDoseDate?: string;
  readonly weightHistory: ReadonlyArray<{ readonly date: string; readonly weightKg: number }>;
  readonly target?: { readonly targetMgPerKg: number; readonly targetMg: number; readonly remainingMg: number; readonly reached: boolean };
  readonly conventionalEquivalent?: {
    readonly ruleId: DoseRuleId;
    readonly label: string;
    readonly totalMg: number;
    readonly mgPerKg: number;
  };
}

function checkDoses(doses: readonly DoseRecord[]): void {
  const seen = new Map<string, number>();
  doses.forEach((dose, index) => {
    if (!Number.isInteger(dose.mg) || dose.mg < 0) {
      throw new DomainInputError('invalid_mg', `doses.${index}.mg`, `must be whole mg, 0 or more: ${dose.mg}`);
    }
    const doseIndex = positiveWholeNumber(dose.doseIndex ?? 1, `doses.${index}.doseIndex`);
    const key = `${formatDate(dose.date)}#${doseIndex}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new DomainInputError(
        'duplicate_dose',
        `doses.${index}`,
        `dose ${doseIndex} of ${formatDate(dose.date)} is already entry ${earlier}; a second dose on one day needs doseIndex 2`,
      );
    }
    seen.set(key, index);
  });
}

function sortedWeights(history: readonly WeightRecord[]): WeightRecord[] {
  const seen = new Set<string>();
  history.forEach((record, index) => {
    positiveDecimal(record.weightKg, `weightHistory.${index}.weightKg`, MAX_WEIGHT_KG);
    const key = formatDate(record.date);
    if (seen.has(key)) throw new DomainInputError('duplicate_weight', `weightHistory.${index}`, `two weights on ${key}`);
    seen.add(key);
  });
  return [...history].sort((a, b) => compareDates(a.date, b.date));
}

function basisOf(request: CumulativeRequest, history: readonly WeightRecord[]): [MgPerKgBasis, Decimal] {
  const on = request.rebaseOnWeightDate;
  if (on === undefined) return [{ kind: 'baseline', weightKg: request.weightKg }, positiveDecimal(request.weightKg, 'weightKg')];
  const record = history.find((r) => compareDates(r.date, on) === 0);
  if (record === undefined) {
    throw new DomainInputError('unknown_weight_date', 'rebaseOnWeightDate', `no weight recorded on ${formatDate(on)} in weightHistory`);
  }
  return [{ kind: 'rebased', weightKg: record.weightKg, date: formatDate(on) }, positiveDecimal(record.weightKg, 'weightHistory')];
}

/**
 * DOSE-CUMULATIVE [C]: the cumulative dose counts only what was actually taken (a missed dose is
 * skipped, never doubled). mg/kg is against the baseline weight unless a rebase is asked for.
 */
export function cumulativeDose(request: CumulativeRequest): CumulativeDose {
  const baseline = positiveDecimal(request.weightKg, 'weightKg', MAX_WEIGHT_KG);
  const product = request.product === undefined ? undefined : getProduct(request.product);
  checkDoses(request.doses);
  const history = sortedWeights(request.weightHistory ?? []);
  const [basis, basisWeight] = basisOf(request, history);

  const taken = request.doses.filter((d) => d.taken !== false && d.mg > 0);
  const totalMg = taken.reduce((sum, d) => sum + d.mg, 0);
  const days = [...new Set(taken.map((d) => formatDate(d.date)))].sort();
  const total = decimalFromInteger(totalMg);
  const first = days[0];
  const last = days[days.length - 1];
  return {
    ruleId: DOSE_RULE.cumulative,
    totalMg,
    mgPerKg: reportedMgPerKg(total, basisWeight),
    basis,
    baselineWeightKg: request.weightKg,
    baselineMgPerKg: reportedMgPerKg(total, baseline),
    dosesCounted: taken.length,
    daysWithDose: days.length,
    missedEntries: request.doses.length - taken.length,
    ...(first === undefined ? {} : { firstDoseDate: first }),
    ...(last === undefined ? {} : { lastDoseDate: last }),
    weightHistory: history.map((r) => ({ date: formatDate(r.date), weightKg: r.weightKg })),
    ...(request.targetMgPerKg === undefined ? {} : { target: targetOf(request.targetMgPerKg, basisWeight, totalMg) }),
    ...(product?.isLowDoseFormulation === true
      ? {
          conventionalEquivalent: {
            ruleId: DOSE_RULE.ldEquivalent,
            label: LD_EQUIVALENT_LABEL,
            totalMg: conventionalEquivalentMg(totalMg),
            mgPerKg: reportedMgPerKg(multiplyDecimal(total, decimal('1.25')), basisWeight),
          },
        }
      : {}),
  };
}

function targetOf(targetMgPerKg: number, weight: Decimal, totalMg: number): NonNullable<CumulativeDose['target']> {
  const targetMg = Number(ceilDecimal(multiplyDecimal(weight, positiveDecimal(targetMgPerKg, 'targetMgPerKg', MAX_TARGET_MG_PER_KG))));
  return { targetMgPerKg, targetMg, remainingMg: Math.max(0, targetMg - totalMg), reached: totalMg >= targetMg };
}
