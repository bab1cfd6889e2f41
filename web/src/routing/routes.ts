import type { Role } from '../api/auth-api.js';
import type { PlainMessageKey } from '../i18n/t.js';

export type RoleId = 'clinic' | 'patient' | 'pharmacy' | 'admin';

export interface RoleArea {
  readonly id: RoleId;
  readonly path: `/${string}`;
  readonly nameKey: PlainMessageKey;
  readonly summaryKey: PlainMessageKey;
  /** Who may open the area's home; each screen inside lists its own roles. */
  readonly roles: readonly Role[];
}

const CLINIC_STAFF = ['prescriber', 'designee', 'clinic_admin'] as const satisfies readonly Role[];
const PRESCRIBING = ['prescriber', 'designee'] as const satisfies readonly Role[];

/** The four areas, in navigation order. */
export const roleAreas: readonly RoleArea[] = [
  { id: 'clinic', path: '/clinic', nameKey: 'role.clinic.name', summaryKey: 'role.clinic.summary', roles: CLINIC_STAFF },
  { id: 'patient', path: '/patient', nameKey: 'role.patient.name', summaryKey: 'role.patient.summary', roles: ['patient'] },
  { id: 'pharmacy', path: '/pharmacy', nameKey: 'role.pharmacy.name', summaryKey: 'role.pharmacy.summary', roles: ['pharmacist'] },
  { id: 'admin', path: '/admin', nameKey: 'role.admin.name', summaryKey: 'role.admin.summary', roles: ['clinic_admin'] },
];

export type ScreenId = 'clinicHome' | 'doseCalculator' | 'patientHome' | 'moodCheck' | 'symptomCheck' | 'pharmacyHome' | 'adminHome';

/** A page that needs a signed-in person of one of `roles`. */
export interface Screen {
  readonly id: ScreenId;
  readonly area: RoleId;
  readonly path: `/${string}`;
  readonly titleKey: PlainMessageKey;
  readonly roles: readonly Role[];
}

export const screens: readonly Screen[] = [
  { id: 'clinicHome', area: 'clinic', path: '/clinic', titleKey: 'role.clinic.name', roles: CLINIC_STAFF },
  { id: 'doseCalculator', area: 'clinic', path: '/clinic/dose-calculator', titleKey: 'dose.title', roles: PRESCRIBING },
  { id: 'patientHome', area: 'patient', path: '/patient', titleKey: 'role.patient.name', roles: ['patient'] },
  { id: 'moodCheck', area: 'patient', path: '/patient/mood-check', titleKey: 'phq9.title', roles: ['patient'] },
  { id: 'symptomCheck', area: 'patient', path: '/patient/symptom-check', titleKey: 'symptoms.title', roles: ['patient'] },
  { id: 'pharmacyHome', area: 'pharmacy', path: '/pharmacy', titleKey: 'role.pharmacy.name', roles: ['pharmacist'] },
  { id: 'adminHome', area: 'admin', path: '/admin', titleKey: 'role.admin.name', roles: ['clinic_admin'] },
];

export function screenById(id: ScreenId): Screen {
  const screen = screens.find((candidate) => candidate.id === id);
  if (screen === undefined) throw new Error(`no screen ${id}`);
  return screen;
}

export function areaById(id: RoleId): RoleArea {
  const area = roleAreas.find((candidate) => candidate.id === id);
  if (area === undefined) throw new Error(`no area ${id}`);
  return area;
}

/** The patient education pages, public, in reading order. */
export const LEARN_TOPIC_IDS = [
  'about-isotretinoin',
  'side-effects',
  'skin-care',
  'sun-and-procedures',
  'mood-and-help',
  'pregnancy-and-contraception',
  'safety-rules',
] as const;
export type LearnTopicId = (typeof LEARN_TOPIC_IDS)[number];

export const LEARN_PATH = '/learn';
export const SIGN_IN_PATH = '/sign-in';

export const learnTopicPath = (id: LearnTopicId): `/${string}` => `${LEARN_PATH}/${id}`;

export type Page =
  | { readonly kind: 'home' }
  | { readonly kind: 'signIn' }
  | { readonly kind: 'learnIndex' }
  | { readonly kind: 'learnTopic'; readonly topicId: LearnTopicId }
  | { readonly kind: 'screen'; readonly screen: Screen }
  | { readonly kind: 'not_found'; readonly path: string };

const isLearnTopicId = (value: string): value is LearnTopicId => (LEARN_TOPIC_IDS as readonly string[]).includes(value);

/** The page for a URL path; a trailing slash is ignored (`/clinic/` is `/clinic`). */
export function pageFor(pathname: string): Page {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { kind: 'home' };
  if (path === SIGN_IN_PATH) return { kind: 'signIn' };
  if (path === LEARN_PATH) return { kind: 'learnIndex' };
  if (path.startsWith(`${LEARN_PATH}/`)) {
    const slug = path.slice(LEARN_PATH.length + 1);
    return isLearnTopicId(slug) ? { kind: 'learnTopic', topicId: slug } : { kind: 'not_found', path: pathname };
  }
  const screen = screens.find((candidate) => candidate.path === path);
  return screen === undefined ? { kind: 'not_found', path: pathname } : { kind: 'screen', screen };
}
