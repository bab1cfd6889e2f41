import type { Transaction } from 'kysely';
import { appendAudit } from '../../db/audit.repository.js';
import { insertClinicalFact, type ClinicalFactRecord, type NewClinicalFact } from '../../db/clinical-fact.repository.js';
import { insertTask } from '../../db/course.repository.js';
import type { Database, Role } from '../../db/schema.js';
import { DomainInputError } from '../../domain/errors.js';
import { actingPrescriber, CLINICAL_ROLES, requireRole, type Principal } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { auditOf, dayIn, isUniqueViolation, loadCourseFacts, type Actor, type CourseDeps, type CourseFacts } from '../course/course-context.js';
import { mostUrgent, type TaskSpec } from './clinical-tasks.js';

/**
 * CLIN-SCOPE: who records and reads the clinical facts of a course. Staff of the course's clinic
 * (prescribers and designees) record everything; a patient records their own doses, PHQ-9,
 * symptoms and photos, only in their own courses; clinic administrators and the patient read;
 * pharmacists see none of it (403), staff of another clinic find no such course (404), another
 * patient is refused (403).
 */
export const CLINICAL_SCOPE_RULE_ID = 'CLIN-SCOPE';
export const STAFF_WRITERS: readonly Role[] = CLINICAL_ROLES;
export const PATIENT_OR_STAFF_WRITERS: readonly Role[] = ['prescriber', 'designee', 'patient'];
export const FACT_READERS: readonly Role[] = ['prescriber', 'designee', 'clinic_admin', 'patient'];

/** Instants may run this far ahead of the server clock (a phone's clock), never more. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface FactScope {
  readonly trx: Transaction<Database>;
  readonly actor: Actor;
  readonly facts: CourseFacts;
  readonly now: Date;
  readonly onBehalfOf: string | null;
  /** Today in the clinic's zone (YYYY-MM-DD). */
  readonly today: string;
}

/** A 400 problem naming one field by its JSON pointer, like schema failures do. */
export function fieldError(pointer: string, detail: string, reason = 'invalid_field'): AppError {
  return new AppError('invalid_input', `${pointer.slice(1).replaceAll('/', '.')}: ${detail}`, { reason, errors: [{ pointer, detail }] });
}

/** An engine's input error as a 400 naming the request field (`pointers` renames engine fields). */
export function domainFieldError(error: DomainInputError, pointers: Readonly<Record<string, string>> = {}): AppError {
  const pointer = pointers[error.field] ?? `/${error.field.replaceAll('.', '/')}`;
  return fieldError(pointer, error.message, error.code);
}

/**
 * The prescriber a fact is recorded for: a designee may name one (checked), a prescriber records
 * for themself, a patient for nobody. Unlike programme events, a clinical fact does not need a
 * prescriber behind it, so a designee may leave it out.
 */
export function recorderOnBehalfOf(principal: Principal, requested: string | undefined): string | null {
  if (principal.role === 'patient') {
    if (requested !== undefined) throw fieldError('/prescriberId', 'a patient records for themself');
    return null;
  }
  if (principal.role === 'designee' && requested === undefined) return null;
  const prescriber = actingPrescriber(principal, requested);
  return prescriber === principal.userId ? null : prescriber;
}

export function notAfterToday(day: string, scope: FactScope, pointer: string): void {
  if (day > scope.today) throw fieldError(pointer, `${day} is after today (${scope.today} in the clinic's time zone)`, 'in_future');
}

export function notInFuture(at: string, scope: FactScope, pointer: string): Date {
  const when = new Date(at);
  if (when.getTime() > scope.now.getTime() + CLOCK_SKEW_MS) throw fieldError(pointer, `${at} is in the future`, 'in_future');
  return when;
}

/** A date-only fact is placed at noon UTC of its day, as programme events are. */
export function noonOf(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

function translated(error: unknown): unknown {
  if (error instanceof DomainInputError) return domainFieldError(error);
  if (isUniqueViolation(error)) return new AppError('conflict', 'This fact is already recorded for this course.');
  return error;
}

/**
 * Runs a write on one course: role first, then one transaction with the course loaded (scope
 * checked) and locked, so writers of a course are serialised (baselines, dedupe keys).
 */
export async function withCourseForWrite<T>(
  deps: CourseDeps,
  actor: Actor,
  courseId: string,
  writers: readonly Role[],
  prescriberId: string | undefined,
  work: (scope: FactScope) => Promise<T>,
): Promise<T> {
  requireRole(actor.principal, writers);
  const onBehalfOf = recorderOnBehalfOf(actor.principal, prescriberId);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const facts = await loadCourseFacts(trx, actor, courseId, { lock: true });
      return work({ trx, actor, facts, now, onBehalfOf, today: dayIn(now, facts.clinic.timeZone) });
    });
  } catch (error) {
    throw translated(error);
  }
}

/** Runs a read on one course (scope checked); the work audits what it read. */
export async function withCourseForRead<T>(deps: CourseDeps, actor: Actor, courseId: string, work: (scope: FactScope) => Promise<T>): Promise<T> {
  requireRole(actor.principal, FACT_READERS);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const facts = await loadCourseFacts(trx, actor, courseId);
      return work({ trx, actor, facts, now, onBehalfOf: null, today: dayIn(now, facts.clinic.timeZone) });
    });
  } catch (error) {
    throw translated(error);
  }
}

export async function auditRead(scope: FactScope, action: string, resourceType: string, resourceId: string): Promise<void> {
  const { facts } = scope;
  await appendAudit(scope.trx, auditOf(scope.actor, scope.now, { action, resourceType, resourceId, clinicId: facts.clinic.id, patientId: facts.patient.id }));
}

export type FactDraft = Omit<
  NewClinicalFact,
  'courseId' | 'clinicId' | 'patientId' | 'alert' | 'recordedAt' | 'recordedBy' | 'recordedRole' | 'onBehalfOf' | 'visibleToPatient' | 'programEventKey'
> & { readonly visibleToPatient?: boolean; readonly programEventKey?: string | null };

export interface StoredFact {
  readonly record: ClinicalFactRecord;
  readonly tasks: readonly TaskSpec[];
}

/**
 * Stores a fact with the tasks it creates and its audit entry, in the scope's transaction.
 * `createdElsewhere` are tasks another path already created for it (the positive-test pathway):
 * reported and counted in the alert, not inserted twice.
 */
export async function storeFact(scope: FactScope, draft: FactDraft, tasks: readonly TaskSpec[], createdElsewhere: readonly TaskSpec[] = []): Promise<StoredFact> {
  const { facts, actor, now, trx } = scope;
  const all = [...createdElsewhere, ...tasks];
  const record = await insertClinicalFact(trx, {
    ...draft,
    courseId: facts.course.id,
    clinicId: facts.clinic.id,
    patientId: facts.patient.id,
    alert: mostUrgent(all),
    visibleToPatient: draft.visibleToPatient ?? true,
    programEventKey: draft.programEventKey ?? null,
    recordedAt: now,
    recordedBy: actor.principal.userId,
    recordedRole: actor.principal.role,
    onBehalfOf: scope.onBehalfOf,
  });
  for (const task of tasks) {
    await insertTask(trx, { clinicId: facts.clinic.id, patientId: facts.patient.id, courseId: facts.course.id, kind: task.kind, urgency: task.urgency, text: task.text, createdAt: now });
  }
  await appendAudit(
    trx,
    auditOf(actor, now, { action: `record_${draft.kind}`, resourceType: 'clinical_fact', resourceId: record.id, clinicId: facts.clinic.id, patientId: facts.patient.id, onBehalfOf: scope.onBehalfOf }),
  );
  return { record, tasks: all };
}
