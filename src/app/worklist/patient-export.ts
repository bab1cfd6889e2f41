import { appendAudit } from '../../db/audit.repository.js';
import { listAuthorizations, listCoursePrescriptions, listPatientDispenses, type DispenseRecord, type PrescriptionRecord } from '../../db/authorization.repository.js';
import { listClinicalFacts, type ClinicalFactRecord } from '../../db/clinical-fact.repository.js';
import type { CourseRecord, PatientRecord, StoredEvent } from '../../db/course.repository.js';
import { listPhotos, type PhotoRecord } from '../../db/progress-photo.repository.js';
import type { ClinicalFactKind } from '../../db/schema.js';
import { viewOf, type AuthorizationView } from '../course/authorize.js';
import { auditOf, type Actor, type CourseDeps } from '../course/course-context.js';
import { ownRecord } from './patient-next-steps.js';

/** The clinical fact kinds of a course, all exported (notes only when marked visible to the patient). */
const FACT_KINDS: readonly ClinicalFactKind[] = ['dose', 'weight', 'lab', 'phq9', 'symptoms', 'grading', 'note'];

export interface PatientExport {
  readonly exportedAt: Date;
  readonly patient: PatientRecord;
  readonly courses: readonly CourseRecord[];
  readonly events: readonly StoredEvent[];
  readonly prescriptions: readonly PrescriptionRecord[];
  readonly authorizations: readonly AuthorizationView[];
  readonly dispenses: readonly DispenseRecord[];
  /** Every clinical fact the patient may see (internal notes never), by course then kind. */
  readonly facts: readonly ClinicalFactRecord[];
  /** Photo metadata only; the images are read one by one through the photo route. */
  readonly photos: readonly PhotoRecord[];
}

/**
 * All of the signed-in patient's own data (their right of access): the record, every course with
 * its programme events, prescriptions, authorizations, dispenses, the clinical facts visible to
 * them, and photo metadata. Only their own patient id is read; one transaction; one audit row.
 */
export async function patientExport(deps: CourseDeps, actor: Actor): Promise<PatientExport> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const { patient, courses, events } = await ownRecord(trx, actor);
    const prescriptions: PrescriptionRecord[] = [];
    const facts: ClinicalFactRecord[] = [];
    const photos: PhotoRecord[] = [];
    for (const course of courses) {
      prescriptions.push(...(await listCoursePrescriptions(trx, course.id)));
      for (const kind of FACT_KINDS) facts.push(...(await listClinicalFacts(trx, course.id, kind, { patientVisibleOnly: true })));
      photos.push(...(await listPhotos(trx, course.id)));
    }
    const authorizations = (await listAuthorizations(trx, { patientId: patient.id })).map(viewOf);
    const dispenses = await listPatientDispenses(trx, patient.id);
    await appendAudit(trx, auditOf(actor, now, { action: 'export', resourceType: 'patient', resourceId: patient.id, clinicId: patient.clinicId, patientId: patient.id }));
    return { exportedAt: now, patient, courses, events, prescriptions, authorizations, dispenses, facts, photos };
  });
}
