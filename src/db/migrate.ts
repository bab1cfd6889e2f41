import { Migrator, sql, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from './migrations/index.js';

export interface MigrationOutcome {
  readonly ok: boolean;
  readonly applied: readonly string[];
  readonly failed: string | undefined;
  readonly error: unknown;
}

/**
 * Migrates to the latest version. Never throws: returns what was applied and, on failure, which
 * migration failed and why (each migration runs in a transaction, so a failed one leaves nothing).
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrationOutcome> {
  if (await upToDate(db)) return { ok: true, applied: [], failed: undefined, error: undefined };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  const list: readonly MigrationResult[] = results ?? [];
  return {
    ok: error === undefined,
    applied: list.filter((r) => r.status === 'Success').map((r) => r.migrationName),
    failed: list.find((r) => r.status === 'Error')?.migrationName,
    error,
  };
}

/**
 * True when exactly the migrations of the static map are recorded as applied: one query, where
 * the migrator's own checks take several (every start of an existing database pays them, and on
 * the embedded engine they cost a visible part of the start-up). Anything else (a new database,
 * a migration missing or unknown) goes to the migrator, which applies or refuses as before.
 */
async function upToDate<DB>(db: Kysely<DB>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    const known = Object.keys(migrations);
    return applied.size === known.length && known.every((name) => applied.has(name));
  } catch {
    // no migration table yet
    return false;
  }
}
