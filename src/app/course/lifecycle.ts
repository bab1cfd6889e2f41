import { appendAudit } from '../../db/audit.repository.js';
import { listAuthorizations, markReversed } from '../../db/authorization.repository.js';
import { insertEvent, setCourseStatus } from '../../db/course.repository.js';
import type { CourseStatus } from '../../db/schema.js';
import type { CourseStatusChange } from '../../contracts/course.js';
import { CLINICAL_ROLES, requireRole } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { auditOf, loadCourseFacts, wireInstant, type Actor, type CourseDeps } from './course-context.js';

/** Allowed course transitions: pause and resume an active course; complete or stop an open one. */
const TRANSITIONS: Record<CourseStatus, readonly CourseStatus[]> = {
  qualifying: ['stopped'],
  active: ['paused', 'completed', 'stopped'],
  paused: ['active', 'completed', 'stopped'],
  completed: [],
  stopped: [],
};

const STOP_REASONS = ['completed', 'pregnancy', 'adverse_effect', 'patient_decision', 'other'] as const;
type StopReason = (typeof STOP_REASONS)[number];

/**
 * Pauses, resumes, completes or stops a course. Completing or stopping reverses every open
 * authorization (nothing may be collected for a closed course) and records `course_stopped`
 * (reason `completed` for a completion) so the programme engine sees it.
 */
export async function changeCourseStatus(deps: CourseDeps, actor: Actor, courseId: string, change: CourseStatusChange): Promise<{ status: CourseStatus; reversedAuthorizations: string[] }> {
  requireRole(actor.principal, CLINICAL_ROLES);
  if (change.status === 'stopped' && change.reason === undefined) throw new AppError('invalid_input', 'Give a reason to stop a course.');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const facts = await loadCourseFacts(trx, actor, courseId, { lock: true });
    const from = facts.course.status;
    if (!TRANSITIONS[from].includes(change.status)) throw new AppError('conflict', `A ${from} course cannot become ${change.status}.`);
    const reversed: string[] = [];
    if (change.status === 'completed' || change.status === 'stopped') {
      const reason: StopReason = change.status === 'completed' ? 'completed' : (STOP_REASONS.find((r) => r === change.reason) ?? 'other');
      for (const a of await listAuthorizations(trx, { courseId, status: 'open' })) {
        await markReversed(trx, a.id, now, `course ${change.status}`);
        const reversal = { id: `reversal-${a.id}`, kind: 'authorization_reversed' as const, at: wireInstant(now), authorizationId: a.id, reason: `course ${change.status}` };
        await insertEvent(trx, { courseId, clinicId: facts.clinic.id, patientId: facts.patient.id, eventKey: reversal.id, kind: reversal.kind, occurredAt: now, recordedAt: now, recordedBy: actor.principal.userId, onBehalfOf: null, payload: reversal });
        reversed.push(a.id);
      }
      const stopped = { id: `course-${courseId}-stopped`, kind: 'course_stopped' as const, on: change.on, reason };
      await insertEvent(trx, { courseId, clinicId: facts.clinic.id, patientId: facts.patient.id, eventKey: stopped.id, kind: stopped.kind, occurredAt: now, recordedAt: now, recordedBy: actor.principal.userId, onBehalfOf: null, payload: stopped });
    }
    await setCourseStatus(trx, courseId, change.status, change.status === 'stopped' ? (change.reason ?? null) : null, now);
    await appendAudit(trx, auditOf(actor, now, { action: `course_${change.status}`, resourceType: 'course', resourceId: courseId, clinicId: facts.clinic.id, patientId: facts.patient.id }));
    return { status: change.status, reversedAuthorizations: reversed };
  });
}
