import type { AuditPage, ManagedUser, PatientListing, PharmacyView } from '../../app/admin/admin-services.js';
import type { z } from 'zod';
import type { auditEntrySchema, managedUserSchema, patientListingSchema, pharmacySchema } from '../../contracts/admin.js';

/** Presenters of the administration API: every field listed explicitly (never a spread row). */
export function presentUser(u: ManagedUser): z.input<typeof managedUserSchema> {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    pharmacyId: u.pharmacyId,
    patientId: u.patientId,
    specialty: u.prescriberSpecialty,
    certifiedOn: u.prescriberCertifiedOn,
    actsFor: [...u.actsFor],
    disabled: u.disabled,
    totpEnabled: u.totpEnabled,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    temporaryPasswordUntil: u.passwordTemporaryUntil?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

export function presentPharmacy(p: PharmacyView): z.input<typeof pharmacySchema> {
  return {
    id: p.id,
    name: p.name,
    jurisdiction: p.jurisdiction,
    certifiedOn: p.certifiedOn,
    activatedOn: p.activatedOn,
    activationValidThrough: p.activationValidThrough,
    pharmacists: p.pharmacists,
  };
}

export function presentPatient(p: PatientListing): z.input<typeof patientListingSchema> {
  return { id: p.id, displayName: p.displayName, birthDate: p.birthDate, accountId: p.accountId };
}

export function presentAuditEntry(e: AuditPage['entries'][number]): z.input<typeof auditEntrySchema> {
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    actorUserId: e.actorUserId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    onBehalfOf: e.onBehalfOf,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    patientId: e.patientId,
    outcome: e.outcome,
    ip: e.ip,
    requestId: e.requestId,
  };
}
