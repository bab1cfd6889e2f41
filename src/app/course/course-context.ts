import type { Kysely, Transaction } from 'kysely';
import type { AuditEntry } from '../../db/audit.repository.js';
import { loadClinicFacts, type ClinicFacts } from '../../db/clinic-settings.repository.js';
import { findCourseWithPatient, listPatientEvents, type CourseRecord, type PatientRecord, type StoredEvent } from '../../db/course.repository.js';
import type { Database } from '../../db/schema.js';
import type { Principal } from '../auth/principal.js';
import { requirePatientAccess } from '../auth/principal.js';
import type { RequestContext } from '../auth/sessions.js';
import { AppError } from '../errors.js';
import type { Clock, TokenSource } from '../ports.js';

export interface CourseDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly tokens: TokenSource;
}

/** Who acts and from where: every use case audits with it. */
export interface Actor {
  readonly principal: Principal;
  readonly context: RequestContext;
}

export interface CourseFacts {
  readonly course: CourseRecord;
  readonly patient: PatientRecord;
  readonly clinic: ClinicFacts;
  readonly events: StoredEvent[];
}

/**
 * Loads a course with everything the engine needs, after checking that the actor may see it
 * (another clinic's course is "not found" to staff, so ids of other clinics are not confirmed).
 * With `lock`, the course row is locked for the rest of the transaction (serialises writers).
 */
export async function loadCourseFacts(db: Kysely<Database> | Transaction<Database>, actor: Actor, courseId: string, options: { lock?: boolean } = {}): Promise<CourseFacts> {
  const found = await findCourseWithPatient(db, courseId, options);
  if (found === undefined) throw new AppError('not_found', 'No such course.');
  const { course, patient } = found;
  try {
    requirePatientAccess(actor.principal, patient);
  } catch (error) {
    if (error instanceof AppError && actor.principal.role !== 'patient' && actor.principal.clinicId !== patient.clinicId) {
      throw new AppError('not_found', 'No such course.');
    }
    throw error;
  }
  const clinic = await loadClinicFacts(db, course.clinicId);
  if (clinic === undefined) throw new AppError('not_found', 'No such course.');
  const events = await listPatientEvents(db, patient.id);
  return { course, patient, clinic, events };
}

export function auditOf(
  actor: Actor,
  at: Date,
  what: { action: string; resourceType: string; resourceId: string | null; clinicId: string | null; patientId: string | null; onBehalfOf?: string | null; outcome?: AuditEntry['outcome'] },
): AuditEntry {
  return {
    at,
    actorUserId: actor.principal.userId,
    actorRole: actor.principal.role,
    onBehalfOf: what.onBehalfOf ?? null,
    action: what.action,
    resourceType: what.resourceType,
    resourceId: what.resourceId,
    clinicId: what.clinicId,
    patientId: what.patientId,
    outcome: what.outcome ?? 'success',
    ip: actor.context.ip,
    requestId: actor.context.requestId,
  };
}

/** ISO instant with offset, as the programme case expects. */
export function wireInstant(at: Date): string {
  return at.toISOString();
}

/** The calendar day of an instant in a zone (YYYY-MM-DD). */
export function dayIn(at: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Unique violation from PostgreSQL (both engines report SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error).code === '23505';
}
