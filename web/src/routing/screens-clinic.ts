import { CLINIC_STAFF, PRESCRIBING, type ScreenDefinition } from './screen-types.js';

/** The clinic area's screens (prescribers, designees, clinic administrators). */
export const clinicScreens = [
  { id: 'clinicHome', area: 'clinic', path: '/clinic', titleKey: 'role.clinic.name', roles: CLINIC_STAFF },
  { id: 'doseCalculator', area: 'clinic', path: '/clinic/dose-calculator', titleKey: 'dose.title', roles: PRESCRIBING },
] as const satisfies readonly ScreenDefinition[];

export type ClinicScreenId = (typeof clinicScreens)[number]['id'];
