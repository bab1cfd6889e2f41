import { sql, type Kysely, type Transaction } from 'kysely';
import type { CourseStatus, Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface PatientRecord {
  readonly id: string;
  readonly clinicId: string;
  readonly displayName: string;
  readonly birthDate: string | null;
  readonly risk: unknown;
}

export interface CourseRecord {
  readonly id: string;
  readonly patientId: string;
  readonly clinicId: string;
  readonly sequence: number;
  readonly status: CourseStatus;
  readonly prescriberId: string | null;
  readonly product: string | null;
  readonly targetMgPerKg: number | null;
  readonly baselineWeightKg: string | null;
  readonly baseline: unknown;
  readonly interactionFindings: unknown;
  readonly stopReason: string | null;
}

/** What the programme engine reads of a stored event (its wire form and where it belongs). */
export type ProgrammeEventRecord = Pick<StoredEvent, 'eventKey' | 'courseId' | 'kind' | 'payload'>;

export interface StoredEvent {
  readonly eventKey: string;
  readonly courseId: string;
  readonly kind: string;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
  readonly recordedBy: string | null;
  readonly payload: unknown;
}

export async function insertPatient(
  db: Db,
  patient: { clinicId: string; displayName: string; birthDate: string | null; risk: unknown },
): Promise<string> {
  const row = await db
    .insertInto('patient')
    .values({ clinic_id: patient.clinicId, display_name: patient.displayName, birth_date: patient.birthDate, risk: JSON.stringify(patient.risk) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findPatient(db: Db, id: string): Promise<PatientRecord | undefined> {
  const row = await db.selectFrom('patient').select(['id', 'clinic_id', 'display_name', 'birth_date', 'risk']).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : { id: row.id, clinicId: row.clinic_id, displayName: row.display_name, birthDate: row.birth_date, risk: row.risk };
}

export async function updatePatientRisk(db: Db, id: string, risk: unknown): Promise<void> {
  await db.updateTable('patient').set({ risk: JSON.stringify(risk) }).where('id', '=', id).execute();
}

const courseColumns = [
  'id',
  'patient_id',
  'clinic_id',
  'sequence',
  'status',
  'prescriber_id',
  'product',
  'target_mg_per_kg',
  'baseline_weight_kg',
  'baseline',
  'interaction_findings',
  'stop_reason',
] as const;

type CourseRow = {
  id: string;
  patient_id: string;
  clinic_id: string;
  sequence: number;
  status: CourseStatus;
  prescriber_id: string | null;
  product: string | null;
  target_mg_per_kg: number | null;
  baseline_weight_kg: string | null;
  baseline: unknown;
  interaction_findings: unknown;
  stop_reason: string | null;
};

function toCourse(row: CourseRow): CourseRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    clinicId: row.clinic_id,
    sequence: row.sequence,
    status: row.status,
    prescriberId: row.prescriber_id,
    product: row.product,
    targetMgPerKg: row.target_mg_per_kg,
    baselineWeightKg: row.baseline_weight_kg,
    baseline: row.baseline,
    interactionFindings: row.interaction_findings,
    stopReason: row.stop_reason,
  };
}

export async function insertCourse(
  db: Db,
  course: {
    patientId: string;
    clinicId: string;
    prescriberId: string | null;
    product: string | null;
    targetMgPerKg: number | null;
    baselineWeightKg: number | null;
    baseline: unknown;
    interactionFindings: unknown;
  },
): Promise<CourseRecord> {
  const next = await db
    .selectFrom('course')
    .select(sql<number>`coalesce(max(sequence), 0) + 1`.as('n'))
    .where('patient_id', '=', course.patientId)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('course')
    .values({
      patient_id: course.patientId,
      clinic_id: course.clinicId,
      sequence: next.n,
      status: 'qualifying',
      prescriber_id: course.prescriberId,
      product: course.product,
      target_mg_per_kg: course.targetMgPerKg,
      baseline_weight_kg: course.baselineWeightKg,
      baseline: JSON.stringify(course.baseline),
      interaction_findings: JSON.stringify(course.interactionFindings),
    })
    .returning(courseColumns)
    .executeTakeFirstOrThrow();
  return toCourse(row);
}

export async function findCourse(db: Db, id: string, options: { lock?: boolean } = {}): Promise<CourseRecord | undefined> {
  let query = db.selectFrom('course').select(courseColumns).where('id', '=', id);
  if (options.lock === true) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toCourse(row);
}

/**
 * A course and its patient in one statement (every course use case starts here); with `lock`,
 * only the course row is locked, as `findCourse` does.
 */
export async function findCourseWithPatient(db: Db, id: string, options: { lock?: boolean } = {}): Promise<{ course: CourseRecord; patient: PatientRecord } | undefined> {
  let query = db
    .selectFrom('course')
    .innerJoin('patient', 'patient.id', 'course.patient_id')
    .select([
      'course.id',
      'course.patient_id',
      'course.clinic_id',
      'course.sequence',
      'course.status',
      'course.prescriber_id',
      'course.product',
      'course.target_mg_per_kg',
      'course.baseline_weight_kg',
      'course.baseline',
      'course.interaction_findings',
      'course.stop_reason',
      'patient.clinic_id as patient_clinic_id',
      'patient.display_name as patient_display_name',
      'patient.birth_date as patient_birth_date',
      'patient.risk as patient_risk',
    ])
    .where('course.id', '=', id);
  if (options.lock === true) query = query.forUpdate('course');
  const row = await query.executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    course: toCourse(row),
    patient: { id: row.patient_id, clinicId: row.patient_clinic_id, displayName: row.patient_display_name, birthDate: row.patient_birth_date, risk: row.patient_risk },
  };
}

export async function listPatientCourses(db: Db, patientId: string): Promise<CourseRecord[]> {
  const rows = await db.selectFrom('course').select(courseColumns).where('patient_id', '=', patientId).orderBy('sequence').execute();
  return rows.map(toCourse);
}

export async function setCourseStatus(db: Db, id: string, status: CourseStatus, stopReason: string | null, at: Date): Promise<void> {
  await db.updateTable('course').set({ status, stop_reason: stopReason, updated_at: at }).where('id', '=', id).execute();
}

export async function insertEvent(
  db: Db,
  event: {
    courseId: string;
    clinicId: string;
    patientId: string;
    eventKey: string;
    kind: string;
    occurredAt: Date;
    recordedAt: Date;
    recordedBy: string | null;
    onBehalfOf: string | null;
    payload: unknown;
  },
): Promise<void> {
  await db
    .insertInto('course_event')
    .values({
      course_id: event.courseId,
      clinic_id: event.clinicId,
      patient_id: event.patientId,
      event_key: event.eventKey,
      kind: event.kind,
      occurred_at: event.occurredAt,
      recorded_at: event.recordedAt,
      recorded_by: event.recordedBy,
      on_behalf_of: event.onBehalfOf,
      payload: JSON.stringify(event.payload),
    })
    .execute();
}

/** Every event of the patient's programme history (all courses), oldest first. */
export async function listPatientEvents(db: Db, patientId: string): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('course_event')
    .select(['event_key', 'course_id', 'kind', 'occurred_at', 'recorded_at', 'recorded_by', 'payload'])
    .where('patient_id', '=', patientId)
    .orderBy('occurred_at')
    .orderBy('recorded_at')
    .execute();
  return rows.map((r) => ({
    eventKey: r.event_key,
    courseId: r.course_id,
    kind: r.kind,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    payload: r.payload,
  }));
}

export async function insertDecision(
  db: Db,
  decision: { courseId: string; clinicId: string; action: string; decidedAt: Date; packId: string; outcome: 'allowed' | 'blocked'; decision: unknown; facts: unknown },
): Promise<string> {
  const row = await db
    .insertInto('program_decision')
    .values({
      course_id: decision.courseId,
      clinic_id: decision.clinicId,
      action: decision.action,
      decided_at: decision.decidedAt,
      pack_id: decision.packId,
      outcome: decision.outcome,
      decision: JSON.stringify(decision.decision),
      facts: JSON.stringify(decision.facts),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listCourseDecisions(db: Db, courseId: string, limit: number): Promise<Array<{ id: string; action: string; decidedAt: Date; outcome: string; decision: unknown }>> {
  const rows = await db
    .selectFrom('program_decision')
    .select(['id', 'action', 'decided_at', 'outcome', 'decision'])
    .where('course_id', '=', courseId)
    .orderBy('decided_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, action: r.action, decidedAt: r.decided_at, outcome: r.outcome, decision: r.decision }));
}

export async function insertTask(
  db: Db,
  task: { clinicId: string; patientId: string; courseId: string | null; kind: string; urgency: 'urgent' | 'soon' | 'routine'; text: string; createdAt: Date },
): Promise<void> {
  await db
    .insertInto('task')
    .values({ clinic_id: task.clinicId, patient_id: task.patientId, course_id: task.courseId, kind: task.kind, urgency: task.urgency, text: task.text, created_at: task.createdAt })
    .execute();
}
