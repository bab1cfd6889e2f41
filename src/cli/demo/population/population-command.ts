import { describeDatabase } from '../../config.js';
import type { CommandIo } from '../../json-command.js';
import { openMigrated, readConfig } from '../../serve.js';
import { POPULATION_USAGE } from './population-options.js';
import { generatePopulation, PopulationRefusedError, type PopulationSummary } from './generate.js';

export interface PopulationArgs {
  readonly courses: number;
  readonly seed: number;
  readonly today: string | undefined;
  readonly clinics: number | undefined;
  readonly append: boolean;
}

const MAX_COURSES = 100_000_000;

function wholeNumber(option: string, raw: string | undefined, min: number, max: number): number | string {
  if (raw === undefined || /^--[a-z]/.test(raw)) return `${option} needs a value`;
  const text = raw.replaceAll('_', '');
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) return `${option} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, got "${raw}"`;
  return Number(text);
}

function calendarDate(raw: string | undefined): string | undefined {
  if (raw === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const parsed = new Date(`${raw}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== raw ? undefined : raw;
}

/** `--courses N [--seed N] [--today YYYY-MM-DD] [--clinics N] [--append]`, each also as `--name=value`. */
export function parsePopulationArgs(args: readonly string[]): PopulationArgs | { error: string } {
  let courses: number | undefined;
  let seed = 1;
  let today: string | undefined;
  let clinics: number | undefined;
  let append = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? args[(i += 1)];
    switch (name) {
      case '--append':
        if (inline !== undefined) return { error: '--append takes no value' };
        append = true;
        break;
      case '--courses': {
        const n = wholeNumber('--courses', value(), 1, MAX_COURSES);
        if (typeof n === 'string') return { error: n };
        courses = n;
        break;
      }
      case '--seed': {
        const n = wholeNumber('--seed', value(), 0, 2 ** 32 - 1);
        if (typeof n === 'string') return { error: n };
        seed = n;
        break;
      }
      case '--clinics': {
        const n = wholeNumber('--clinics', value(), 1, 100_000);
        if (typeof n === 'string') return { error: n };
        clinics = n;
        break;
      }
      case '--today': {
        const raw = value();
        today = calendarDate(raw);
        if (today === undefined) return { error: `--today must be a calendar date YYYY-MM-DD, got "${raw ?? ''}"` };
        break;
      }
      case '--jurisdiction':
        return { error: '--jurisdiction is for the demo clinic; --courses generates clinics of every programme' };
      default:
        return { error: `unknown option "${arg}"` };
    }
  }
  if (courses === undefined) return { error: '--courses is required with --seed, --today, --clinics or --append' };
  if (clinics !== undefined && clinics > courses) return { error: `--clinics (${clinics}) must not exceed --courses (${courses})` };
  return { courses, seed, today, clinics, append };
}

/** A progress bar on a terminal; otherwise a plain line every 10 % (logs and CI stay readable). */
export function progressReporter(io: CommandIo, tty: boolean, started: number): (p: { done: number; total: number }) => void {
  let lastTenth = -1;
  return ({ done, total }) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    if (tty) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} courses, ${rate.toLocaleString('en-US')}/s${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      io.stderr(`isocourse demo: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} courses (${rate.toLocaleString('en-US')}/s)\n`);
    }
  };
}

function summaryText(where: string, s: PopulationSummary): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const status = Object.entries(s.coursesByStatus).map(([k, v]) => `${k} ${n(v)}`).join(', ');
  return [
    `Synthetic population in ${where} (seed ${s.seed}, histories before ${s.today}):`,
    `  ${n(s.clinics)} clinics, ${n(s.pharmacies)} pharmacies, ${n(s.users)} staff accounts (no password anyone knows)`,
    `  ${n(s.patients)} patients, ${n(s.courses)} courses: ${status}`,
    `  ${n(s.rows.course_event)} programme events, ${n(s.rows.prescription)} prescriptions, ${n(s.rows.authorization)} authorizations, ${n(s.rows.dispense)} dispenses, ${n(s.rows.task)} tasks`,
    `${n(s.courses)} courses in ${s.seconds.toFixed(1)} s: ${n(Math.round(s.courses / s.seconds))} courses/s`,
    '',
  ].join('\n');
}

/**
 * `isocourse demo --courses N`: a synthetic population for benchmarks and load tests, refused in
 * production mode and, unless `--append`, in a database that already holds a clinic.
 */
export async function population(args: readonly string[], io: CommandIo & { readonly stderrIsTty?: boolean }): Promise<number> {
  const parsed = parsePopulationArgs(args);
  if ('error' in parsed) {
    io.stderr(`isocourse demo: ${parsed.error}\nUsage: ${POPULATION_USAGE}\n`);
    return 2;
  }
  const config = readConfig(io);
  if (config === undefined) return 2;
  if (config.production) {
    io.stderr('isocourse demo: refused in production mode (NODE_ENV=production or ISOCOURSE_PRODUCTION=1): a synthetic population is test data\n');
    return 1;
  }
  // no statement timeout: a batch of thousands of courses is one long statement per table
  const handle = await openMigrated({ ...config, statementTimeoutMs: 0 }, io);
  if (handle === undefined) return 1;
  const where = describeDatabase(config.database);
  try {
    const started = performance.now();
    const summary = await generatePopulation(handle.db, {
      courses: parsed.courses,
      seed: parsed.seed,
      append: parsed.append,
      // PostgreSQL: the batches go by COPY on connections of their own
      ...(config.database.kind === 'postgres' ? { url: config.database.url } : {}),
      ...(parsed.today === undefined ? {} : { today: parsed.today }),
      ...(parsed.clinics === undefined ? {} : { clinics: parsed.clinics }),
      onProgress: progressReporter(io, io.stderrIsTty === true, started),
    });
    io.stdout(summaryText(where, summary));
    return 0;
  } catch (error) {
    if (error instanceof PopulationRefusedError) {
      io.stderr(`isocourse demo: ${where} already holds ${error.clinics} clinic(s); a synthetic population goes into an empty database, or add --append to add to it\n`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}
