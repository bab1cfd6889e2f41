// pg_stat_statements around one measured run: which statements a request costs, how many of each
// and how long they took in the server. Only where the extension is loaded (a private instance:
// `npx tsx bench/support/private-postgres.ts` starts one); elsewhere it reports that it is absent.
import pg from 'pg';

export interface StatementCost {
  readonly perRequest: number;
  readonly meanMs: number;
  /** Mean planning time (0 unless pg_stat_statements.track_planning is on). */
  readonly meanPlanMs: number;
  readonly query: string;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function statementsAvailable(adminUrl: string): Promise<boolean> {
  return withClient(adminUrl, async (c) => {
    try {
      await c.query('create extension if not exists pg_stat_statements');
      await c.query('select 1 from pg_stat_statements limit 1');
      return true;
    } catch {
      return false;
    }
  });
}

export async function resetStatements(adminUrl: string): Promise<void> {
  await withClient(adminUrl, async (c) => {
    await c.query('select pg_stat_statements_reset()');
  });
}

export async function statementCosts(adminUrl: string, database: string, requests: number): Promise<StatementCost[]> {
  return withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ calls: string; mean: number; plan: number; query: string }>(
      `select s.calls::text as calls, s.mean_exec_time as mean, s.mean_plan_time as plan, regexp_replace(s.query, '\\s+', ' ', 'g') as query
         from pg_stat_statements s join pg_database d on d.oid = s.dbid
        where d.datname = $1 order by s.calls desc, s.total_exec_time desc`,
      [database],
    );
    return rows.map((r) => ({ perRequest: Number(r.calls) / Math.max(1, requests), meanMs: r.mean, meanPlanMs: r.plan, query: r.query }));
  });
}
