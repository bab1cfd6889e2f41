import { addDays, daysBetween, formatDate, tryParseDate } from '../../../src/domain/calendar/index.js';
import { dosingDayDate } from '../../../src/domain/dosing/index.js';
import type { ClinicalFact } from './chart-data.js';

/** The cumulative mg taken by the end of a day. */
export interface DosePoint {
  readonly day: string;
  readonly totalMg: number;
}

/**
 * The running total of the doses taken, one point per day with a dose (missed doses never count,
 * DOSE-CUMULATIVE); doses are the facts of GET /api/courses/:courseId/doses.
 */
export function cumulativeSeries(doses: readonly ClinicalFact[]): DosePoint[] {
  const perDay = new Map<string, number>();
  for (const dose of doses) {
    if (dose.valueText !== 'taken' || dose.value === null) continue;
    const day = dose.effectiveOn ?? dose.occurredAt.slice(0, 10);
    perDay.set(day, (perDay.get(day) ?? 0) + dose.value);
  }
  let total = 0;
  return [...perDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, mg]) => {
      total += mg;
      return { day, totalMg: total };
    });
}

export interface Projection {
  /** The first day of the remaining doses. */
  readonly fromDay: string;
  /** The day of the last dose that reaches the target, at the current daily dose (DOSE-END-DATE). */
  readonly endDay: string;
  readonly daysLeft: number;
  readonly dailyMg: number;
}

/**
 * When the target is reached if the patient takes `dailyMg` every day from the day after the last
 * dose (or from `today` when none is logged yet): the remaining mg in whole days, laid on the
 * dosing calendar of the domain's dose planning. Undefined when nothing remains or no dose is known.
 */
export function projectEnd(input: { readonly remainingMg: number; readonly dailyMg: number | undefined; readonly lastDoseDate: string | null; readonly today: string }): Projection | undefined {
  const { remainingMg, dailyMg } = input;
  if (dailyMg === undefined || dailyMg <= 0 || remainingMg <= 0) return undefined;
  const last = input.lastDoseDate === null ? undefined : tryParseDate(input.lastDoseDate);
  const today = tryParseDate(input.today);
  if (today === undefined) return undefined;
  const afterLast = last === undefined ? today : addDays(last, 1);
  const from = daysBetween(afterLast, today) > 0 ? today : afterLast;
  const daysLeft = Math.ceil(remainingMg / dailyMg);
  return { fromDay: formatDate(from), endDay: formatDate(dosingDayDate(from, daysLeft).date), daysLeft, dailyMg };
}

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface ChartGeometry {
  /** SVG polyline points of the doses taken. */
  readonly taken: string;
  /** The projected line, from the last total to the target. */
  readonly projection: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number } | undefined;
  readonly targetY: number;
  readonly xStart: string;
  readonly xEnd: string;
  readonly yMax: number;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * Scales the series and the projection into the plot area: days along x (first dose to the
 * projected end), mg up y (0 to the larger of the target and the total), y growing downwards
 * as in SVG. Every coordinate stays inside the box.
 */
export function chartGeometry(series: readonly DosePoint[], projection: Projection | undefined, targetMg: number, box: ChartBox): ChartGeometry | undefined {
  const first = series[0]?.day ?? projection?.fromDay;
  if (first === undefined) return undefined;
  const start = tryParseDate(first);
  const lastSeries = series.at(-1);
  const endText = projection?.endDay ?? lastSeries?.day ?? first;
  const end = tryParseDate(endText);
  if (start === undefined || end === undefined) return undefined;
  const spanDays = Math.max(1, daysBetween(start, end));
  const yMax = Math.max(targetMg, lastSeries?.totalMg ?? 0, 1);
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const x = (day: string): number => {
    const d = tryParseDate(day);
    const offset = d === undefined ? 0 : Math.min(spanDays, Math.max(0, daysBetween(start, d)));
    return round(box.left + (offset / spanDays) * plotWidth);
  };
  const y = (mg: number): number => round(box.top + plotHeight - (Math.min(mg, yMax) / yMax) * plotHeight);
  const points = [{ day: first, totalMg: 0 }, ...series];
  const taken = points.map((p) => `${x(p.day)},${y(p.totalMg)}`).join(' ');
  const startTotal = lastSeries?.totalMg ?? 0;
  return {
    taken,
    projection: projection === undefined ? undefined : { x1: x(lastSeries?.day ?? projection.fromDay), y1: y(startTotal), x2: x(projection.endDay), y2: y(targetMg) },
    targetY: y(targetMg),
    xStart: first,
    xEnd: endText,
    yMax,
  };
}
