import type { Role } from '../api/auth-api.js';
import type { PlainMessageKey } from '../i18n/t.js';

/** Every role of the API, in the order the app lists them. */
export const ROLES = ['prescriber', 'designee', 'clinic_admin', 'patient', 'pharmacist'] as const satisfies readonly Role[];

export const roleNameKey = {
  prescriber: 'role.name.prescriber',
  designee: 'role.name.designee',
  clinic_admin: 'role.name.clinicAdmin',
  patient: 'role.name.patient',
  pharmacist: 'role.name.pharmacist',
} as const satisfies Record<Role, PlainMessageKey>;

/** Where each role lands after signing in: the home of the area that person works in. */
export function homePathFor(role: Role): '/clinic' | '/patient' | '/pharmacy' {
  switch (role) {
    case 'prescriber':
    case 'designee':
    case 'clinic_admin':
      return '/clinic';
    case 'patient':
      return '/patient';
    case 'pharmacist':
      return '/pharmacy';
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
}
