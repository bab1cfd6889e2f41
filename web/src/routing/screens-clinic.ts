import { CLINIC_STAFF, PRESCRIBING, type ScreenDefinition } from './screen-types.js';

/** The clinic area's screens (prescribers, designees, clinic administrators). */
export const clinicScreens = [
  { id: 'clinicHome', area: 'clinic', path: '/clinic', titleKey: 'role.clinic.name', roles: CLINIC_STAFF },
  { id: 'doseCalculator', area: 'clinic', path: '/clinic/dose-calculator', titleKey: 'dose.title', roles: PRESCRIBING },
  { id: 'clinicWorklist', area: 'clinic', path: '/clinic/worklist', titleKey: 'worklist.title', roles: CLINIC_STAFF },
  { id: 'clinicChart', area: 'clinic', path: '/clinic/courses/:courseId', titleKey: 'chart.title', roles: CLINIC_STAFF },
] as const satisfies readonly ScreenDefinition[];

export type ClinicScreenId = (typeof clinicScreens)[number]['id'];
