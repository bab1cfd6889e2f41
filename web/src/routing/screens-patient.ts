import type { ScreenDefinition } from './screen-types.js';

/** The patient area's screens. */
export const patientScreens = [
  { id: 'patientHome', area: 'patient', path: '/patient', titleKey: 'role.patient.name', roles: ['patient'] },
  { id: 'patientProgress', area: 'patient', path: '/patient/progress', titleKey: 'patient.progress.title', roles: ['patient'] },
  { id: 'patientQuestions', area: 'patient', path: '/patient/questions', titleKey: 'patient.questions.title', roles: ['patient'] },
  { id: 'moodCheck', area: 'patient', path: '/patient/mood-check', titleKey: 'phq9.title', roles: ['patient'] },
  { id: 'symptomCheck', area: 'patient', path: '/patient/symptom-check', titleKey: 'symptoms.title', roles: ['patient'] },
] as const satisfies readonly ScreenDefinition[];

export type PatientScreenId = (typeof patientScreens)[number]['id'];
