import { z } from 'zod';
import { date, tryParseDate, type LocalDate } from '../domain/calendar/index.js';
import {
  computeDailyDose,
  cumulativeDose,
  DEFAULT_MAX_DAILY_MG,
  DEFAULT_TARGET_MG_PER_KG,
  MAX_MG_PER_KG_PER_DAY,
  MAX_PHASE_DAYS,
  MAX_TARGET_MG_PER_KG,
  MAX_WEIGHT_KG,
  planCourse,
  PRODUCT_IDS,
  TARGET_MG_PER_KG_OPTIONS,
  type DoseWarning,
} from '../domain/dosing/index.js';
import { defineJsonCommand, keyValueTable, type JsonCommand } from './json-command.js';

/** The dose engine's commands: `dose`, `plan`, `cumulative` (rules DOSE-*, docs/rules/). */

// z.iso.date() documents the format in the generated schema; tryParseDate is the one the domain trusts
const isoDate = z.iso
  .date({ message: 'not a calendar date (YYYY-MM-DD)', abort: true })
  .refine((text) => tryParseDate(text) !== undefined, { message: 'not a calendar date (YYYY-MM-DD)' });
const weightKg = z.number().positive().max(MAX_WEIGHT_KG).describe('body weight in kg (decimals allowed, read exactly as written)');
const product = z.string().describe(`product id (DOSE-CATALOGUE): ${PRODUCT_IDS.join(', ')}`);
const dosesPerDay = z
  .union([z.literal(1), z.literal(2)])
  .optional()
  .describe('1 = once daily, 2 = two divided doses (default 2; DOSE-ONCE-DAILY)');
const maxDailyMg = z.int().positive().optional().describe(`upper bound of achievable daily totals in mg (default ${DEFAULT_MAX_DAILY_MG}; DOSE-CAPSULES)`);

const warning = z.object({
  code: z.string().describe('stable warning code'),
  ruleId: z.string().describe('rule id, see docs/rules/<ruleId>.md'),
  message: z.string(),
  phaseIndex: z.int().optional().describe('plan phase concerned; the final phase has index phases.length'),
  earliestDate: z.string().optional().describe('earliest date on which the finding no longer applies'),
});
type WarningOut = z.infer<typeof warning>;

/** Dates were validated by the schema, so parsing here cannot fail. */
function optionalDate(text: string | undefined): LocalDate | undefined {
  return text === undefined ? undefined : date(text);
}

function presentWarnings(warnings: readonly DoseWarning[]): WarningOut[] {
  return warnings.map((w) => ({
    code: w.code,
    ruleId: w.ruleId,
    message: w.message,
    ...(w.phaseIndex === undefined ? {} : { phaseIndex: w.phaseIndex }),
    ...(w.earliestDate === undefined ? {} : { earliestDate: w.earliestDate }),
  }));
}

function warningTable(warnings: readonly WarningOut[]): string {
  if (warnings.length === 0) return '\nwarnings: none';
  return `\nwarnings:\n${warnings.map((w) => `  - [${w.ruleId}] ${w.code}: ${w.message}`).join('\n')}`;
}

function capsuleText(capsules: readonly number[]): string {
  return capsules.length === 0 ? '-' : `${capsules.map((c) => `${c} mg`).join(' + ')} (${capsules.length} capsule${capsules.length === 1 ? '' : 's'})`;
}

const doseInput = z.object({
  weightKg,
  mgPerKgPerDay: z.number().positive().max(MAX_MG_PER_KG_PER_DAY).describe('prescribed dose in mg/kg/day'),
  product,
  dosesPerDay,
  maxDailyMg,
});
const doseOutput = z.object({
  product: z.string(),
  requestedMgPerDay: z.number().describe('weightKg x mgPerKgPerDay, before choosing an achievable total'),
  mgPerDay: z.int().describe('nearest achievable daily total (tie -> lower; DOSE-NEAREST)'),
  capsules: z.array(z.int()).describe('capsules for the whole day, fewest, larger first (DOSE-CAPSULES)'),
  actualMgPerKgPerDay: z.number().describe('mgPerDay / weightKg, rounded half-up to 2 decimals'),
  warnings: z.array(warning),
});

export const doseCommand = defineJsonCommand({
  name: 'dose',
  summary: 'Weight-based daily dose as an achievable capsule combination, with warnings',
  input: doseInput,
  output: doseOutput,
  run(input): z.infer<typeof doseOutput> {
    const result = computeDailyDose(input);
    return {
      product: result.product.id,
      requestedMgPerDay: result.requestedMgPerDay,
      mgPerDay: result.mgPerDay,
      capsules: [...result.capsules],
      actualMgPerKgPerDay: result.actualMgPerKgPerDay,
      warnings: presentWarnings(result.warnings),
    };
  },
  table(out) {
    return (
      keyValueTable([
        ['product', out.product],
        ['requested', `${out.requestedMgPerDay} mg/day`],
        ['daily dose', `${out.mgPerDay} mg/day (${out.actualMgPerKgPerDay} mg/kg/day)`],
        ['capsules', capsuleText(out.capsules)],
      ]) + warningTable(out.warnings)
    );
  },
});

const planInput = z.object({
  weightKg,
  targetMgPerKg: z
    .number()
    .positive()
    .max(MAX_TARGET_MG_PER_KG)
    .optional()
    .describe(`cumulative target in mg/kg (default ${DEFAULT_TARGET_MG_PER_KG}; documented options ${TARGET_MG_PER_KG_OPTIONS.join(', ')}; DOSE-TARGET)`),
  product,
  phases: z
    .array(
      z.object({
        mgPerDay: z.int().positive().describe('whole mg per day, achievable with the product strengths'),
        days: z.int().positive().max(MAX_PHASE_DAYS).describe('number of days of this phase'),
      }),
    )
    .default([])
    .describe('fixed phases in order (titration); each mgPerDay must be achievable with the product'),
  finalMgPerDay: z.int().positive().describe('dose of the final phase, which runs until the target is reached'),
  startDate: isoDate.optional().describe('first dosing day (YYYY-MM-DD); needed for endDate'),
  missedDates: z.array(isoDate).optional().describe('missed or paused days; each one inside the course pushes the end one day'),
  previousCourseLastDoseDate: isoDate.optional().describe('last dose of a previous course, for the retreatment gap (DOSE-RETREAT)'),
  dosesPerDay,
  maxDailyMg,
});
const planOutput = z.object({
  product: z.string(),
  targetMgPerKg: z.number(),
  targetMg: z.int().describe('ceil(weightKg x targetMgPerKg)'),
  totalDays: z.int(),
  finalCumulativeMg: z.int(),
  finalCumulativeMgPerKg: z.number(),
  phases: z.array(
    z.object({
      kind: z.enum(['fixed', 'final']),
      mgPerDay: z.int(),
      days: z.int(),
      capsules: z.array(z.int()),
      mgPerKgPerDay: z.number(),
      firstDay: z.int(),
      lastDay: z.int(),
      cumulativeMgAtEnd: z.int(),
    }),
  ),
  startDate: z.string().optional(),
  endDate: z.string().optional().describe('projected last dosing day, shifted by missed days (DOSE-END-DATE)'),
  peakDoseDate: z.string().optional().describe('first day at the highest daily dose (for LAB-SCHEDULE)'),
  countedMissedDates: z.array(z.string()).optional(),
  conventionalEquivalentCumulativeMg: z.number().optional().describe('Absorica LD only: raw / 0.8, an assumption [U]'),
  warnings: z.array(warning),
});

export const planCommand = defineJsonCommand({
  name: 'plan',
  summary: 'Course plan to a cumulative mg/kg target: phases, capsules, days, end date, warnings',
  input: planInput,
  output: planOutput,
  run(input): z.infer<typeof planOutput> {
    const plan = planCourse({
      ...input,
      startDate: optionalDate(input.startDate),
      missedDates: (input.missedDates ?? []).map(date),
      previousCourseLastDoseDate: optionalDate(input.previousCourseLastDoseDate),
    });
    return {
      product: plan.product.id,
      targetMgPerKg: plan.targetMgPerKg,
      targetMg: plan.targetMg,
      totalDays: plan.totalDays,
      finalCumulativeMg: plan.finalCumulativeMg,
      finalCumulativeMgPerKg: plan.finalCumulativeMgPerKg,
      phases: plan.phases.map((p) => ({ ...p, capsules: [...p.capsules] })),
      ...(plan.startDate === undefined ? {} : { startDate: plan.startDate }),
      ...(plan.endDate === undefined ? {} : { endDate: plan.endDate }),
      ...(plan.peakDoseDate === undefined ? {} : { peakDoseDate: plan.peakDoseDate }),
      ...(plan.countedMissedDates === undefined ? {} : { countedMissedDates: [...plan.countedMissedDates] }),
      ...(plan.conventionalEquivalentCumulativeMg === undefined ? {} : { conventionalEquivalentCumulativeMg: plan.conventionalEquivalentCumulativeMg }),
      warnings: presentWarnings(plan.warnings),
    };
  },
  table(out) {
    const summary = keyValueTable([
      ['product', out.product],
      ['target', `${out.targetMg} mg (${out.targetMgPerKg} mg/kg)`],
      ['total days', String(out.totalDays)],
      ['final cumulative', `${out.finalCumulativeMg} mg (${out.finalCumulativeMgPerKg} mg/kg)`],
      ...(out.conventionalEquivalentCumulativeMg === undefined
        ? []
        : [['conventional equiv.', `${out.conventionalEquivalentCumulativeMg} mg (assumption [U])`] as const]),
      ...(out.endDate === undefined ? [] : [['end date', out.endDate] as const]),
      ...(out.peakDoseDate === undefined ? [] : [['peak dose from', out.peakDoseDate] as const]),
    ]);
    const phases = out.phases.map(
      (p, i) => `  ${String(i).padStart(2)}  ${p.kind.padEnd(5)}  days ${String(p.firstDay).padStart(3)}-${String(p.lastDay).padEnd(3)}  ${String(p.mgPerDay).padStart(3)} mg/day  ${capsuleText(p.capsules)}`,
    );
    return `${summary}\nphases:\n${phases.join('\n')}${warningTable(out.warnings)}`;
  },
});

const cumulativeInput = z.object({
  weightKg: weightKg.describe('baseline weight in kg: the mg/kg basis unless rebaseOnWeightDate is given'),
  doses: z
    .array(
      z.object({
        date: isoDate,
        mg: z.int().nonnegative().describe('whole mg taken at this administration; 0 = not taken'),
        taken: z.boolean().optional().describe('false records a missed dose (never counted); default true'),
        doseIndex: z.int().positive().optional().describe('1 or 2 for two divided doses on one day (default 1)'),
      }),
    )
    .describe('doses actually taken; a missed day may simply be absent (DOSE-CUMULATIVE)'),
  weightHistory: z.array(z.object({ date: isoDate, weightKg })).optional(),
  rebaseOnWeightDate: isoDate.optional().describe('re-base mg/kg on the weight recorded on this date (explicit only)'),
  product: product.optional().describe('product id; Absorica LD adds a conventional-equivalent (DOSE-LD-EQUIVALENT)'),
  targetMgPerKg: z.number().positive().max(MAX_TARGET_MG_PER_KG).optional().describe('when given, remaining mg to this target'),
});
const cumulativeOutput = z.object({
  ruleId: z.string(),
  totalMg: z.int(),
  mgPerKg: z.number().describe('totalMg / basis weight, rounded half-up to 2 decimals'),
  basis: z.object({ kind: z.enum(['baseline', 'rebased']), weightKg: z.number(), date: z.string().optional() }),
  baselineWeightKg: z.number(),
  baselineMgPerKg: z.number(),
  dosesCounted: z.int(),
  daysWithDose: z.int(),
  missedEntries: z.int(),
  firstDoseDate: z.string().optional(),
  lastDoseDate: z.string().optional(),
  weightHistory: z.array(z.object({ date: z.string(), weightKg: z.number() })),
  target: z.object({ targetMgPerKg: z.number(), targetMg: z.int(), remainingMg: z.int(), reached: z.boolean() }).optional(),
  conventionalEquivalent: z
    .object({ ruleId: z.string(), label: z.string(), totalMg: z.number(), mgPerKg: z.number() })
    .optional(),
});

export const cumulativeCommand = defineJsonCommand({
  name: 'cumulative',
  summary: 'Cumulative dose actually taken, in mg and mg/kg, with weight history',
  input: cumulativeInput,
  output: cumulativeOutput,
  run(input): z.infer<typeof cumulativeOutput> {
    const result = cumulativeDose({
      ...input,
      doses: input.doses.map((d) => ({ ...d, date: date(d.date) })),
      weightHistory: (input.weightHistory ?? []).map((w) => ({ ...w, date: date(w.date) })),
      rebaseOnWeightDate: optionalDate(input.rebaseOnWeightDate),
    });
    return { ...result, basis: { ...result.basis }, weightHistory: result.weightHistory.map((w) => ({ ...w })), ...(result.target === undefined ? {} : { target: { ...result.target } }) };
  },
  table(out) {
    const basis = out.basis.kind === 'baseline' ? `baseline ${out.basis.weightKg} kg` : `re-based on ${out.basis.weightKg} kg (${out.basis.date ?? ''})`;
    return keyValueTable([
      ['total', `${out.totalMg} mg`],
      ['mg/kg', `${out.mgPerKg} (${basis})`],
      ...(out.basis.kind === 'rebased' ? [['mg/kg at baseline', String(out.baselineMgPerKg)] as const] : []),
      ['doses counted', `${out.dosesCounted} on ${out.daysWithDose} days (${out.missedEntries} missed entries not counted)`],
      ...(out.firstDoseDate === undefined ? [] : [['period', `${out.firstDoseDate} to ${out.lastDoseDate ?? ''}`] as const]),
      ...(out.target === undefined
        ? []
        : [['target', `${out.target.targetMg} mg (${out.target.targetMgPerKg} mg/kg): ${out.target.reached ? 'reached' : `${out.target.remainingMg} mg to go`}`] as const]),
      ...(out.conventionalEquivalent === undefined
        ? []
        : [['conventional equiv.', `${out.conventionalEquivalent.totalMg} mg, ${out.conventionalEquivalent.mgPerKg} mg/kg: ${out.conventionalEquivalent.label}`] as const]),
      ['weights', out.weightHistory.length === 0 ? '-' : out.weightHistory.map((w) => `${w.date} ${w.weightKg} kg`).join(', ')],
    ]);
  },
});

export const dosingCommands: readonly JsonCommand[] = [doseCommand, planCommand, cumulativeCommand];
