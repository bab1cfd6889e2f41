import { listClinicalFacts, type ClinicalFactRecord } from '../../db/clinical-fact.repository.js';
import type { ClinicalFactKind } from '../../db/schema.js';
import type { Actor, CourseDeps } from '../course/course-context.js';
import { auditRead, withCourseForRead } from './clinical-context.js';

/**
 * The facts of one kind in a course, for the clinic or the patient themself (audited read). A
 * patient sees the notes marked visible to them only (CLIN-NOTE-VISIBILITY).
 */
export async function listFacts(deps: CourseDeps, actor: Actor, courseId: string, kind: ClinicalFactKind): Promise<ClinicalFactRecord[]> {
  return withCourseForRead(deps, actor, courseId, async (scope) => {
    const facts = await listClinicalFacts(scope.trx, courseId, kind, { patientVisibleOnly: actor.principal.role === 'patient' });
    await auditRead(scope, `read_${kind}`, 'course', courseId);
    return facts;
  });
}
