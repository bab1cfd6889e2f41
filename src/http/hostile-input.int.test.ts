import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../db/audit.repository.js';
import { testEngine } from '../db/testing/test-database.js';
import { buildAccessWorld, type AccessWorld, type ActorRole, type Bundle } from './testing/access-world.js';
import { MAX_BODY_DEPTH } from './input-guard.js';
import { bodyText, mustRefuse, mutate, mutation, pathsOf } from './testing/hostile-values.js';
import type { HttpClient, HttpResponse } from './testing/http-client.js';
import { documentedOperations, type Operation } from './testing/openapi-operations.js';
import { buildRouteFixtures, plannedRequest, REQUESTS, type RouteFixtures } from './testing/route-requests.js';

/**
 * Issue 5: bad input on every endpoint gives a 4xx problem, never a 5xx (SEC-HOSTILE-INPUT).
 * Every route that takes a body is sent generated spoilt versions of a body that would succeed
 * (wrong types, missing and extra fields, huge strings, deep nesting, injection text, awkward
 * Unicode, numbers as strings, arrays for objects, impossible dates, unknown enum values), by
 * every signed-in role, so the payloads reach the deepest code each role can reach; malformed ids
 * go into every path parameter, and bad query strings onto every route. The routes are read
 * from the OpenAPI document, so a new route is fuzzed the day it is added.
 */
const RUNS_PER_ROUTE_AND_ROLE = 10;
const ROLES: ReadonlyArray<Exclude<ActorRole, 'signed_out'>> = ['prescriber', 'designee', 'clinic_admin', 'patient', 'pharmacist'];

/** A 4xx problem+json, or a success (a spoilt body can still be valid); never a 5xx. */
function verdict(r: HttpResponse, refuse: boolean): string | undefined {
  if (r.status >= 500) return `got ${r.status}`;
  if (refuse && r.status < 400) return `accepted with ${r.status} what must be refused`;
  if (r.status >= 400) {
    if (!r.contentType.startsWith('application/problem+json')) return `a ${r.status} that is not problem+json: ${r.contentType}`;
    const problem = r.json<{ status?: unknown; code?: unknown }>();
    if (problem.status !== r.status || typeof problem.code !== 'string') return `a ${r.status} problem without its status or code`;
  }
  return undefined;
}

const BAD_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '%00',
  '%ZZ',
  '%',
  // ('..' itself is resolved by the client's URL parser before it is sent: not a server input)
  '%2e%2e%2f%2e%2e%2f',
  encodeURIComponent("'; drop table patient; --"),
  encodeURIComponent('\uD83D\uDE00'),
  '%ED%A0%80',
  'a'.repeat(150),
  'a'.repeat(5000),
  '-1',
  '1e999',
  '%0A',
  'null',
  '%7B%7D',
];

const BAD_QUERIES = ['?limit=-1', '?limit=1e999', '?limit=abc', '?cursor=%00', '?cursor=%ZZ', '?status=nope&status=qualifying', '?a[b]=c', '?rebaseOn=2026-02-30', '?role=__proto__', `?filter=${'x'.repeat(5000)}`, '?takenOn=0000-01-01', '?__proto__[x]=1'];

describe(`hostile input never gets a 5xx, on ${testEngine()}`, () => {
  let world: AccessWorld;
  let operations: Operation[];
  let fixtures: RouteFixtures;
  /** Clinic A's settings as they were: a spoilt body that is still valid may change them. */
  let clinicSettings: Record<string, unknown>;
  beforeAll(async () => {
    world = await buildAccessWorld();
    operations = await documentedOperations(world.clients.signed_out);
    fixtures = await buildRouteFixtures(world);
    const clinic = (await world.clients.clinic_admin.get('/api/admin/clinic')).json<Record<string, unknown>>();
    clinicSettings = { name: clinic.name, jurisdiction: clinic.jurisdiction, timeZone: clinic.timeZone, settings: clinic.settings };
  }, 120_000);
  afterAll(async () => {
    await world.close();
  });

  /** A client and records for generated requests to one route, renewed once a request succeeds. */
  async function target(op: Operation, role: Exclude<ActorRole, 'signed_out'>) {
    const plan = REQUESTS[op.operationId] ?? {};
    let client: HttpClient = world.clients[role];
    let user = world.users[role];
    let bundle: Bundle = world.shared.own;
    const renew = async (): Promise<void> => {
      // a success may end the session, change the account or use up the records: start afresh
      if (plan.caller === 'fresh-session') client = await world.freshSession(role);
      if (plan.caller === 'fresh-actor') ({ user, client } = await world.freshActor(role));
      if (op.method !== 'GET' && plan.scoped !== false && role !== 'patient') bundle = await world.freshBundle('own');
      const restored = await world.clients.clinic_admin.request('PUT', '/api/admin/clinic', { body: clinicSettings });
      if (restored.status !== 200) throw new Error(`restoring clinic A's settings: ${restored.status} ${restored.text}`);
    };
    if (plan.caller !== undefined) await renew();
    return {
      renew,
      request: async () => plannedRequest(op, { world, fixtures, role, scope: 'own', bundle, client, user }),
      client: () => client,
    };
  }

  for (const role of ROLES) {
    it(`answers generated spoilt bodies on every route that takes one, sent by a ${role}, with a 4xx problem or a success, never a 5xx`, async () => {
      const failures: string[] = [];
      const seed = Date.now() % 2_147_483_647;
      for (const op of operations.filter((o) => o.method !== 'GET')) {
        const t = await target(op, role);
        const keys = fc.option(fc.constantFrom('', ' ', 'k'.repeat(201), 'clé', `k-${op.operationId}`), { nil: undefined });
        // fast-check generates; every answer is judged and every failure kept with its payload
        for (const [m, key] of fc.sample(fc.tuple(mutation(), keys), { numRuns: RUNS_PER_ROUTE_AND_ROLE, seed })) {
          const { url, options } = await t.request();
          const body = mutate(options.body, m);
          const headers = { 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }) };
          const r = await t.client().request(op.method, url, { rawBody: bodyText(body), headers });
          const wrong = verdict(r, mustRefuse(body));
          if (wrong !== undefined) failures.push(`${op.operationId} as ${role} (seed ${seed}), ${JSON.stringify(m).slice(0, 200)}: ${wrong} ${r.text.slice(0, 200)}`);
          if (r.status < 300) await t.renew();
        }
      }
      expect(failures).toEqual([]);
    }, 600_000);
  }

  it('puts each known troublemaker at every field of a valid body, by each role that writes, and never gets a 5xx', async () => {
    const failures: string[] = [];
    const troublemakers: unknown[] = ['a\u0000b', 'x\uD800', { deep: MAX_BODY_DEPTH + 1, open: '[' }, '0000-01-01', 1e308, -1, 'x'.repeat(100_000), ['nope'], { nope: true }];
    for (const role of ['prescriber', 'pharmacist', 'clinic_admin'] as const) {
      for (const op of operations.filter((o) => o.method !== 'GET' && o.hasBody)) {
        const t = await target(op, role);
        const fields = pathsOf((await t.request()).options.body).length;
        for (let at = 0; at < fields; at += 1) {
          for (const value of troublemakers) {
            const { url, options } = await t.request();
            const body = mutate(options.body, { kind: 'replace', at, value });
            const r = await t.client().request(op.method, url, { rawBody: bodyText(body), headers: { 'content-type': 'application/json' } });
            const wrong = verdict(r, mustRefuse(body));
            if (wrong !== undefined) failures.push(`${op.operationId} as ${role}, field ${at} = ${JSON.stringify(value).slice(0, 40)}: ${wrong} ${r.text.slice(0, 200)}`);
            if (r.status < 300) await t.renew();
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('refuses malformed bodies and other content types on every route that takes a body with a 4xx problem', async () => {
    const failures: string[] = [];
    const raws: Array<[string, string]> = [
      ['{"a":', 'application/json'],
      ['{"a":1}}', 'application/json'],
      ["{'a':1}", 'application/json'],
      ['', 'application/json'],
      ['\uFEFF{}', 'application/json'],
      ['{"__proto__":{"admin":true}}', 'application/json'],
      ['{"constructor":{"prototype":{"admin":true}}}', 'application/json'],
      ['{}', 'text/plain'],
      ['a=1&b=2', 'application/x-www-form-urlencoded'],
      ['--x\r\n\r\n--x--', 'multipart/form-data; boundary=x'],
      ['<a/>', 'application/xml'],
      ['{}', 'application/json; charset=utf-16'],
      ['\u0000', 'application/json'],
    ];
    for (const op of operations.filter((o) => o.method !== 'GET' && o.hasBody)) {
      const client = world.clients.prescriber;
      const { url } = await plannedRequest(op, { world, fixtures, role: 'prescriber', scope: 'own', bundle: world.shared.own, client, user: world.users.prescriber });
      for (const [text, type] of raws) {
        const r = await client.request(op.method, url, { rawBody: text, headers: { 'content-type': type } });
        const wrong = verdict(r, true);
        if (wrong !== undefined) failures.push(`${op.operationId} with ${JSON.stringify(text).slice(0, 40)} as ${type}: ${wrong}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('refuses bytes that are not the image they claim on every route that takes raw bytes', async () => {
    const failures: string[] = [];
    const jpegStart = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
    const cases: Array<[string, Buffer, string]> = [
      ['nothing', Buffer.alloc(0), 'image/jpeg'],
      ['two bytes', Buffer.from([0xff, 0xd8]), 'image/jpeg'],
      ['text', Buffer.from('<script>alert(1)</script>'), 'image/png'],
      ['a JPEG called a PNG', Buffer.concat([jpegStart, Buffer.alloc(100)]), 'image/png'],
      ['a JPEG over 4 MiB', Buffer.concat([jpegStart, Buffer.alloc(4 * 1024 * 1024)]), 'image/jpeg'],
      ['an image type not taken', Buffer.concat([jpegStart, Buffer.alloc(100)]), 'image/gif'],
    ];
    for (const op of operations.filter((o) => REQUESTS[o.operationId]?.raw !== undefined)) {
      for (const role of ROLES) {
        const client = world.clients[role];
        const { url } = await plannedRequest(op, { world, fixtures, role, scope: 'own', bundle: world.shared.own, client, user: world.users[role] });
        for (const [what, bytes, type] of cases) {
          const r = await client.request(op.method, url, { rawBody: bytes, headers: { 'content-type': type } });
          const wrong = verdict(r, true);
          if (wrong !== undefined) failures.push(`${op.operationId} with ${what} as ${role}: ${wrong} ${r.text.slice(0, 160)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers malformed ids in every path parameter with a 4xx problem', async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.pathParams.length > 0)) {
      for (const role of ['prescriber', 'pharmacist', 'clinic_admin', 'patient'] as const) {
        const c = { world, fixtures, role, scope: 'own' as const, bundle: world.shared.own, client: world.clients[role], user: world.users[role] };
        for (const param of op.pathParams) {
          for (const bad of BAD_IDS) {
            const { url, options } = await plannedRequest(op, c, { [param]: bad });
            const r = await c.client.request(op.method, url, options);
            // a well-formed id that names nothing is a 404; the others must never be accepted
            const wrong = verdict(r, !/^[0f]{8}-/.test(bad));
            if (wrong !== undefined) failures.push(`${op.operationId} ${url.slice(0, 120)} as ${role}: ${wrong} ${r.text.slice(0, 160)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers bad query strings on every route with a 4xx problem or a success, never a 5xx', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      for (const role of ROLES) {
        if (op.method !== 'GET') continue;
        const client = world.clients[role];
        const { url, options } = await plannedRequest(op, { world, fixtures, role, scope: 'own', bundle: world.shared.own, client, user: world.users[role] });
        for (const query of BAD_QUERIES) {
          const r = await client.request(op.method, `${url}${query}`, options);
          const wrong = verdict(r, false);
          if (wrong !== undefined) failures.push(`${op.operationId}${query.slice(0, 40)} as ${role}: ${wrong} ${r.text.slice(0, 160)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('still answers /readyz, and the audit chain is intact, after all of it', async () => {
    const ready = await world.clients.signed_out.get('/readyz');
    expect(ready.status).toBe(200);
    expect((await verifyAuditLog(world.server.database.db)).ok).toBe(true);
    expect(world.server.logText()).not.toContain('drop table patient');
  });
});
