import type { Role } from '../../db/schema.js';
import { AppError } from '../errors.js';

/** Who is acting, with the scope the database gave their account. */
export interface Principal {
  readonly userId: string;
  readonly role: Role;
  readonly displayName: string;
  readonly clinicId: string | null;
  readonly pharmacyId: string | null;
  readonly patientId: string | null;
  /** Prescribers a designee acts for. */
  readonly actsFor: readonly string[];
}

export const STAFF_ROLES: readonly Role[] = ['prescriber', 'designee', 'clinic_admin'];
export const CLINICAL_ROLES: readonly Role[] = ['prescriber', 'designee'];

export function requireRole(principal: Principal, roles: readonly Role[]): void {
  if (!roles.includes(principal.role)) {
    throw new AppError('forbidden', `This needs one of these roles: ${roles.join(', ')}.`);
  }
}

/** Staff see only their own clinic; patients only their own record; pharmacists no clinic. */
export function requireClinic(principal: Principal, clinicId: string): void {
  if (principal.clinicId !== clinicId) throw new AppError('forbidden', 'This record belongs to another clinic.');
}

export function requirePatientAccess(principal: Principal, patient: { readonly id: string; readonly clinicId: string }): void {
  switch (principal.role) {
    case 'prescriber':
    case 'designee':
    case 'clinic_admin':
      requireClinic(principal, patient.clinicId);
      return;
    case 'patient':
      if (principal.patientId !== patient.id) throw new AppError('forbidden', 'You can only see your own record.');
      return;
    case 'pharmacist':
      throw new AppError('forbidden', 'Pharmacists see only what dispensing needs.');
  }
}

/** The prescriber a clinical action is taken for: the prescriber themself, or one a designee acts for. */
export function actingPrescriber(principal: Principal, requested: string | undefined): string {
  if (principal.role === 'prescriber') {
    if (requested !== undefined && requested !== principal.userId) throw new AppError('forbidden', 'A prescriber acts only for themself.');
    return principal.userId;
  }
  if (principal.role === 'designee') {
    if (requested === undefined) throw new AppError('invalid_input', 'A designee must name the prescriber they act for.');
    if (!principal.actsFor.includes(requested)) throw new AppError('forbidden', 'You are not a designee of that prescriber.');
    return requested;
  }
  throw new AppError('forbidden', 'Only prescribers and their designees can do this.');
}
