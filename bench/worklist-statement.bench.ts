// The clinic worklist's list statement alone (issue 7, docs/benchmarks.md "Clinic worklist latency"):
// for the typical (median by open courses) and the largest clinic of a populated database, the
// first page without a filter and ten keyset batches of 100 under each engine-derived filter
// (WL-PREFILTER), each in its own transaction as the worklist runs it, with the name walk
// (`preferNameWalk`) or, with --no-walk, with the planner's own choice. Figures only.
//
// Run: npx tsx bench/worklist-statement.bench.ts --database postgres://.../db [--today YYYY-MM-DD] [--rounds 5] [--no-walk]
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/connect.js';
import { listClinicWorklist, preferNameWalk, type WorklistKey } from '../src/db/worklist.repository.js';
import { fmt } from './lib.js';
import { flag, numberOption, option } from './support/args.js';

const url = option('database', '');
if (url === '') throw new Error('--database URL is required (a populated database, e.g. kept by bench/worklist.bench.ts --keep)');
const today = option('today', new Date().toISOString().slice(0, 10));
const rounds = numberOption('rounds', 5);
const walk = !flag('no-walk');
const handle = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
try {
  const clinics = (
    await sql<{ clinic_id: string; n: string }>`select clinic_id, count(*)::text as n from course where status in ('qualifying', 'active', 'paused') group by clinic_id order by count(*), clinic_id`.execute(handle.db)
  ).rows;
  const picks = [clinics[Math.floor(clinics.length / 2)], clinics[clinics.length - 1]].flatMap((c) => (c === undefined ? [] : [c]));
  console.log(`list statement, ${walk ? 'name walk (preferNameWalk)' : "the planner's choice"}, today ${today}, ${String(rounds)} rounds, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const clinic of picks) {
    for (const filter of [undefined, 'blocked', 'due', 'overdue'] as const) {
      const times: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        const started = performance.now();
        let after: WorklistKey | undefined;
        for (let batch = 0; batch < (filter === undefined ? 1 : 10); batch += 1) {
          const rows = await handle.db.transaction().execute(async (trx) => {
            if (walk) await preferNameWalk(trx);
            return listClinicWorklist(trx, { clinicId: clinic.clinic_id, statuses: [], flaggedOnly: false, after, limit: filter === undefined ? 51 : 100, prefilter: filter === undefined ? undefined : { filter, today } });
          });
          after = rows[rows.length - 1]?.key;
          if (filter === undefined || rows.length < 100) break;
        }
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(
        `  clinic with ${fmt(Number(clinic.n))} open courses, ${filter === undefined ? 'first page (51 rows)' : `filter=${filter}, ten batches of 100`}: median ${fmt(times[Math.floor(times.length / 2)] ?? 0, 1)} ms, max ${fmt(times[times.length - 1] ?? 0, 1)} ms`,
      );
    }
  }
} finally {
  await handle.close();
}
