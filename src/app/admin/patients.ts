import { listClinicPatients, type PatientListing } from '../../db/clinic-admin.repository.js';
import type { Actor } from '../course/course-context.js';
import { adminClinic, auditAdmin, type AdminDeps } from './admin-context.js';

export type { PatientListing } from '../../db/clinic-admin.repository.js';

/** The clinic's patient records with their active account, to link patient accounts; audited. */
export async function listPatientsForAdmin(deps: AdminDeps, actor: Actor): Promise<PatientListing[]> {
  const clinicId = adminClinic(actor);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const patients = await listClinicPatients(trx, clinicId);
    await auditAdmin(trx, actor, now, { action: 'read', resourceType: 'patient_list', resourceId: null, clinicId });
    return patients;
  });
}
