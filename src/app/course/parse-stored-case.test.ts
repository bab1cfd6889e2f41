import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { programCaseSchema, programEventSchema, type ProgramCaseWire } from '../../contracts/program-case.js';
import { aUsCase, at, firstCourseEvents } from '../../domain/program/testing.js';
import { parseProgramCase, parseStoredProgramCase } from './parse-case.js';

/** JSON of a parsed case with every Temporal value tagged by its type: equal text = same values, same types, same key order. */
function normalized(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = key === '' ? v : this[key];
    if (raw instanceof Temporal.PlainDate) return { PlainDate: raw.toString() };
    if (raw instanceof Temporal.Instant) return { Instant: raw.toString() };
    if (raw === undefined) return { undefined: true };
    return v;
  });
}

/** What PostgreSQL's jsonb hands back: keys ordered by length, then bytes (never the schema's order). */
function asJsonb(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asJsonb);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, asJsonb(v)]));
}

const day = fc.integer({ min: 0, max: 4000 }).map((n) => Temporal.PlainDate.from('2020-01-01').add({ days: n }).toString());
const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
const offset = fc.constantFrom('Z', '+00:00', '-05:00', '-04:00', '+01:00', '+05:30', '+14:00', '-12:00');
/** Instants in every form the API accepts: with or without fraction (up to nanoseconds), Z or an offset. */
const instant = fc
  .tuple(day, two(23), two(59), two(59), fc.constantFrom('', '.5', '.123', '.000', '.123456', '.123456789'), offset)
  .map(([d, h, m, s, frac, off]) => `${d}T${h}:${m}:${s}${frac}${off}`);
const id = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const method = fc.constantFrom('iud_copper', 'implant', 'combined_oral_pill', 'male_latex_condom', 'other');
const riskBasis = fc.oneof(
  fc.constant({ kind: 'total_hysterectomy' }),
  fc.constant({ kind: 'hysterectomy' }),
  fc.integer({ min: 0, max: 40 }).map((n) => ({ kind: 'post_menopausal', consecutiveMonths: n })),
  fc.constant({ kind: 'pre_menarche' }),
  fc.string({ minLength: 1, maxLength: 8 }).map((d) => ({ kind: 'other', description: d })),
);
const risk = fc.record(
  { category: fc.constantFrom('can_get_pregnant', 'cannot_get_pregnant', 'unknown'), basis: fc.array(riskBasis, { maxLength: 2 }), confirmedBy: fc.constantFrom('prescriber', 'health_professional', 'patient_report'), confirmedOn: day },
  { requiredKeys: ['category'] },
);
const testFacts = {
  collectedAt: instant,
  specimen: fc.constantFrom('urine', 'serum'),
  loinc: opt(fc.constantFrom('2106-3', '21198-7')),
  setting: fc.constantFrom('clia_lab', 'medical_setting', 'home'),
  homeEvidence: opt(fc.record({ photoRef: opt(id), brand: opt(id), readAt: opt(instant), readBy: opt(id) })),
  sensitivityMiuPerMl: opt(fc.constantFrom(10, 20, 25)),
  result: fc.constantFrom('negative', 'positive', 'unknown', 'invalid'),
  purpose: fc.constantFrom('screening', 'confirmation', 'monthly', 'end_of_treatment', 'post_treatment'),
};

/** One arbitrary per programme event kind: every field, optional ones present or not. */
const EVENTS: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  enrollment: fc.record({ on: day, prescriberId: id, registryId: opt(id) }),
  prescriber_certified: fc.record({ on: day, prescriberId: id, until: opt(day) }),
  pharmacy_certified: fc.record({ on: day, pharmacyId: id, until: opt(day) }),
  pharmacy_activated: fc.record({ on: day, pharmacyId: id }),
  form_signed: fc.record({ on: day, form: fc.constantFrom('us_birth_defects_consent', 'eu_acknowledgement_form'), signedBy: fc.subarray(['patient', 'prescriber', 'guardian'], { minLength: 1 }) }),
  counselling: fc.record({ on: day, prescriberId: opt(id) }),
  contraception_started: fc.record({ on: day, method }),
  contraception_stopped: fc.record({ on: day, method }),
  abstinence_committed: fc.record({ on: day }),
  abstinence_ended: fc.record({ on: day }),
  contraception_exemption: fc.record({ on: day, reason: fc.string({ minLength: 1, maxLength: 6 }), agreedByPrescriber: fc.boolean(), agreedByPatient: fc.boolean() }),
  comprehension_questions: fc.record({ at: instant, items: fc.array(fc.record({ questionId: id, answer: fc.constantFrom('correct', 'incorrect', 'unanswered') }), { maxLength: 3 }) }),
  pregnancy_test: fc.record(testFacts),
  prescription: fc.record({ writtenOn: day, prescriberId: id, product: id, strengthMg: fc.integer({ min: 1, max: 40 }), quantity: fc.integer({ min: 1, max: 60 }), dailyMg: fc.integer({ min: 1, max: 80 }), refills: fc.integer({ min: 0, max: 2 }) }),
  authorization_issued: fc.record({ at: instant, prescriptionId: id, lastDayToCollect: day }),
  authorization_reversed: fc.record({ at: instant, authorizationId: id, reason: opt(fc.string({ maxLength: 6 })) }),
  dispense: fc.record({ at: instant, authorizationId: id, pharmacyId: id, quantity: fc.integer({ min: 1, max: 60 }), rmaNumber: opt(id), dndDate: opt(day), medicationGuideGiven: opt(fc.boolean()), pharmacistChecklistCompleted: opt(fc.boolean()) }),
  first_dose: fc.record({ on: day }),
  last_dose: fc.record({ on: day }),
  course_started: fc.record({ on: day }),
  course_stopped: fc.record({ on: day, reason: fc.constantFrom('completed', 'pregnancy', 'adverse_effect', 'patient_decision', 'other') }),
  requalified: fc.record({ at: instant, reason: fc.string({ minLength: 1, maxLength: 6 }) }),
  risk_category_changed: fc.record({ on: day, assessment: risk }),
  office_visit: fc.record({ on: day, prescriberId: opt(id) }),
  material_given: fc.record({ on: day, material: fc.constantFrom('medication_guide', 'reminder_card', 'patient_booklet') }),
  assessment: fc.record({ on: day, assessment: fc.constantFrom('mental_health', 'sexual_function'), setting: fc.constantFrom('in_person', 'remote') }),
  second_prescriber_agreement: fc.record({ on: day, prescriberId: id }),
};

/** Drops the keys fc.option left undefined: the stored JSON has no undefined. */
function defined(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

const event = fc.oneof(...Object.entries(EVENTS).map(([kind, arb]) => fc.tuple(id, arb).map(([eventId, fields]) => defined({ id: eventId, kind, ...fields }))));

function storedCase(events: unknown[], patient: unknown): ProgramCaseWire {
  const base = JSON.parse(JSON.stringify(aUsCase({ events: firstCourseEvents('2026-01-05', '2026-02-05'), action: { kind: 'finish_course', at: at('2026-03-01') } }))) as ProgramCaseWire;
  return { ...base, patient: patient as ProgramCaseWire['patient'], events: [...base.events, ...events] as ProgramCaseWire['events'] };
}

describe('the trusted parse of stored cases (the nightly)', () => {
  it('has an arbitrary for every programme event kind', () => {
    expect(Object.keys(EVENTS).sort()).toEqual(programEventSchema.options.map((o) => o.shape.kind.value).sort());
  });

  it('gives exactly the schema result on generated stored histories, in jsonb key order (property)', () => {
    const patient = fc.record({ id, birthDate: opt(day), risk }).map(defined);
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), patient, (events, p) => {
        // every generated event is one the schema accepts: what the API would have stored
        for (const e of events) expect(programEventSchema.safeParse(e).success).toBe(true);
        const wire = asJsonb(storedCase(events, p)) as ProgramCaseWire;
        const ours = parseStoredProgramCase(wire);
        const theirs = programCaseSchema.safeParse(wire);
        expect(theirs.success).toBe(true);
        expect(ours.success).toBe(true);
        if (!ours.success || !theirs.success) return;
        expect(normalized(ours.data)).toBe(normalized(theirs.data));
      }),
      { numRuns: 300 },
    );
  });

  it('sends a case of any other shape through the schema, with its issues', () => {
    const good = storedCase([], { id: 'p', risk: { category: 'unknown' } });
    const broken = [
      { ...good, events: [...good.events, { id: 'x', kind: 'no_such_event', on: '2026-01-01' }] },
      { ...good, events: [...good.events, { id: 'x', kind: 'first_dose', on: '2026-02-30' }] },
      { ...good, events: [...good.events, { id: 'x', kind: 'first_dose', on: '2026-02-01', misspelt: true }] },
      { ...good, events: [...good.events, { id: 'x', kind: 'dispense', at: 'yesterday', authorizationId: 'a', pharmacyId: 'p', quantity: 1 }] },
      { ...good, patient: { id: 'p', risk: { category: 'maybe' } } },
      { ...good, clinic: { ...good.clinic, timeZone: 'Mars/Olympus_Mons' } },
    ] as ProgramCaseWire[];
    for (const wire of broken) {
      const ours = parseStoredProgramCase(wire);
      expect(ours.success).toBe(false);
      const schema = parseProgramCase(wire);
      expect(ours).toEqual(schema);
    }
  });

  it('gives the schema result for an action other than finishing the course', () => {
    const wire = { ...storedCase([], { id: 'p', risk: { category: 'unknown' } }), action: { kind: 'enroll', at: '2026-03-01T10:00:00-05:00', prescriberId: 'dr-1' } } as ProgramCaseWire;
    const ours = parseStoredProgramCase(wire);
    const theirs = programCaseSchema.safeParse(wire);
    expect(ours.success && theirs.success).toBe(true);
    if (ours.success && theirs.success) expect(normalized(ours.data)).toBe(normalized(theirs.data));
  });
});
