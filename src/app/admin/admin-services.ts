import type { AuditQuery, ClinicUpdate, CreatePharmacyRequest, CreateUserRequest, UpdatePharmacyRequest, UpdateUserRequest, UserListQuery } from '../../contracts/admin.js';
import type { Actor } from '../course/course-context.js';
import type { AdminDeps } from './admin-context.js';
import { readAuditLog, verifyClinicAuditLog, type AuditPage, type ClinicAuditVerification } from './audit-log.js';
import { readClinicSettings, updateClinicSettings, type ClinicSettingsView } from './clinic-settings.js';
import { listPatientsForAdmin, type PatientListing } from './patients.js';
import { createPharmacy, listPharmacies, updatePharmacy, type PharmacyView } from './pharmacies.js';
import { disableUser, enableUser, resetPassword } from './user-access.js';
import { createUser, listUsers, updateUser, type CreatedUser, type ManagedUser } from './users.js';

/** The clinic administration use cases (clinic_admin of their own clinic), bound to their dependencies. */
export interface AdminServices {
  readClinic(actor: Actor): Promise<ClinicSettingsView>;
  updateClinic(actor: Actor, input: ClinicUpdate): Promise<ClinicSettingsView>;
  listUsers(actor: Actor, query: UserListQuery): Promise<ManagedUser[]>;
  createUser(actor: Actor, input: CreateUserRequest): Promise<CreatedUser>;
  updateUser(actor: Actor, userId: string, input: UpdateUserRequest): Promise<ManagedUser>;
  disableUser(actor: Actor, userId: string): Promise<ManagedUser>;
  enableUser(actor: Actor, userId: string): Promise<ManagedUser>;
  resetPassword(actor: Actor, userId: string): Promise<{ temporaryPassword: string; expiresAt: Date }>;
  listPatients(actor: Actor): Promise<PatientListing[]>;
  listPharmacies(actor: Actor): Promise<PharmacyView[]>;
  createPharmacy(actor: Actor, input: CreatePharmacyRequest): Promise<PharmacyView>;
  updatePharmacy(actor: Actor, pharmacyId: string, input: UpdatePharmacyRequest): Promise<PharmacyView>;
  readAuditLog(actor: Actor, query: AuditQuery): Promise<AuditPage>;
  verifyAuditLog(actor: Actor): Promise<ClinicAuditVerification>;
}

export function adminServices(deps: AdminDeps): AdminServices {
  return {
    readClinic: (actor) => readClinicSettings(deps, actor),
    updateClinic: (actor, input) => updateClinicSettings(deps, actor, input),
    listUsers: (actor, query) => listUsers(deps, actor, query),
    createUser: (actor, input) => createUser(deps, actor, input),
    updateUser: (actor, userId, input) => updateUser(deps, actor, userId, input),
    disableUser: (actor, userId) => disableUser(deps, actor, userId),
    enableUser: (actor, userId) => enableUser(deps, actor, userId),
    resetPassword: (actor, userId) => resetPassword(deps, actor, userId),
    listPatients: (actor) => listPatientsForAdmin(deps, actor),
    listPharmacies: (actor) => listPharmacies(deps, actor),
    createPharmacy: (actor, input) => createPharmacy(deps, actor, input),
    updatePharmacy: (actor, pharmacyId, input) => updatePharmacy(deps, actor, pharmacyId, input),
    readAuditLog: (actor, query) => readAuditLog(deps, actor, query),
    verifyAuditLog: (actor) => verifyClinicAuditLog(deps, actor),
  };
}

export type { AuditPage, ClinicAuditVerification, ClinicSettingsView, CreatedUser, ManagedUser, PatientListing, PharmacyView };
