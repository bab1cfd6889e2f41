import type { Kysely } from 'kysely';
import { databaseAnswers } from '../db/health.repository.js';
import type { Database } from '../db/schema.js';

export interface ReadinessDeps {
  readonly db: Kysely<Database>;
  /** False once shutdown has begun: a load balancer should stop sending traffic. */
  readonly accepting: () => boolean;
}

export type ReadinessResult = { readonly ready: true } | { readonly ready: false; readonly reason: 'database_down' | 'shutting_down' };

/** The service is ready when it accepts work and its database answers within 2 seconds. */
export async function checkReadiness(deps: ReadinessDeps): Promise<ReadinessResult> {
  if (!deps.accepting()) return { ready: false, reason: 'shutting_down' };
  return (await databaseAnswers(deps.db, 2000)) ? { ready: true } : { ready: false, reason: 'database_down' };
}
