import type { Role } from '../api/auth-api.js';
import type { PlainMessageKey } from '../i18n/t.js';
import { CLINIC_STAFF, type RoleId, type ScreenParams } from './screen-types.js';
import { adminScreens } from './screens-admin.js';
import { clinicScreens } from './screens-clinic.js';
import { patientScreens } from './screens-patient.js';
import { pharmacyScreens } from './screens-pharmacy.js';

export type { RoleId, ScreenParams } from './screen-types.js';

export interface RoleArea {
  readonly id: RoleId;
  readonly path: `/${string}`;
  readonly nameKey: PlainMessageKey;
  readonly summaryKey: PlainMessageKey;
  /** Who may open the area's home; each screen inside lists its own roles. */
  readonly roles: readonly Role[];
}

/** The four areas, in navigation order. */
export const roleAreas: readonly RoleArea[] = [
  { id: 'clinic', path: '/clinic', nameKey: 'role.clinic.name', summaryKey: 'role.clinic.summary', roles: CLINIC_STAFF },
  { id: 'patient', path: '/patient', nameKey: 'role.patient.name', summaryKey: 'role.patient.summary', roles: ['patient'] },
  { id: 'pharmacy', path: '/pharmacy', nameKey: 'role.pharmacy.name', summaryKey: 'role.pharmacy.summary', roles: ['pharmacist'] },
  { id: 'admin', path: '/admin', nameKey: 'role.admin.name', summaryKey: 'role.admin.summary', roles: ['clinic_admin'] },
];

/**
 * Every screen of the app. Each area lists its own in routing/screens-<area>.ts; a screen's
 * `area` tells which, so `screen.area === 'clinic'` narrows `screen.id` to the clinic's ids.
 */
export type Screen = WithRoleList<
  (typeof clinicScreens)[number] | (typeof patientScreens)[number] | (typeof pharmacyScreens)[number] | (typeof adminScreens)[number]
>;

/** Each screen's literal type with its `roles` as a plain role list (so `roles.includes(role)` works). */
type WithRoleList<S> = S extends unknown ? Omit<S, 'roles'> & { readonly roles: readonly Role[] } : never;
export type ScreenId = Screen['id'];

export const screens: readonly Screen[] = [...clinicScreens, ...patientScreens, ...pharmacyScreens, ...adminScreens];

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

/**
 * The address of a screen, its `:name` segments filled from `params` (each value encoded as one
 * segment). A parameter the path needs and `params` lacks is a programming error: it throws.
 */
export function screenPath(id: ScreenId, params: ScreenParams = {}): `/${string}` {
  const { path } = screenById(id);
  const filled = path.replace(/:(\w+)/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`screen ${id} needs the parameter ${name}`);
    return encodeURIComponent(value);
  });
  return filled as `/${string}`;
}

/** The decoded parameters when `path` matches `pattern` segment by segment, else undefined. */
export function matchScreenPath(pattern: string, path: string): ScreenParams | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const expected = want[i] ?? '';
    const actual = got[i] ?? '';
    if (expected.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(actual);
      } catch {
        return undefined; // a malformed escape is no address of ours
      }
      if (value === '') return undefined;
      params[expected.slice(1)] = value;
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
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
  | { readonly kind: 'screen'; readonly screen: Screen; readonly params: ScreenParams }
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
  // fixed paths first, so `/clinic/courses/new` is never read as a course called "new"
  const fixed = screens.find((candidate) => candidate.path === path);
  if (fixed !== undefined) return { kind: 'screen', screen: fixed, params: {} };
  for (const screen of screens) {
    if (!screen.path.includes(':')) continue;
    const params = matchScreenPath(screen.path, path);
    if (params !== undefined) return { kind: 'screen', screen, params };
  }
  return { kind: 'not_found', path: pathname };
}
