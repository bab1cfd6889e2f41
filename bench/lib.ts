// Small helpers shared by the benchmarks: timing loops, percentiles, and one result line format.
// Benchmarks print figures; they never pass or fail (docs/benchmarks.md keeps the results).
import { performance } from 'node:perf_hooks';

export interface Rate {
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/** Runs `fn` repeatedly for about `seconds` (after a warm-up) and returns the rate. */
export function measureRate(fn: () => void, seconds: number, warmupSeconds = 0.5): Rate {
  const warmEnd = performance.now() + warmupSeconds * 1000;
  while (performance.now() < warmEnd) fn();
  let operations = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 50; i += 1) fn();
    operations += 50;
  }
  const elapsed = (performance.now() - start) / 1000;
  return { operations, seconds: elapsed, perSecond: operations / elapsed };
}

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[index] ?? Number.NaN;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function report(title: string, rows: ReadonlyArray<readonly [string, string]>): void {
  const width = rows.reduce((m, [k]) => Math.max(m, k.length), 0);
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}
