import type { CreateUserRequest } from '../../../src/contracts/admin.js';
import type { Role } from '../api/auth-api.js';

export type Specialty = 'dermatologist' | 'general_practitioner' | 'other';
export const SPECIALTIES: readonly Specialty[] = ['dermatologist', 'general_practitioner', 'other'];

export interface NewUserValues {
  readonly role: Role;
  readonly displayName: string;
  readonly email: string;
  readonly specialty: Specialty;
  readonly certifiedOn: string;
  readonly actsFor: readonly string[];
  readonly pharmacyId: string;
  readonly patientId: string;
}

export const emptyNewUser: NewUserValues = { role: 'prescriber', displayName: '', email: '', specialty: 'dermatologist', certifiedOn: '', actsFor: [], pharmacyId: '', patientId: '' };

export type NewUserField = 'displayName' | 'email' | 'actsFor' | 'pharmacyId' | 'patientId';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The create-account request for the chosen role (only that role's fields), or the fields to fix. */
export function newUserRequest(values: NewUserValues): { ok: true; request: CreateUserRequest } | { ok: false; problems: NewUserField[] } {
  const problems: NewUserField[] = [];
  const displayName = values.displayName.trim();
  const email = values.email.trim();
  if (displayName === '') problems.push('displayName');
  if (!EMAIL.test(email)) problems.push('email');
  if (values.role === 'designee' && values.actsFor.length === 0) problems.push('actsFor');
  if (values.role === 'pharmacist' && values.pharmacyId === '') problems.push('pharmacyId');
  if (values.role === 'patient' && values.patientId === '') problems.push('patientId');
  if (problems.length > 0) return { ok: false, problems };
  const account = { displayName, email };
  switch (values.role) {
    case 'prescriber':
      return { ok: true, request: { role: 'prescriber', ...account, specialty: values.specialty, certifiedOn: values.certifiedOn === '' ? null : values.certifiedOn } };
    case 'designee':
      return { ok: true, request: { role: 'designee', ...account, actsFor: [...values.actsFor] } };
    case 'pharmacist':
      return { ok: true, request: { role: 'pharmacist', ...account, pharmacyId: values.pharmacyId } };
    case 'patient':
      return { ok: true, request: { role: 'patient', ...account, patientId: values.patientId } };
    case 'clinic_admin':
      return { ok: true, request: { role: 'clinic_admin', ...account } };
    default: {
      const unreachable: never = values.role;
      return unreachable;
    }
  }
}
