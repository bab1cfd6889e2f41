import type { z } from 'zod';
import { programCaseSchema, programEventSchema, type ProgramCaseWire } from '../../contracts/program-case.js';

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
