// The nightly's engine alone (issue 7): reads N courses of an existing populated database as the
// nightly does (listNightlyCourses, listProgrammeEventsOfPatients, loadClinicFacts), then judges
// them in this thread with judgeBatch, R rounds, and reports the CPU per course of the judging
// only (process.cpuUsage of this thread, no database, no workers). For before/after comparisons
// of the engine and for `node --cpu-prof`.
// Run: npx tsx bench/nightly-engine.bench.ts --url postgres://.../db [--courses 5000] [--rounds 3] [--date 2026-12-01]
import { loadavg } from 'node:os';
import { option, numberOption } from './support/args.js';
import { openDatabase } from '../src/db/connect.js';
import { loadClinicFacts, type ClinicFacts } from '../src/db/clinic-settings.repository.js';
import { listNightlyCourses, listProgrammeEventsOfPatients } from '../src/db/nightly.repository.js';
import { judgeBatch, type NightlyBatchInput } from '../src/app/nightly/judge-batch.js';

const url = option('url', '');
if (url === '') throw new Error('--url of a populated database is required');
const courses = numberOption('courses', 5000);
const rounds = numberOption('rounds', 3);
const day = option('date', '2026-12-01');
const handle = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
const inputs: NightlyBatchInput[] = [];
try {
  const clinics = new Map<string, ClinicFacts | undefined>();
  let after: string | null = null;
  let read = 0;
  while (read < courses) {
    const rows = await listNightlyCourses(handle.db, { after, limit: Math.min(1000, courses - read), closedSince: new Date(Date.parse(`${day}T00:00:00Z`) - 100 * 86_400_000) });
    if (rows.length === 0) break;
    for (const id of new Set(rows.map((r) => r.clinicId))) if (!clinics.has(id)) clinics.set(id, await loadClinicFacts(handle.db, id));
    inputs.push({ rows, clinics: new Map(clinics), eventsJson: await listProgrammeEventsOfPatients(handle.db, rows.map((r) => r.patientId)), day: { requestedDate: day, asOf: new Date(`${day}T12:00:00Z`) } });
    read += rows.length;
    after = rows[rows.length - 1]?.courseId ?? null;
  }
} finally {
  await handle.close();
}
const n = inputs.reduce((s, i) => s + i.rows.length, 0);
for (let round = 1; round <= rounds; round += 1) {
  const before = process.cpuUsage();
  const t = performance.now();
  let schedules = 0;
  for (const input of inputs) schedules += judgeBatch(input).schedules.length;
  const cpu = process.cpuUsage(before);
  const ms = (cpu.user + cpu.system) / 1000;
  console.log(`round ${round}: ${n} courses judged (${schedules} schedules) in ${(performance.now() - t).toFixed(0)} ms wall, CPU ${(ms / n).toFixed(3)} ms per course; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}
