import { z } from 'zod';
import type { ClinicalFact } from './chart-data.js';

/** The parts of a lab fact's engine result the chart shows (CTCAE grade, flags, suggested actions). */
const labResultSchema = z.object({
  grade: z.number().int().nullable().optional(),
  analyte: z.string().optional(),
  criterion: z.string().optional(),
  ruleIds: z.array(z.string()).optional(),
  actions: z.array(z.object({ code: z.string(), message: z.string(), ruleId: z.string() })).optional(),
});

export type Trend = 'first' | 'up' | 'down' | 'same';

export interface LabReading {
  readonly id: string;
  readonly at: string;
  readonly value: number | null;
  readonly valueText: string | null;
  readonly unit: string | null;
  readonly upperLimit: number | null;
  readonly grade: number | null;
  readonly criterion: string | undefined;
  readonly ruleIds: readonly string[];
  readonly actions: readonly string[];
}

export interface LabSeries {
  readonly code: string;
  readonly display: string;
  /** Oldest first. */
  readonly readings: readonly LabReading[];
  /** The latest reading against the one before it. */
  readonly trend: Trend;
}

function reading(fact: ClinicalFact): LabReading {
  const parsed = labResultSchema.safeParse(fact.result);
  const result = parsed.success ? parsed.data : {};
  return {
    id: fact.id,
    at: fact.occurredAt,
    value: fact.value,
    valueText: fact.valueText,
    unit: fact.unit,
    upperLimit: fact.referenceRangeHigh,
    grade: result.grade ?? null,
    criterion: result.criterion,
    ruleIds: result.ruleIds ?? [],
    actions: (result.actions ?? []).map((a) => a.message),
  };
}

/** Rising, falling or unchanged, comparing the two latest numeric values. */
export function trendOf(readings: readonly { readonly value: number | null }[]): Trend {
  const values = readings.map((r) => r.value).filter((v): v is number => v !== null);
  const last = values.at(-1);
  const previous = values.at(-2);
  if (last === undefined || previous === undefined) return 'first';
  if (last > previous) return 'up';
  if (last < previous) return 'down';
  return 'same';
}

/**
 * Lab results grouped per analyte (LOINC code), each group oldest first with its trend; the
 * groups with the highest latest CTCAE grade come first, then by name.
 */
export function labSeries(facts: readonly ClinicalFact[]): LabSeries[] {
  const groups = new Map<string, { display: string; facts: ClinicalFact[] }>();
  for (const fact of facts) {
    const group = groups.get(fact.code.code) ?? { display: fact.code.display, facts: [] };
    group.facts.push(fact);
    groups.set(fact.code.code, group);
  }
  const series = [...groups.entries()].map(([code, group]): LabSeries => {
    const readings = [...group.facts].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)).map(reading);
    return { code, display: group.display, readings, trend: trendOf(readings) };
  });
  const latestGrade = (s: LabSeries): number => s.readings.at(-1)?.grade ?? -1;
  return series.sort((a, b) => latestGrade(b) - latestGrade(a) || a.display.localeCompare(b.display));
}

const phq9ResultSchema = z.object({
  band: z.string().optional(),
  items: z.array(z.object({ number: z.number().int(), score: z.number().int().nullable() })).optional(),
  rise: z.looseObject({}).nullable().optional(),
});

export interface Phq9Row {
  readonly id: string;
  readonly at: string;
  readonly total: number | null;
  readonly complete: boolean;
  readonly band: string | undefined;
  /** Item 9 (thoughts of self-harm) answered above 0: always a red flag, whatever the total. */
  readonly item9: number | null;
  readonly alert: ClinicalFact['alert'];
}

/** PHQ-9 responses, newest first, with total, band and item 9. */
export function phq9Rows(facts: readonly ClinicalFact[]): Phq9Row[] {
  return [...facts]
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
    .map((fact) => {
      const parsed = phq9ResultSchema.safeParse(fact.result);
      const result = parsed.success ? parsed.data : {};
      const item9 = result.items?.find((i) => i.number === 9)?.score ?? null;
      return { id: fact.id, at: fact.occurredAt, total: fact.value, complete: fact.valueText === 'complete', band: result.band, item9, alert: fact.alert };
    });
}

/** Facts that made an urgent or soon task (the chart's red flags), most urgent and newest first. */
export function flaggedFacts(facts: readonly ClinicalFact[]): ClinicalFact[] {
  const rank = (f: ClinicalFact): number => (f.alert === 'urgent' ? 0 : f.alert === 'soon' ? 1 : 2);
  return facts.filter((f) => f.alert === 'urgent' || f.alert === 'soon').sort((a, b) => rank(a) - rank(b) || b.occurredAt.localeCompare(a.occurredAt));
}
