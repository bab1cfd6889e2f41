import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { checkReadiness, type ReadinessResult } from './readiness.js';

/**
 * The use cases the edges (HTTP, CLI) may call, bound to their dependencies. The HTTP layer
 * sees only this interface, never the database.
 */
export interface AppServices {
  readiness(): Promise<ReadinessResult>;
}

export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly accepting: () => boolean;
}

export function createAppServices(deps: AppDeps): AppServices {
  return {
    readiness: () => checkReadiness(deps),
  };
}
