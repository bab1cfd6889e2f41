import type { Kysely, Transaction } from 'kysely';
import type { ProgramCaseWire } from '../../contracts/program-case.js';
import type { ClinicFacts } from '../../db/clinic-settings.repository.js';
import type { PatientRecord, ProgrammeEventRecord } from '../../db/course.repository.js';
import { insertDecision } from '../../db/course.repository.js';
import type { Database } from '../../db/schema.js';
import { DomainInputError } from '../../domain/errors.js';
import { decideProgramCase, type Decision } from '../../domain/program/index.js';
import { AppError } from '../errors.js';
import { parseProgramCase } from './parse-case.js';

type Db = Kysely<Database> | Transaction<Database>;
type WireEvent = ProgramCaseWire['events'][number];
type WireAction = ProgramCaseWire['action'];

const SPECIALTIES = ['dermatologist', 'general_practitioner', 'other'] as const;
type Specialty = (typeof SPECIALTIES)[number];
function specialty(value: string | null): Specialty {
  return SPECIALTIES.find((s) => s === value) ?? 'other';
}

export interface PharmacyFacts {
  readonly id: string;
  readonly certifiedOn: string | null;
  readonly activatedOn: string | null;
}

/**
 * Certification and activation (US2) are facts about a prescriber or a pharmacy: the case takes
 * them from their records (synthesized below), never from events stored in a patient's history,
 * where a clinician could otherwise certify themself or a lapsed pharmacy.
 */
export const ADMINISTRATIVE_EVENT_KINDS: ReadonlySet<string> = new Set(['prescriber_certified', 'pharmacy_certified', 'pharmacy_activated']);

/**
 * The programme case as the engine reads it, assembled from the course record: the clinic's
 * zone, settings and prescribers (their certification as events), the patient's risk category,
 * every stored event of the patient's history and, for a dispense, the pharmacy's certification
 * and yearly activation. The stored events are already in the case's wire form.
 */
export function caseWire(
  clinic: ClinicFacts,
  patient: PatientRecord,
  events: readonly ProgrammeEventRecord[],
  action: WireAction,
  extra: { pharmacy?: PharmacyFacts; events?: readonly WireEvent[] } = {},
): ProgramCaseWire {
  const synthesized: WireEvent[] = [];
  for (const p of clinic.prescribers) {
    if (p.certifiedOn !== null) synthesized.push({ id: `certification-${p.id}`, kind: 'prescriber_certified', on: p.certifiedOn, prescriberId: p.id });
  }
  if (extra.pharmacy !== undefined) {
    const ph = extra.pharmacy;
    if (ph.certifiedOn !== null) synthesized.push({ id: `certification-${ph.id}`, kind: 'pharmacy_certified', on: ph.certifiedOn, pharmacyId: ph.id });
    if (ph.activatedOn !== null) synthesized.push({ id: `activation-${ph.id}`, kind: 'pharmacy_activated', on: ph.activatedOn, pharmacyId: ph.id });
  }
  return {
    jurisdiction: clinic.jurisdiction as ProgramCaseWire['jurisdiction'],
    clinic: {
      id: clinic.id,
      timeZone: clinic.timeZone,
      prescribers: clinic.prescribers.map((p) => ({ id: p.id, specialty: specialty(p.specialty) })),
      settings: (clinic.settings ?? {}),
    },
    patient: {
      id: patient.id,
      ...(patient.birthDate === null ? {} : { birthDate: patient.birthDate }),
      risk: patient.risk as ProgramCaseWire['patient']['risk'],
    },
    events: [...synthesized, ...events.filter((e) => !ADMINISTRATIVE_EVENT_KINDS.has(e.kind)).map((e) => e.payload as WireEvent), ...(extra.events ?? [])],
    action,
  };
}

/** Runs the engine on a case; input it cannot judge becomes an `invalid_input` error naming the field. */
export function decide(wire: ProgramCaseWire): Decision {
  // programCaseSchema, with the events parsed before reused (parse-case.ts)
  const parsed = parseProgramCase(wire);
  if (!parsed.success) {
    // the stored record or the request produced a case the engine's schema refuses
    const first = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new AppError('invalid_input', `The course record cannot be judged: ${first}`);
  }
  try {
    return decideProgramCase(parsed.data);
  } catch (error) {
    if (error instanceof DomainInputError) throw new AppError('invalid_input', error.message, { field: error.field, reason: error.code });
    throw error;
  }
}

/** Stores a decision with the facts it saw, so it can be replayed and explained later. */
export async function storeDecision(db: Db, courseId: string, clinicId: string, decidedAt: Date, wire: ProgramCaseWire, decision: Decision): Promise<string> {
  return insertDecision(db, {
    courseId,
    clinicId,
    action: decision.action.kind,
    decidedAt,
    packId: decision.pack.id,
    outcome: decision.outcome,
    decision,
    facts: wire,
  });
}
