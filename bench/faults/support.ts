// Shared by the fault tests: a seeded world, a write load that keeps every acknowledged write,
// and the checks that no acknowledged write was lost and no record was half written.
import { sql, type Kysely } from 'kysely';
import { Agent } from 'node:http';
import { verifyAuditLog } from '../../src/db/audit.repository.js';
import type { Database } from '../../src/db/schema.js';
import { send, type Answer, type LoadRequest } from '../support/load.js';
import { sleep } from '../support/processes.js';
import { issueInProcess, seed, type IssuedAuthorization, type ReadyPrescription, type Seeded } from '../support/seed.js';

export interface FaultWorld {
  readonly seeded: Seeded;
  /** Open authorizations (issued in-process) that the load dispenses. */
  readonly dispensable: IssuedAuthorization[];
  /** Prescriptions without an authorization that the load issues one for. */
  readonly issuable: ReadyPrescription[];
  /** Courses the load records programme events in. */
  readonly eventCourses: ReadyPrescription[];
}

export async function seedFaultWorld(db: Kysely<Database>, options: { clinics: number; issuable: number; dispensable: number }): Promise<FaultWorld> {
  const seeded = await seed(db, { clinics: options.clinics, prescriptions: options.issuable + options.dispensable + 50, pharmacists: 4 });
  const dispensable = await issueInProcess(db, seeded, seeded.ready.slice(0, options.dispensable));
  const rest = seeded.ready.slice(options.dispensable);
  return { seeded, dispensable, issuable: rest.slice(50), eventCourses: rest.slice(0, 50) };
}

export type Operation = 'issue' | 'event' | 'dispense';

export interface AnswerRecord {
  readonly at: number;
  readonly op: Operation;
  readonly port: number;
  readonly status: number;
  readonly code: string | undefined;
}

export interface Acknowledged {
  readonly issued: string[];
  readonly events: string[];
  readonly dispenses: string[];
}

export interface WriteLoad {
  readonly answers: AnswerRecord[];
  readonly acknowledged: Acknowledged;
  stop(): Promise<void>;
}

const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/**
 * Issues authorizations, records programme events and dispenses, round robin, from `connections`
 * closed loops spread over `ports()` (read again on every request, so a restarted server on a new
 * port takes traffic). A refused connection backs off briefly instead of spinning.
 */
export function startWriteLoad(world: FaultWorld, ports: () => readonly number[], connections: number): WriteLoad {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const answers: AnswerRecord[] = [];
  const acknowledged: Acknowledged = { issued: [], events: [], dispenses: [] };
  let issueCursor = 0;
  let dispenseCursor = 0;
  let eventCursor = 0;
  let stopping = false;
  const day = today();

  const nextRequest = (op: Operation): LoadRequest | undefined => {
    switch (op) {
      case 'issue': {
        const p = world.issuable[issueCursor++];
        if (p === undefined) return undefined;
        const s = world.seeded.clinics[p.clinic]!.prescriber;
        return { method: 'POST', path: `/api/prescriptions/${p.prescriptionId}/authorizations`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } };
      }
      case 'event': {
        const c = world.eventCourses[eventCursor++ % world.eventCourses.length]!;
        const s = world.seeded.clinics[c.clinic]!.prescriber;
        return { method: 'POST', path: `/api/courses/${c.courseId}/events`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, body: JSON.stringify({ event: { kind: 'counselling', on: day } }) };
      }
      case 'dispense': {
        const a = world.dispensable[dispenseCursor++];
        if (a === undefined) return undefined;
        const s = world.seeded.pharmacists[dispenseCursor % world.seeded.pharmacists.length]!;
        const body = { quantity: a.quantity, medicationGuideGiven: true, rmaNumber: `RMA-${dispenseCursor}`, dndDate: a.lastDayToCollect };
        return { method: 'POST', path: `/api/authorizations/${a.id}/dispenses`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, body: JSON.stringify(body) };
      }
    }
  };

  const keep = (op: Operation, answer: Answer): void => {
    if (answer.status !== 201) return;
    const body = JSON.parse(answer.body) as { authorization?: { id: string }; eventId?: string; dispenseId?: string };
    if (op === 'issue' && body.authorization !== undefined) acknowledged.issued.push(body.authorization.id);
    if (op === 'event' && body.eventId !== undefined) acknowledged.events.push(body.eventId);
    if (op === 'dispense' && body.dispenseId !== undefined) acknowledged.dispenses.push(body.dispenseId);
  };

  const ops: readonly Operation[] = ['issue', 'event', 'dispense'];
  const loop = async (connection: number): Promise<void> => {
    for (let n = connection; !stopping; n += 1) {
      const op = ops[n % ops.length]!;
      const request = nextRequest(op);
      if (request === undefined) {
        await sleep(20);
        continue;
      }
      const live = ports();
      const port = live[connection % live.length]!;
      const answer = await send(agent, port, request);
      let code: string | undefined;
      if (answer.status >= 400) code = (JSON.parse(answer.body || '{}') as { code?: string }).code;
      answers.push({ at: performance.now(), op, port, status: answer.status, code });
      keep(op, answer);
      if (answer.status === 0) await sleep(50);
    }
  };
  const running = Promise.all(Array.from({ length: connections }, (_, i) => loop(i).catch(() => undefined)));
  return {
    answers,
    acknowledged,
    stop: async () => {
      stopping = true;
      await running;
      agent.destroy();
    },
  };
}

export function tallyStatuses(answers: readonly AnswerRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) {
    const key = a.status === 0 ? 'no answer' : `${a.status}${a.code === undefined ? '' : ` ${a.code}`}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

async function missing(db: Kysely<Database>, table: 'authorization' | 'dispense', ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: string }>`select id::text as id from ${sql.table(table)} where id = any(${sql.val(ids)}::uuid[])`.execute(db);
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

async function ids(db: Kysely<Database>, query: ReturnType<typeof sql<{ id: string }>>): Promise<string[]> {
  return (await query.execute(db)).rows.map((r) => r.id);
}

/**
 * Every acknowledged write is present, and nothing is half written: an authorization without its
 * event or audit entry, a dispense without its authorization update, event or audit entry, a
 * dispensed authorization without its dispense, or an audit chain that does not verify.
 * Returns the violations (empty when all hold) and what was checked.
 */
export async function checkInvariants(db: Kysely<Database>, acknowledged: Acknowledged): Promise<{ violations: string[]; counts: Record<string, number> }> {
  const violations: string[] = [];
  const report = (what: string, list: readonly string[]): void => {
    if (list.length > 0) violations.push(`${what}: ${list.length} (${list.slice(0, 3).join(', ')}${list.length > 3 ? ', ...' : ''})`);
  };
  report('acknowledged authorizations missing', await missing(db, 'authorization', acknowledged.issued));
  report('acknowledged dispenses missing', await missing(db, 'dispense', acknowledged.dispenses));
  if (acknowledged.events.length > 0) {
    const { rows } = await sql<{ key: string }>`select event_key as key from course_event where event_key = any(${sql.val(acknowledged.events)}::text[])`.execute(db);
    const found = new Set(rows.map((r) => r.key));
    report('acknowledged events missing', acknowledged.events.filter((e) => !found.has(e)));
    const audited = await sql<{ key: string }>`select resource_id as key from audit_log where resource_id = any(${sql.val(acknowledged.events)}::text[]) and action like 'record_%'`.execute(db);
    const auditedKeys = new Set(audited.rows.map((r) => r.key));
    report('acknowledged events without their audit entry', acknowledged.events.filter((e) => !auditedKeys.has(e)));
  }
  report(
    'authorizations without their authorization_issued event',
    await ids(db, sql<{ id: string }>`select a.id::text as id from "authorization" a where not exists (select 1 from course_event e where e.patient_id = a.patient_id and e.event_key = a.id::text and e.kind = 'authorization_issued')`),
  );
  report(
    'authorizations without their audit entry',
    await ids(db, sql<{ id: string }>`select a.id::text as id from "authorization" a where not exists (select 1 from audit_log l where l.resource_id = a.id::text and l.action = 'issue_authorization')`),
  );
  report(
    'dispenses whose authorization is not marked dispensed',
    await ids(db, sql<{ id: string }>`select d.id::text as id from dispense d join "authorization" a on a.id = d.authorization_id where a.status <> 'dispensed'`),
  );
  report(
    'dispensed authorizations without a dispense',
    await ids(db, sql<{ id: string }>`select a.id::text as id from "authorization" a where a.status = 'dispensed' and not exists (select 1 from dispense d where d.authorization_id = a.id)`),
  );
  report(
    'dispenses without their dispense event',
    await ids(db, sql<{ id: string }>`select d.id::text as id from dispense d where not exists (select 1 from course_event e where e.event_key = d.id::text and e.kind = 'dispense')`),
  );
  report(
    'dispenses without their audit entry',
    await ids(db, sql<{ id: string }>`select d.id::text as id from dispense d where not exists (select 1 from audit_log l where l.resource_id = d.id::text and l.action = 'dispense')`),
  );
  const audit = await verifyAuditLog(db);
  if (!audit.ok) violations.push(`audit chain does not verify: ${JSON.stringify(audit.problems.slice(0, 3))}`);
  const count = async (table: string): Promise<number> => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0);
  return {
    violations,
    counts: {
      'acknowledged authorizations': acknowledged.issued.length,
      'acknowledged events': acknowledged.events.length,
      'acknowledged dispenses': acknowledged.dispenses.length,
      'authorizations in the database': await count('authorization'),
      'dispenses in the database': await count('dispense'),
      'audit entries verified': audit.entries,
    },
  };
}

/** Prints the outcome and sets the exit code: 0 when every check held. */
export function verdict(name: string, failures: readonly string[], facts: Readonly<Record<string, unknown>>): number {
  console.log(`\n${name}`);
  for (const [k, v] of Object.entries(facts)) console.log(`  ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  if (failures.length === 0) {
    console.log('PASS');
    return 0;
  }
  for (const f of failures) console.log(`  FAIL ${f}`);
  console.log('FAIL');
  return 1;
}
