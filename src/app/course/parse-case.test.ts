import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programCaseSchema, type ProgramCaseWire } from '../../contracts/program-case.js';
import { decideProgramCase } from '../../domain/program/index.js';
import { aUsCase, at, authorization, dispenseEvent, firstCourseEvents, issueAuthorization, prescription, pregnancyTest, questions } from '../../domain/program/testing.js';
import { parseProgramCase, parsedEventCacheSize, PARSED_EVENT_CACHE_SIZE } from './parse-case.js';

/** A full first course and a second month, in the wire form the course record stores. */
function wireCase(): ProgramCaseWire {
  const events = [
    ...firstCourseEvents('2026-01-05', '2026-02-05'),
    authorization('rx-2026-02-05', at('2026-02-05', '15:00'), '2026-02-11'),
    dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '12:00')),
    pregnancyTest('2026-03-05', { purpose: 'monthly' }),
    questions('2026-03-05'),
    prescription('2026-03-05'),
  ];
  return JSON.parse(JSON.stringify(aUsCase({ events, action: issueAuthorization('rx-2026-03-05', at('2026-03-05', '16:00')) }))) as ProgramCaseWire;
}

function schemaParse(wire: ProgramCaseWire) {
  return programCaseSchema.safeParse(wire);
}

/** The decision, or the input error the engine raised: both must agree. */
function outcome(parsed: Parameters<typeof decideProgramCase>[0]): unknown {
  try {
    return decideProgramCase(parsed);
  } catch (error) {
    return { threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

describe('parsing a programme case with the events parsed before', () => {
  it('gives the same case, and the same decision, as the programme case schema', () => {
    const wire = wireCase();
    const ours = parseProgramCase(wire);
    const theirs = schemaParse(wire);
    expect(ours.success && theirs.success).toBe(true);
    if (!ours.success || !theirs.success) return;
    expect(JSON.stringify(ours.data)).toBe(JSON.stringify(theirs.data));
    expect(decideProgramCase(ours.data)).toEqual(decideProgramCase(theirs.data));
    // a second parse reads the cached events and still agrees
    const again = parseProgramCase(wire);
    expect(again.success && JSON.stringify(again.data)).toBe(JSON.stringify(theirs.data));
  });

  it('agrees with the schema on any selection and order of the events (property)', () => {
    const all = wireCase();
    fc.assert(
      fc.property(fc.shuffledSubarray(all.events), (events) => {
        const wire = { ...all, events };
        const ours = parseProgramCase(wire);
        const theirs = schemaParse(wire);
        expect(ours.success).toBe(theirs.success);
        if (ours.success && theirs.success) {
          expect(JSON.stringify(ours.data)).toBe(JSON.stringify(theirs.data));
          expect(outcome(ours.data)).toEqual(outcome(theirs.data));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('names every invalid field with its path in the case, as the schema does', () => {
    const wire = wireCase();
    const broken = {
      ...wire,
      clinic: { ...wire.clinic, timeZone: 'Mars/Olympus_Mons' },
      events: wire.events.map((e, i) => (i === 3 ? { ...e, on: '2026-02-30' } : i === 5 ? { ...e, kind: 'no_such_event' } : e)),
    } as ProgramCaseWire;
    const ours = parseProgramCase(broken);
    const theirs = schemaParse(broken);
    expect(ours.success).toBe(false);
    expect(theirs.success).toBe(false);
    if (ours.success || theirs.success) return;
    const ourPaths = ours.issues.map((i) => i.path).sort();
    const theirPaths = theirs.error.issues.map((i) => i.path.join('.')).sort();
    expect(ourPaths).toEqual(theirPaths);
    expect(ourPaths).toEqual(expect.arrayContaining(['clinic.timeZone', 'events.3.on']));
  });

  it('hands out parsed events frozen, so no decision can change what another one reads', () => {
    const parsed = parseProgramCase(wireCase());
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const event = parsed.data.events[0];
    expect(Object.isFrozen(event)).toBe(true);
    expect(() => {
      (event as { id: string }).id = 'changed';
    }).toThrow(TypeError);
  });

  it('keeps at most its bound of parsed events', () => {
    const wire = wireCase();
    const extra = Array.from({ length: 300 }, (_, i) => ({ id: `counselling-${i}`, kind: 'counselling', on: '2026-01-05' }));
    const before = parsedEventCacheSize();
    parseProgramCase({ ...wire, events: [...wire.events, ...extra] } as ProgramCaseWire);
    expect(parsedEventCacheSize()).toBeGreaterThan(before);
    expect(parsedEventCacheSize()).toBeLessThanOrEqual(PARSED_EVENT_CACHE_SIZE);
  });
});
