import { Migrator, type Kysely, type MigrationResult } from 'kysely';
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
