import type { CommandIo } from './json-command.js';

/** Commands that touch the database or start the server (not pure). */
export interface ServerCommand {
  readonly name: string;
  readonly summary: string;
  run(args: readonly string[], io: CommandIo): Promise<number>;
}

// loaded lazily so that engine commands start without loading the server and database code
export const serverCommands: readonly ServerCommand[] = [
  {
    name: 'serve',
    summary: 'start the server and the web app (PORT, HOST, DATA_DIR or DATABASE_URL, LOG_LEVEL)',
    run: async (_args, io) => (await import('./serve.js')).serve(io),
  },
  {
    name: 'migrate',
    summary: 'bring the database schema up to date and exit',
    run: async (_args, io) => (await import('./serve.js')).migrate(io),
  },
  {
    name: 'bootstrap',
    summary: 'create a clinic and its first administrator from JSON on stdin',
    run: async (_args, io) => (await import('./admin-commands.js')).bootstrap(io),
  },
  {
    name: 'demo',
    summary: 'create a demo clinic (a course in each state) in an empty database and print its logins (--jurisdiction US|EU|EU-FR|EU-IT|UK); --courses N [--seed N] [--today YYYY-MM-DD] [--clinics N] [--append] generates a synthetic population instead',
    run: async (args, io) => (await import('./demo/demo-command.js')).demo(args, io),
  },
  {
    name: 'nightly',
    summary: 'recompute every course\'s due dates and reminders for today in each programme zone, or --date YYYY-MM-DD; --workers N engine threads; exit 75 when a run is in progress',
    run: async (args, io) => (await import('./nightly-command.js')).nightly(args, io),
  },
  {
    name: 'audit verify',
    summary: 'recompute the hash chains of the audit log; exit 1 if any entry was altered or removed',
    run: async (_args, io) => (await import('./admin-commands.js')).auditVerify(io),
  },
];
