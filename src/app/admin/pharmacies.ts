import type { CreatePharmacyRequest, UpdatePharmacyRequest } from '../../contracts/admin.js';
import { findClinicRecord } from '../../db/clinic-admin.repository.js';
import { findManagedPharmacy, insertManagedPharmacy, listManagedPharmacies, updateManagedPharmacy, type ManagedPharmacy } from '../../db/pharmacy-admin.repository.js';
import { date } from '../../domain/calendar/index.js';
import { activationLastDay } from '../../domain/program/packs/us/us-dispense.js';
import type { Actor } from '../course/course-context.js';
import { AppError } from '../errors.js';
import { adminClinic, auditAdmin, type AdminDeps } from './admin-context.js';

export interface PharmacyView extends ManagedPharmacy {
  /** US2: the last day the yearly activation counts; null outside the US or when never activated. */
  readonly activationValidThrough: string | null;
}

function viewOf(p: ManagedPharmacy): PharmacyView {
  const validThrough = p.jurisdiction === 'US' && p.activatedOn !== null ? activationLastDay(date(p.activatedOn)).toString() : null;
  return { ...p, activationValidThrough: validThrough };
}

/**
 * DECISION-PHARMACY-MANAGEMENT: any clinic administrator may register a pharmacy; their clinic
 * then manages it (certification and yearly activation dates, pharmacist accounts). The pharmacy
 * takes the clinic's jurisdiction and dispenses for patients of any clinic.
 */
export async function createPharmacy(deps: AdminDeps, actor: Actor, input: CreatePharmacyRequest): Promise<PharmacyView> {
  const clinicId = adminClinic(actor);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const clinic = await findClinicRecord(trx, clinicId);
    if (clinic === undefined) throw new AppError('not_found', 'No such clinic.');
    const id = await insertManagedPharmacy(trx, { name: input.name, jurisdiction: clinic.jurisdiction, certifiedOn: input.certifiedOn, activatedOn: input.activatedOn, clinicId });
    await auditAdmin(trx, actor, now, { action: 'create_pharmacy', resourceType: 'pharmacy', resourceId: id, clinicId });
    const created = await findManagedPharmacy(trx, clinicId, id);
    if (created === undefined) throw new AppError('not_found', 'The new pharmacy could not be read back.');
    return viewOf(created);
  });
}

export async function listPharmacies(deps: AdminDeps, actor: Actor): Promise<PharmacyView[]> {
  const clinicId = adminClinic(actor);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const pharmacies = await listManagedPharmacies(trx, clinicId);
    await auditAdmin(trx, actor, now, { action: 'read', resourceType: 'pharmacy_list', resourceId: null, clinicId });
    return pharmacies.map(viewOf);
  });
}

/** Records a new certification or yearly activation (or corrects the name) of a managed pharmacy. */
export async function updatePharmacy(deps: AdminDeps, actor: Actor, pharmacyId: string, input: UpdatePharmacyRequest): Promise<PharmacyView> {
  const clinicId = adminClinic(actor);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const pharmacy = await findManagedPharmacy(trx, clinicId, pharmacyId, { lock: true });
    if (pharmacy === undefined) throw new AppError('not_found', 'No such pharmacy managed by this clinic.');
    await updateManagedPharmacy(trx, pharmacyId, input);
    await auditAdmin(trx, actor, now, { action: 'update_pharmacy', resourceType: 'pharmacy', resourceId: pharmacyId, clinicId });
    const updated = await findManagedPharmacy(trx, clinicId, pharmacyId);
    if (updated === undefined) throw new AppError('not_found', 'No such pharmacy managed by this clinic.');
    return viewOf(updated);
  });
}
