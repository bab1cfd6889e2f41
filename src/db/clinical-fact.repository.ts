import type { Kysely, Transaction } from 'kysely';
import type { ClinicalFactKind, Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A coding as FHIR reads it: system URI, code, display. */
export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display: string;
}

export interface NewClinicalFact {
  readonly courseId: string;
  readonly clinicId: string;
  readonly patientId: string;
  readonly kind: ClinicalFactKind;
  readonly occurredAt: Date;
  readonly effectiveOn: string | null;
  readonly dedupeKey: string | null;
  readonly code: Coding;
  readonly valueNumeric: number | null;
  readonly valueText: string | null;
  readonly unit: string | null;
  readonly referenceHigh: number | null;
  readonly codings: readonly Coding[];
  readonly data: unknown;
  readonly result: unknown;
  readonly alert: 'urgent' | 'soon' | 'routine' | null;
  readonly visibleToPatient: boolean;
  readonly programEventKey: string | null;
  readonly recordedAt: Date;
  readonly recordedBy: string;
  readonly recordedRole: string;
  readonly onBehalfOf: string | null;
}

export interface ClinicalFactRecord extends Omit<NewClinicalFact, 'valueNumeric' | 'referenceHigh'> {
  readonly id: string;
  /** numeric columns stay exact decimal text */
  readonly valueNumeric: string | null;
  readonly referenceHigh: string | null;
}

const columns = [
  'id',
  'course_id',
  'clinic_id',
  'patient_id',
  'kind',
  'occurred_at',
  'effective_on',
  'dedupe_key',
  'code_system',
  'code',
  'display',
  'value_numeric',
  'value_text',
  'unit',
  'reference_high',
  'codings',
  'data',
  'result',
  'alert',
  'visible_to_patient',
  'program_event_key',
  'recorded_at',
  'recorded_by',
  'recorded_role',
  'on_behalf_of',
] as const;

interface FactRow {
  id: string;
  course_id: string;
  clinic_id: string;
  patient_id: string;
  kind: ClinicalFactKind;
  occurred_at: Date;
  effective_on: string | null;
  dedupe_key: string | null;
  code_system: string;
  code: string;
  display: string;
  value_numeric: string | null;
  value_text: string | null;
  unit: string | null;
  reference_high: string | null;
  codings: unknown;
  data: unknown;
  result: unknown;
  alert: 'urgent' | 'soon' | 'routine' | null;
  visible_to_patient: boolean;
  program_event_key: string | null;
  recorded_at: Date;
  recorded_by: string;
  recorded_role: string;
  on_behalf_of: string | null;
}

function toRecord(row: FactRow): ClinicalFactRecord {
  return {
    id: row.id,
    courseId: row.course_id,
    clinicId: row.clinic_id,
    patientId: row.patient_id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    effectiveOn: row.effective_on,
    dedupeKey: row.dedupe_key,
    code: { system: row.code_system, code: row.code, display: row.display },
    valueNumeric: row.value_numeric,
    valueText: row.value_text,
    unit: row.unit,
    referenceHigh: row.reference_high,
    codings: row.codings as Coding[],
    data: row.data,
    result: row.result,
    alert: row.alert,
    visibleToPatient: row.visible_to_patient,
    programEventKey: row.program_event_key,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    recordedRole: row.recorded_role,
    onBehalfOf: row.on_behalf_of,
  };
}

/** Appends a fact; a second dose or weight with the same dedupe key is a unique violation (23505). */
export async function insertClinicalFact(db: Db, fact: NewClinicalFact): Promise<ClinicalFactRecord> {
  const row = await db
    .insertInto('clinical_fact')
    .values({
      course_id: fact.courseId,
      clinic_id: fact.clinicId,
      patient_id: fact.patientId,
      kind: fact.kind,
      occurred_at: fact.occurredAt,
      effective_on: fact.effectiveOn,
      dedupe_key: fact.dedupeKey,
      code_system: fact.code.system,
      code: fact.code.code,
      display: fact.code.display,
      value_numeric: fact.valueNumeric,
      value_text: fact.valueText,
      unit: fact.unit,
      reference_high: fact.referenceHigh,
      codings: JSON.stringify(fact.codings),
      data: JSON.stringify(fact.data),
      result: fact.result === null || fact.result === undefined ? null : JSON.stringify(fact.result),
      alert: fact.alert,
      visible_to_patient: fact.visibleToPatient,
      program_event_key: fact.programEventKey,
      recorded_at: fact.recordedAt,
      recorded_by: fact.recordedBy,
      recorded_role: fact.recordedRole,
      on_behalf_of: fact.onBehalfOf,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

/** Whether a dose or weight with this dedupe key is already in the course. */
export async function hasDedupeKey(db: Db, courseId: string, dedupeKey: string): Promise<boolean> {
  const row = await db.selectFrom('clinical_fact').select('id').where('course_id', '=', courseId).where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  return row !== undefined;
}

/** Facts of one kind in a course, in the order they happened (then recorded). */
export async function listClinicalFacts(db: Db, courseId: string, kind: ClinicalFactKind, options: { patientVisibleOnly?: boolean } = {}): Promise<ClinicalFactRecord[]> {
  let query = db.selectFrom('clinical_fact').select(columns).where('course_id', '=', courseId).where('kind', '=', kind);
  if (options.patientVisibleOnly === true) query = query.where('visible_to_patient', '=', true);
  // the dedupe key orders the two doses of one day (dose:DAY#1 before dose:DAY#2)
  const rows = await query.orderBy('occurred_at').orderBy('recorded_at').orderBy('dedupe_key').orderBy('id').execute();
  return rows.map(toRecord);
}

/**
 * The earliest fact of a kind and code in a course that happened no later than `before` and has
 * a numeric value (a complete PHQ-9 total, an IGA grade): the baseline later ones are compared with.
 */
export async function findBaselineFact(db: Db, courseId: string, kind: ClinicalFactKind, code: string, before: Date): Promise<ClinicalFactRecord | undefined> {
  const row = await db
    .selectFrom('clinical_fact')
    .select(columns)
    .where('course_id', '=', courseId)
    .where('kind', '=', kind)
    .where('code', '=', code)
    .where('value_numeric', 'is not', null)
    .where('occurred_at', '<=', before)
    .orderBy('occurred_at')
    .orderBy('recorded_at')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}
