import { CLINIC_STAFF, PRESCRIBING, type ScreenDefinition } from './screen-types.js';

/** The clinic area's screens (prescribers, designees, clinic administrators). */
export const clinicScreens = [
  { id: 'clinicHome', area: 'clinic', path: '/clinic', titleKey: 'role.clinic.name', roles: CLINIC_STAFF },
  { id: 'doseCalculator', area: 'clinic', path: '/clinic/dose-calculator', titleKey: 'dose.title', roles: PRESCRIBING },
  { id: 'clinicWorklist', area: 'clinic', path: '/clinic/worklist', titleKey: 'worklist.title', roles: CLINIC_STAFF },
  { id: 'clinicChart', area: 'clinic', path: '/clinic/courses/:courseId', titleKey: 'chart.title', roles: CLINIC_STAFF },
  // the clinic's forms (web/src/clinic-forms): prescribers and the designees acting for them
  { id: 'enrollPatient', area: 'clinic', path: '/clinic/patients/new', titleKey: 'cf.enroll.title', roles: PRESCRIBING },
  { id: 'recordEvent', area: 'clinic', path: '/clinic/courses/:courseId/record', titleKey: 'cf.event.title', roles: PRESCRIBING },
  { id: 'prescribe', area: 'clinic', path: '/clinic/courses/:courseId/prescribe', titleKey: 'cf.prescribe.title', roles: PRESCRIBING },
  { id: 'issueAuthorization', area: 'clinic', path: '/clinic/courses/:courseId/authorize', titleKey: 'cf.authorize.title', roles: PRESCRIBING },
  { id: 'recordLab', area: 'clinic', path: '/clinic/courses/:courseId/lab', titleKey: 'cf.lab.title', roles: PRESCRIBING },
  { id: 'recordPhq9', area: 'clinic', path: '/clinic/courses/:courseId/phq9', titleKey: 'cf.phq9.title', roles: PRESCRIBING },
  { id: 'recordGrading', area: 'clinic', path: '/clinic/courses/:courseId/grading', titleKey: 'cf.grading.title', roles: PRESCRIBING },
  { id: 'changeCourseStatus', area: 'clinic', path: '/clinic/courses/:courseId/status', titleKey: 'cf.status.title', roles: PRESCRIBING },
] as const satisfies readonly ScreenDefinition[];

export type ClinicScreenId = (typeof clinicScreens)[number]['id'];
