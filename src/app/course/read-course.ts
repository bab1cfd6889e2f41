import { appendAudit } from '../../db/audit.repository.js';
import { listAuthorizations, listCoursePrescriptions } from '../../db/authorization.repository.js';
import { listCourseDecisions } from '../../db/course.repository.js';
import { requireRole } from '../auth/principal.js';
import { viewOf, type AuthorizationView } from './authorize.js';
import { auditOf, loadCourseFacts, type Actor, type CourseDeps, type CourseFacts } from './course-context.js';

export interface CourseDetail {
  readonly facts: CourseFacts;
  readonly prescriptions: Awaited<ReturnType<typeof listCoursePrescriptions>>;
  readonly authorizations: AuthorizationView[];
  readonly decisions: Awaited<ReturnType<typeof listCourseDecisions>>;
}

/** The course record for the clinic or the patient themself; every read is audited. */
export async function readCourse(deps: CourseDeps, actor: Actor, courseId: string): Promise<CourseDetail> {
  requireRole(actor.principal, ['prescriber', 'designee', 'clinic_admin', 'patient']);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const facts = await loadCourseFacts(trx, actor, courseId);
    const prescriptions = await listCoursePrescriptions(trx, courseId);
    const authorizations = (await listAuthorizations(trx, { courseId })).map(viewOf);
    const decisions = await listCourseDecisions(trx, courseId, 50);
    await appendAudit(trx, auditOf(actor, now, { action: 'read', resourceType: 'course', resourceId: courseId, clinicId: facts.clinic.id, patientId: facts.patient.id }));
    return { facts, prescriptions, authorizations, decisions };
  });
}
