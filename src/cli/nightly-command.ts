import { availableParallelism } from 'node:os';
import { runNightly } from '../app/nightly/run-nightly.js';
import { AppError } from '../app/errors.js';
import { systemClock } from '../app/ports.js';
import { tryParseDate } from '../domain/calendar/index.js';
import type { CommandIo } from './json-command.js';
import { openMigrated, readConfig } from './serve.js';

/** Exit codes of `isocourse nightly` (docs/nightly.md). */
export const NIGHTLY_EXIT = { done: 0, failed: 1, usage: 2, alreadyRunning: 75 } as const;

const USAGE = 'Usage: isocourse nightly [--date YYYY-MM-DD] [--workers N] [--full]\n';
/** Worker threads by default: one per core, at most 4 (the database needs CPU too). */
export const DEFAULT_WORKERS = Math.min(4, availableParallelism());

export function parseNightlyArgs(args: readonly string[]): { date: string | undefined; workers: number; full?: true } | { error: string } {
  let date: string | undefined;
  let workers = DEFAULT_WORKERS;
  let full = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--full') {
      full = true;
      continue;
    }
    const name = arg.startsWith('--date') ? '--date' : arg.startsWith('--workers') ? '--workers' : undefined;
    if (name === undefined || (arg !== name && !arg.startsWith(`${name}=`))) return { error: `unknown option "${arg}"` };
    const value = arg === name ? args[(i += 1)] : arg.slice(name.length + 1);
    if (name === '--date') {
      if (value === undefined) return { error: '--date needs a value YYYY-MM-DD' };
      if (tryParseDate(value)?.toString() !== value) return { error: `--date must be a calendar date YYYY-MM-DD, got "${value}"` };
      date = value;
    } else {
      if (value === undefined || !/^\d{1,2}$/.test(value)) return { error: '--workers needs a number of worker threads, 0 to 99 (0: the engine runs in the main thread)' };
      workers = Number(value);
    }
  }
  return full ? { date, workers, full } : { date, workers };
}

/**
 * `isocourse nightly [--date YYYY-MM-DD]`: recomputes every judged course's schedule and reminders
 * (docs/nightly.md) and prints one summary line. Without --date each course is judged for today
 * in its programme zone; only the courses without a fresh row for their day are judged
 * (NIGHTLY-VALID-THROUGH), every one with --full (the weekly safety net); --workers N runs the engine in N worker threads (default: one per core, at most 4). Exit 0 done; 1 failed (a rerun resumes after the last written batch);
 * 2 usage or configuration; 75 another run is in progress (EX_TEMPFAIL: try again later).
 */
export async function nightly(args: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parseNightlyArgs(args);
  if ('error' in parsed) {
    io.stderr(`isocourse nightly: ${parsed.error}\n${USAGE}`);
    return NIGHTLY_EXIT.usage;
  }
  const config = readConfig(io);
  if (config === undefined) return NIGHTLY_EXIT.usage;
  const handle = await openMigrated(config, io);
  if (handle === undefined) return NIGHTLY_EXIT.failed;
  try {
    const result = await runNightly(handle.db, { date: parsed.date, clock: systemClock, workers: parsed.workers, full: parsed.full === true });
    if (result.kind === 'refused') {
      io.stderr('isocourse nightly: another nightly run is in progress; nothing was done\n');
      return NIGHTLY_EXIT.alreadyRunning;
    }
    const day = result.requestedDate ?? `today in each programme zone at ${result.asOf.toISOString()}`;
    io.stdout(
      `isocourse nightly: ${day}: ${result.coursesJudged} courses judged (${result.problems} could not be judged), ` +
        `reminders ${result.remindersCreated} created, ${result.remindersUpdated} updated, ${result.remindersRetired} retired, ` +
        `${result.seconds.toFixed(1)} s${parsed.full === true ? ', full' : ''}${result.resumed ? ' (resumed an interrupted run)' : ''}\n`,
    );
    return NIGHTLY_EXIT.done;
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input') {
      io.stderr(`isocourse nightly: ${error.message}\n${USAGE}`);
      return NIGHTLY_EXIT.usage;
    }
    io.stderr(`isocourse nightly: the run failed (${error instanceof Error ? error.message : String(error)}); what was written stays consistent and the next run resumes after the last written batch\n`);
    return NIGHTLY_EXIT.failed;
  } finally {
    await handle.close();
  }
}
