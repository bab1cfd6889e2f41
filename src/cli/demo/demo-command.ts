import { SandboxClock } from '../../app/sandbox/sandbox-clock.js';
import { createAppServices } from '../../app/services.js';
import { systemClock } from '../../app/ports.js';
import { findUserByEmail } from '../../db/user.repository.js';
import { anyClinicExists } from '../../db/clinic-admin.repository.js';
import { localDateOf, instant } from '../../domain/calendar/index.js';
import { describeDatabase } from '../config.js';
import type { CommandIo } from '../json-command.js';
import { openMigrated, readConfig } from '../serve.js';
import type { DemoContext } from './demo-context.js';
import { createClinicAndStaff, demoEmail, demoZone, type Jurisdiction } from './demo-people.js';
import { DemoPlan } from './demo-plan.js';
import { printDemo } from './demo-print.js';
import { europeanStories } from './demo-europe.js';
import { usStories } from './demo-us.js';
import { POPULATION_OPTIONS, POPULATION_USAGE } from './population/population-options.js';

const JURISDICTIONS: readonly Jurisdiction[] = ['US', 'EU', 'EU-FR', 'EU-IT', 'UK'];

/** `--jurisdiction X` or `--jurisdiction=X`; US by default. */
export function parseDemoArgs(args: readonly string[]): { jurisdiction: Jurisdiction } | { error: string } {
  let jurisdiction: Jurisdiction = 'US';
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const value = arg === '--jurisdiction' ? args[(i += 1)] : arg.startsWith('--jurisdiction=') ? arg.slice('--jurisdiction='.length) : undefined;
    if (value === undefined) return { error: arg === '--jurisdiction' ? '--jurisdiction needs a value' : `unknown option "${arg}"` };
    const found = JURISDICTIONS.find((j) => j === value.toUpperCase());
    if (found === undefined) return { error: `--jurisdiction must be one of ${JURISDICTIONS.join(', ')}, got "${value}"` };
    jurisdiction = found;
  }
  return { jurisdiction };
}

/**
 * `isocourse demo`: a realistic demo clinic built through the real use cases, with a course in
 * each state laid out in the weeks before today, and logins printed at the end. It goes into an
 * empty database only (its passwords are published) and never in production mode.
 */
export async function demo(args: readonly string[], io: CommandIo & { readonly stderrIsTty?: boolean }): Promise<number> {
  // any option of the synthetic population selects it (docs/benchmarks.md)
  if (args.some((a) => POPULATION_OPTIONS.some((o) => a === o || a.startsWith(`${o}=`)))) {
    return (await import('./population/population-command.js')).population(args, io);
  }
  const parsed = parseDemoArgs(args);
  if ('error' in parsed) {
    io.stderr(`isocourse demo: ${parsed.error}\nUsage: isocourse demo [--jurisdiction US|EU|EU-FR|EU-IT|UK]\n       ${POPULATION_USAGE}\n`);
    return 2;
  }
  const config = readConfig(io);
  if (config === undefined) return 2;
  if (config.production) {
    io.stderr('isocourse demo: refused in production mode (NODE_ENV=production or ISOCOURSE_PRODUCTION=1): the demo creates accounts whose password is published\n');
    return 1;
  }
  const handle = await openMigrated(config, io);
  if (handle === undefined) return 1;
  const where = describeDatabase(config.database);
  try {
    if ((await findUserByEmail(handle.db, demoEmail('admin'))) !== undefined) {
      io.stderr(`isocourse demo: ${where} already holds the demo clinic; sign in with the demo logins (README, "Try the demo"), or start over with an empty data directory (for example DATA_DIR=./demo-data)\n`);
      return 1;
    }
    if (await anyClinicExists(handle.db)) {
      io.stderr(`isocourse demo: ${where} already holds a clinic; the demo goes into an empty database only, because its passwords are public (use an empty DATA_DIR or a new PostgreSQL database)\n`);
      return 1;
    }
    const clock = new SandboxClock(systemClock);
    const zone = demoZone(parsed.jurisdiction);
    const realNow = systemClock.now();
    // the demo moves clinical time only; sign-ins and password expiry keep real time
    const services = createAppServices({ db: handle.db, accepting: () => true, sandbox: clock });
    const ctx: DemoContext = { services, clock, zone, realNow, today: localDateOf(instant(realNow.toISOString()), zone) };
    const staff = await createClinicAndStaff(ctx, handle.db, parsed.jurisdiction);
    const plan = new DemoPlan(ctx);
    const stories = parsed.jurisdiction === 'US' ? usStories(ctx, plan, staff) : europeanStories(ctx, plan, staff, parsed.jurisdiction);
    await plan.run();
    io.stdout(printDemo(parsed.jurisdiction, where, [...staff.logins, ...stories.logins], stories.courses));
    return 0;
  } finally {
    await handle.close();
  }
}
