import { fileURLToPath } from 'node:url';
import { openDatabase, type DatabaseHandle } from '../db/connect.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { migrateToLatest } from '../db/migrate.js';
import { buildServer } from '../http/server.js';
import { ConfigError, describeDatabase, loadConfig, type AppConfig } from './config.js';
import type { CommandIo } from './json-command.js';
import { packageVersion } from './version.js';
import { createAppServices } from '../app/services.js';
import { SandboxClock } from '../app/sandbox/sandbox-clock.js';

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** One line on stderr for the operator; never a stack trace for an expected failure. */
function fail(io: CommandIo, message: string): number {
  io.stderr(`isocourse: ${message}\n`);
  return 1;
}

export function readConfig(io: CommandIo): AppConfig | undefined {
  try {
    return loadConfig(process.env, process.cwd());
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`isocourse: invalid configuration: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

/** Opens and migrates the configured database, or explains in one line why it cannot. */
export async function openMigrated(config: AppConfig, io: CommandIo): Promise<DatabaseHandle | undefined> {
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase(config.database);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      fail(io, error.message);
      return undefined;
    }
    fail(io, `cannot open the database (${describeDatabase(config.database)}): ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const outcome = await migrateToLatest(handle.db);
  if (!outcome.ok) {
    await handle.close();
    const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    fail(io, `migration ${outcome.failed ?? '(unknown)'} failed, nothing of it was applied: ${reason}`);
    return undefined;
  }
  return withStatementTimeout(config, handle);
}

/**
 * Migrations run without the statement timeout (an index on a large table may take minutes); the
 * pool that serves requests has it. A pool opens its connections lazily, so the swap is cheap.
 */
async function withStatementTimeout(config: AppConfig, migrated: DatabaseHandle): Promise<DatabaseHandle> {
  if (config.database.kind !== 'postgres' || config.statementTimeoutMs === 0) return migrated;
  await migrated.close();
  return openDatabase({ ...config.database, statementTimeoutMs: config.statementTimeoutMs });
}

/**
 * Starts the server: validate configuration, open and migrate the database, listen. On SIGTERM
 * or SIGINT: stop accepting (new requests get 503, /readyz turns 503), let in-flight requests
 * finish (up to SHUTDOWN_GRACE_SECONDS), close the database and release the data-directory lock.
 */
export async function serve(io: CommandIo): Promise<number> {
  const config = readConfig(io);
  if (config === undefined) return 2;
  const handle = await openMigrated(config, io);
  if (handle === undefined) return 1;
  let accepting = true;
  const sandbox = config.sandbox ? new SandboxClock() : undefined;
  const app = await buildServer(
    { app: createAppServices({ db: handle.db, accepting: () => accepting, ...(sandbox === undefined ? {} : { sandbox }) }), version: packageVersion() },
    { logLevel: config.logLevel, webRoot: WEB_ROOT, rateLimitPerMinute: config.rateLimitPerMinute, requestTimeoutMs: config.requestTimeoutMs },
  );
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await handle.close();
    return fail(io, `cannot listen on ${config.host}:${config.port}: ${error instanceof Error ? error.message : String(error)}`);
  }
  app.log.info({ database: describeDatabase(config.database), engine: handle.engine }, 'isocourse started');
  if (sandbox !== undefined) app.log.warn({ sandbox: true }, 'SANDBOX MODE: the clinical clock can be moved (POST /api/sandbox/clock); for training only, never for real patients');

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      accepting = false;
      app.log.info({ signal }, 'shutting down: finishing in-flight requests');
      const grace = setTimeout(() => {
        app.log.warn('grace period over: closing remaining connections');
        app.server.closeAllConnections();
      }, config.shutdownGraceSeconds * 1000);
      grace.unref();
      app
        .close()
        .then(() => handle.close())
        .then(() => {
          clearTimeout(grace);
          app.log.info('stopped');
          resolve(0);
        })
        .catch((error: unknown) => {
          app.log.error({ err: error }, 'error while shutting down');
          resolve(1);
        });
    };
    process.once('SIGTERM', () => {
      stop('SIGTERM');
    });
    process.once('SIGINT', () => {
      stop('SIGINT');
    });
  });
}

export async function migrate(io: CommandIo): Promise<number> {
  const config = readConfig(io);
  if (config === undefined) return 2;
  const handle = await openMigrated(config, io);
  if (handle === undefined) return 1;
  await handle.close();
  io.stdout(`database is up to date (${describeDatabase(config.database)})\n`);
  return 0;
}
