import { tryParseDate } from '../../../src/domain/calendar/index.js';
import {
  buildCapsuleTable,
  capsuleCombination,
  computeDailyDose,
  decimalFromInteger,
  DEFAULT_MAX_DAILY_MG,
  getProduct,
  MAX_MG_PER_KG_PER_DAY,
  MAX_PHASE_DAYS,
  MAX_WEIGHT_KG,
  nearestAchievable,
  planCourse,
  PRODUCT_IDS,
  TARGET_MG_PER_KG_OPTIONS,
  type CoursePlan,
  type DailyDose,
  type DoseWarning,
  type ProductId,
} from '../../../src/domain/dosing/index.js';
import { DomainInputError } from '../../../src/domain/errors.js';

/** What the person typed, as text: nothing is lost or rounded before it is checked. */
export interface DoseFormValues {
  readonly product: string;
  readonly weightKg: string;
  readonly mgPerKgPerDay: string;
  readonly targetMgPerKg: string;
  readonly startDate: string;
  readonly phases: readonly { readonly mgPerDay: string; readonly days: string }[];
}

export type DoseField = 'product' | 'weightKg' | 'mgPerKgPerDay' | 'targetMgPerKg' | 'startDate' | `phases.${number}.mgPerDay` | `phases.${number}.days`;

/** Why a field cannot be used; the screen turns each code into words next to the field. */
export type DoseFieldProblem =
  | { readonly field: DoseField; readonly code: 'required' | 'notANumber' | 'notPositive' | 'notWhole' | 'invalidDate' | 'unknownProduct' }
  | { readonly field: DoseField; readonly code: 'tooLarge'; readonly max: number }
  | { readonly field: DoseField; readonly code: 'notAchievable'; readonly requestedMg: number; readonly nearestMg: number }
  /** A refusal of the domain that the checks above did not foresee: its own words are shown. */
  | { readonly field: DoseField; readonly code: 'domain'; readonly message: string };

export interface DoseCalculation {
  readonly daily: DailyDose;
  readonly plan: CoursePlan;
  /** The findings of the daily dose, then those of the plan that are not the same finding again. */
  readonly warnings: readonly DoseWarning[];
}

export type DoseFormOutcome = { readonly ok: true; readonly calculation: DoseCalculation } | { readonly ok: false; readonly problems: readonly DoseFieldProblem[] };

export const DEFAULT_TARGET = String(TARGET_MG_PER_KG_OPTIONS[0]);

export const emptyDoseForm: DoseFormValues = {
  product: 'us-generic',
  weightKg: '',
  mgPerKgPerDay: '',
  targetMgPerKg: DEFAULT_TARGET,
  startDate: '',
  phases: [],
};

const isProductId = (value: string): value is ProductId => (PRODUCT_IDS as readonly string[]).includes(value);

/** The value, or records why the field cannot be used and gives undefined. */
function accept(value: number, problem: DoseFieldProblem | undefined, problems: DoseFieldProblem[]): number | undefined {
  if (problem === undefined) return value;
  problems.push(problem);
  return undefined;
}

/** A positive decimal as typed: digits with at most one `.` or `,` (a decimal comma is common). */
function readDecimal(text: string, field: DoseField, max: number, problems: DoseFieldProblem[]): number | undefined {
  const trimmed = text.trim();
  const value = Number(trimmed.replace(',', '.'));
  const problem: DoseFieldProblem | undefined =
    trimmed === ''
      ? { field, code: 'required' }
      : !/^\d+([.,]\d+)?$/.test(trimmed)
        ? { field, code: 'notANumber' }
        : value <= 0
          ? { field, code: 'notPositive' }
          : value > max
            ? { field, code: 'tooLarge', max }
            : undefined;
  return accept(value, problem, problems);
}

/** A whole number from 1 to `max`. */
function readWhole(text: string, field: DoseField, max: number, problems: DoseFieldProblem[]): number | undefined {
  const trimmed = text.trim();
  const value = Number(trimmed);
  const problem: DoseFieldProblem | undefined =
    trimmed === ''
      ? { field, code: 'required' }
      : /^\d+[.,]\d+$/.test(trimmed)
        ? { field, code: 'notWhole' }
        : !/^\d+$/.test(trimmed)
          ? { field, code: 'notANumber' }
          : value < 1
            ? { field, code: 'notPositive' }
            : value > max
              ? { field, code: 'tooLarge', max }
              : undefined;
  return accept(value, problem, problems);
}

/** The form's field for a domain field path (`phases.0.mgPerDay` is the same in both). */
function formField(domainField: string): DoseField {
  if (domainField === 'finalMgPerDay') return 'mgPerKgPerDay';
  const phase = /^phases\.(\d+)\.(mgPerDay|days)$/.exec(domainField);
  if (phase !== null) return phase[2] === 'days' ? `phases.${Number(phase[1])}.days` : `phases.${Number(phase[1])}.mgPerDay`;
  const known: readonly DoseField[] = ['product', 'weightKg', 'mgPerKgPerDay', 'targetMgPerKg', 'startDate'];
  return known.find((field) => field === domainField) ?? 'product';
}

/**
 * The daily dose's findings, then the plan's that add something. The plan's final phase is the
 * daily dose itself, so a plan finding of the same code about that phase (or about the product as
 * a whole, without a phase) repeats a daily-dose finding and is left out; titration phases keep theirs.
 */
export function combinedWarnings(daily: readonly DoseWarning[], plan: readonly DoseWarning[], finalPhaseIndex: number): DoseWarning[] {
  const dailyCodes = new Set(daily.map((warning) => warning.code));
  const repeats = (warning: DoseWarning): boolean =>
    dailyCodes.has(warning.code) && (warning.phaseIndex === undefined || warning.phaseIndex === finalPhaseIndex);
  return [...daily, ...plan.filter((warning) => !repeats(warning))];
}

/**
 * Checks every field (all problems at once, never only the first), then asks the domain for the
 * daily dose (DOSE-NEAREST, DOSE-CAPSULES) and for the course plan to the target (DOSE-PLAN,
 * DOSE-END-DATE): the final phase runs at the calculated daily dose after any titration phases.
 */
export function calculateDose(values: DoseFormValues): DoseFormOutcome {
  const problems: DoseFieldProblem[] = [];
  const product = isProductId(values.product) ? values.product : undefined;
  if (product === undefined) problems.push({ field: 'product', code: 'unknownProduct' });
  const weightKg = readDecimal(values.weightKg, 'weightKg', MAX_WEIGHT_KG, problems);
  const mgPerKgPerDay = readDecimal(values.mgPerKgPerDay, 'mgPerKgPerDay', MAX_MG_PER_KG_PER_DAY, problems);
  const targetMgPerKg = TARGET_MG_PER_KG_OPTIONS.find((option) => String(option) === values.targetMgPerKg);
  if (targetMgPerKg === undefined) problems.push({ field: 'targetMgPerKg', code: 'required' });
  const startText = values.startDate.trim();
  const startDate = startText === '' ? undefined : tryParseDate(startText);
  if (startText !== '' && startDate === undefined) problems.push({ field: 'startDate', code: 'invalidDate' });

  const table = product === undefined ? undefined : buildCapsuleTable(getProduct(product).strengthsMg, DEFAULT_MAX_DAILY_MG);
  const phases = values.phases.map((phase, index) => {
    const mgField: DoseField = `phases.${index}.mgPerDay`;
    const mgPerDay = readWhole(phase.mgPerDay, mgField, DEFAULT_MAX_DAILY_MG, problems);
    const days = readWhole(phase.days, `phases.${index}.days`, MAX_PHASE_DAYS, problems);
    if (mgPerDay !== undefined && table !== undefined && capsuleCombination(table, mgPerDay) === undefined) {
      problems.push({
        field: mgField,
        code: 'notAchievable',
        requestedMg: mgPerDay,
        nearestMg: nearestAchievable(table, decimalFromInteger(mgPerDay)).mgPerDay,
      });
    }
    return mgPerDay === undefined || days === undefined ? undefined : { mgPerDay, days };
  });

  if (problems.length > 0 || product === undefined || weightKg === undefined || mgPerKgPerDay === undefined || targetMgPerKg === undefined) {
    return { ok: false, problems };
  }
  const fixedPhases = phases.filter((phase): phase is { mgPerDay: number; days: number } => phase !== undefined);
  try {
    const daily = computeDailyDose({ weightKg, mgPerKgPerDay, product });
    const plan = planCourse({
      weightKg,
      targetMgPerKg,
      product,
      phases: fixedPhases,
      finalMgPerDay: daily.mgPerDay,
      ...(startDate === undefined ? {} : { startDate }),
    });
    return { ok: true, calculation: { daily, plan, warnings: combinedWarnings(daily.warnings, plan.warnings, fixedPhases.length) } };
  } catch (error) {
    if (error instanceof DomainInputError) return { ok: false, problems: [{ field: formField(error.field), code: 'domain', message: error.message }] };
    throw error;
  }
}

/** Capsules for a day, grouped: [40, 20, 20] -> [{ strength: 40, count: 1 }, { strength: 20, count: 2 }]. */
export function groupCapsules(capsules: readonly number[]): { readonly strengthMg: number; readonly count: number }[] {
  const groups: { strengthMg: number; count: number }[] = [];
  for (const strengthMg of capsules) {
    const last = groups[groups.length - 1];
    if (last?.strengthMg === strengthMg) last.count += 1;
    else groups.push({ strengthMg, count: 1 });
  }
  return groups;
}
