import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import { programCaseSchema, programEventSchema, riskAssessmentSchema, type ProgramCaseWire } from '../../contracts/program-case.js';

type ParsedCase = z.output<typeof programCaseSchema>;
type ParsedEvent = z.output<typeof programEventSchema>;
export type CaseParse = { readonly success: true; readonly data: ParsedCase } | { readonly success: false; readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }> };

/**
 * Parsed programme events by their JSON text. Every decision re-reads the patient's whole history,
 * and validating it (zod, dates into Temporal values) is as costly as the decision itself; but an
 * event is an append-only fact and its text is the key, so only identical content is ever reused.
 * Cached values are deeply frozen: a decision that tried to change one would fail, not leak.
 * Bounded (least recently used out), about 1 KB per entry.
 */
export const PARSED_EVENT_CACHE_SIZE = 20_000;
const cache = new Map<string, ParsedEvent>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function parsedEvent(wire: unknown): { ok: true; event: ParsedEvent } | { ok: false; error: z.ZodError } {
  const key = JSON.stringify(wire);
  const hit = cache.get(key);
  if (hit !== undefined) {
    // refresh its place: the oldest unused entries leave first
    cache.delete(key);
    cache.set(key, hit);
    return { ok: true, event: hit };
  }
  const parsed = programEventSchema.safeParse(wire);
  if (!parsed.success) return { ok: false, error: parsed.error };
  cache.set(key, deepFreeze(parsed.data));
  if (cache.size > PARSED_EVENT_CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return { ok: true, event: parsed.data };
}

/**
 * Parses a programme case exactly as `programCaseSchema` does (its parts are independent: the
 * events are an array of `programEventSchema`), reusing the events parsed before.
 */
export function parseProgramCase(wire: ProgramCaseWire): CaseParse {
  const envelope = programCaseSchema.safeParse({ ...wire, events: [] });
  const issues: Array<{ path: string; message: string }> = envelope.success ? [] : envelope.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const events: ParsedEvent[] = [];
  wire.events.forEach((event, index) => {
    const parsed = parsedEvent(event);
    if (parsed.ok) events.push(parsed.event);
    else issues.push(...parsed.error.issues.map((i) => ({ path: ['events', index, ...i.path].join('.'), message: i.message })));
  });
  if (!envelope.success || issues.length > 0) return { success: false, issues };
  return { success: true, data: { ...envelope.data, events } };
}

/** For tests: how many parsed events are held. */
export function parsedEventCacheSize(): number {
  return cache.size;
}

// ---------------------------------------------------------------------------------------------
// Trusted parse of STORED cases (the nightly recompute, docs/nightly.md). A stored event was
// validated by `programEventSchema` when it was written and the history is append-only, so the
// nightly turns it into the engine's types without validating it again: dates and instants into
// Temporal values, nothing else. The result is the schema's, key order included (property test:
// parse-case.test.ts). Anything of a shape the schema would not have written (an unknown kind or
// field, a malformed date) sends the whole case through the schema, which names the issue.
// ---------------------------------------------------------------------------------------------

type Parsed = Record<string, unknown>;
const FAIL = Symbol('untrusted');
type Conv = (value: unknown) => unknown;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// the forms `new Date().toISOString()` and the API write; others take the polyfill's parser
const ISO_INSTANT_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;
const DATE_CACHE_LIMIT = 50_000;
const dateCache = new Map<string, Temporal.PlainDate>();

function trustedDate(value: unknown): unknown {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return FAIL;
  // immutable values: one per day text is the same value as a new one each time
  const known = dateCache.get(value);
  if (known !== undefined) return known;
  let day: Temporal.PlainDate;
  try {
    day = Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    return FAIL;
  }
  if (dateCache.size >= DATE_CACHE_LIMIT) dateCache.clear();
  dateCache.set(value, day);
  return day;
}

function trustedInstant(value: unknown): unknown {
  if (typeof value !== 'string') return FAIL;
  if (ISO_INSTANT_MS.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return Temporal.Instant.fromEpochMilliseconds(ms);
  }
  try {
    return Temporal.Instant.from(value);
  } catch {
    return FAIL;
  }
}

/** An object of known fields in the schema's order; an unknown field fails (strict objects). */
function trustedObject(order: readonly string[], convs: Readonly<Record<string, Conv>>): Conv {
  const known = new Set(order);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return FAIL;
    const input = value as Parsed;
    for (const key in input) if (!known.has(key)) return FAIL;
    const out: Parsed = {};
    for (const key of order) {
      if (!(key in input)) continue;
      const raw = input[key];
      if (raw === undefined) continue;
      const conv = convs[key];
      const v = conv === undefined ? raw : conv(raw);
      if (v === FAIL) return FAIL;
      out[key] = v;
    }
    return out;
  };
}

function trustedArray(item: Conv): Conv {
  return (value) => {
    if (!Array.isArray(value)) return FAIL;
    const out: unknown[] = [];
    for (const v of value) {
      const c = item(v);
      if (c === FAIL) return FAIL;
      out.push(c);
    }
    return out;
  };
}

function shapeKeys(schema: unknown): string[] {
  return Object.keys((schema as { shape: Record<string, unknown> }).shape);
}

const riskSchema = riskAssessmentSchema;
const basisOrder = new Map(
  riskSchema.shape.basis.unwrap().element.options.map((o) => [o.shape.kind.value as string, shapeKeys(o)] as const),
);
const trustedBasis: Conv = (value) => {
  if (typeof value !== 'object' || value === null) return FAIL;
  const order = basisOrder.get(String((value as Parsed).kind));
  return order === undefined ? FAIL : trustedObject(order, {})(value);
};
const trustedRiskObject = trustedObject(shapeKeys(riskSchema), { basis: trustedArray(trustedBasis), confirmedOn: trustedDate });
const trustedRisk: Conv = (value) => {
  const out = trustedRiskObject(value);
  if (out === FAIL) return FAIL;
  const risk = out as Parsed;
  // `basis` has a default ([]): the schema's output always has it, after `category`
  return 'basis' in risk ? risk : { category: risk.category, basis: [], ...risk };
};

function optionShape(kind: string): Readonly<Record<string, unknown>> {
  const option = programEventSchema.options.find((o) => o.shape.kind.value === kind);
  if (option === undefined) throw new Error(`no programme event ${kind}`);
  return option.shape;
}
const homeEvidenceSchema = (optionShape('pregnancy_test').homeEvidence as z.ZodOptional<z.ZodObject>).unwrap();
const comprehensionItem = (optionShape('comprehension_questions').items as z.ZodArray<z.ZodObject>).element;
const FIELD_CONVS: Readonly<Record<string, Conv>> = {
  on: trustedDate,
  until: trustedDate,
  writtenOn: trustedDate,
  lastDayToCollect: trustedDate,
  dndDate: trustedDate,
  at: trustedInstant,
  collectedAt: trustedInstant,
  homeEvidence: trustedObject(shapeKeys(homeEvidenceSchema), { readAt: trustedInstant }),
  items: trustedArray(trustedObject(shapeKeys(comprehensionItem), {})),
};
const EVENT_CONVS: ReadonlyMap<string, Conv> = new Map(
  programEventSchema.options.map((o) => {
    const kind = o.shape.kind.value as string;
    const convs: Record<string, Conv> = { ...FIELD_CONVS };
    // `assessment` is a risk assessment in risk_category_changed, a word in assessment
    if (kind === 'risk_category_changed') convs.assessment = trustedRisk;
    return [kind, trustedObject(shapeKeys(o), convs)] as const;
  }),
);

/** One stored event in the engine's types, without validation; FAIL for a shape the schema never wrote. */
function trustedEvent(wire: unknown): unknown {
  if (typeof wire !== 'object' || wire === null) return FAIL;
  const conv = EVENT_CONVS.get(String((wire as Parsed).kind));
  return conv === undefined ? FAIL : conv(wire);
}

// The clinic part (zone check, settings' defaults) and the patient's risk repeat across courses:
// parsed by the schema once per distinct content, handed out frozen.
const ENVELOPE_CACHE_LIMIT = 2_000;
const clinicCache = new Map<string, Pick<ParsedCase, 'jurisdiction' | 'clinic'> | null>();
const riskCache = new Map<string, ParsedCase['patient']['risk'] | null>();
const PLACEHOLDER = { patient: { risk: { category: 'unknown' } }, events: [], action: { kind: 'finish_course', at: '2026-01-01T00:00:00Z' } } as const;

function bounded<V>(cache: Map<string, V>, key: string, make: () => V): V {
  if (cache.has(key)) return cache.get(key) as V;
  const value = make();
  if (cache.size >= ENVELOPE_CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

function storedClinic(wire: ProgramCaseWire): Pick<ParsedCase, 'jurisdiction' | 'clinic'> | null {
  return bounded(clinicCache, `${wire.jurisdiction}\u0000${JSON.stringify(wire.clinic)}`, () => {
    const parsed = programCaseSchema.safeParse({ jurisdiction: wire.jurisdiction, clinic: wire.clinic, ...PLACEHOLDER });
    return parsed.success ? deepFreeze({ jurisdiction: parsed.data.jurisdiction, clinic: parsed.data.clinic }) : null;
  });
}

function storedRisk(risk: unknown): ParsedCase['patient']['risk'] | null {
  return bounded(riskCache, JSON.stringify(risk), () => {
    const parsed = riskSchema.safeParse(risk);
    return parsed.success ? deepFreeze(parsed.data) : null;
  });
}

const PATIENT_KEYS: ReadonlySet<string> = new Set(shapeKeys(programCaseSchema.shape.patient));

function storedPatient(wire: ProgramCaseWire['patient']): ParsedCase['patient'] | undefined {
  for (const key in wire) if (!PATIENT_KEYS.has(key)) return undefined;
  const risk = storedRisk(wire.risk);
  if (risk === null) return undefined;
  const out: Parsed = {};
  if (wire.id !== undefined) {
    if (typeof wire.id !== 'string') return undefined;
    out.id = wire.id;
  }
  if (wire.birthDate !== undefined) {
    const birth = trustedDate(wire.birthDate);
    if (birth === FAIL) return undefined;
    out.birthDate = birth;
  }
  out.risk = risk;
  return out as ParsedCase['patient'];
}

/**
 * Parses a STORED programme case for the nightly recompute: the events without validation (they
 * were validated when written; append-only), the clinic and the patient's risk through the schema
 * once per distinct content. Same result as `parseProgramCase` for anything the schema accepts;
 * a case of any other shape goes through `parseProgramCase` and gets its issues.
 */
export function parseStoredProgramCase(wire: ProgramCaseWire): CaseParse {
  const clinic = storedClinic(wire);
  const patient = clinic === null ? undefined : storedPatient(wire.patient);
  const action = wire.action.kind === 'finish_course' && Object.keys(wire.action).length === 2 ? trustedInstant(wire.action.at) : FAIL;
  if (clinic === null || patient === undefined || action === FAIL || !Array.isArray(wire.events)) return parseProgramCase(wire);
  const events: ParsedEvent[] = [];
  for (const event of wire.events) {
    const parsed = trustedEvent(event);
    if (parsed === FAIL) return parseProgramCase(wire);
    events.push(parsed as ParsedEvent);
  }
  return { success: true, data: { jurisdiction: clinic.jurisdiction, clinic: clinic.clinic, patient, events, action: { kind: 'finish_course', at: action as Temporal.Instant } } };
}
