import type { PlainMessageKey } from '../i18n/t.js';

export type RoleId = 'clinic' | 'patient' | 'pharmacy' | 'admin';

export interface RoleArea {
  readonly id: RoleId;
  readonly path: `/${string}`;
  readonly nameKey: PlainMessageKey;
  readonly summaryKey: PlainMessageKey;
}

/** The four areas, in navigation order. Each is a placeholder until its issue is built. */
export const roleAreas: readonly RoleArea[] = [
  { id: 'clinic', path: '/clinic', nameKey: 'role.clinic.name', summaryKey: 'role.clinic.summary' },
  { id: 'patient', path: '/patient', nameKey: 'role.patient.name', summaryKey: 'role.patient.summary' },
  { id: 'pharmacy', path: '/pharmacy', nameKey: 'role.pharmacy.name', summaryKey: 'role.pharmacy.summary' },
  { id: 'admin', path: '/admin', nameKey: 'role.admin.name', summaryKey: 'role.admin.summary' },
];

export type Page =
  | { readonly kind: 'home' }
  | { readonly kind: 'role'; readonly area: RoleArea }
  | { readonly kind: 'not_found'; readonly path: string };

/** The page for a URL path; a trailing slash is ignored (`/clinic/` is `/clinic`). */
export function pageFor(pathname: string): Page {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { kind: 'home' };
  const area = roleAreas.find((candidate) => candidate.path === path);
  return area === undefined ? { kind: 'not_found', path: pathname } : { kind: 'role', area };
}
