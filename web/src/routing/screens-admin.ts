import type { ScreenDefinition } from './screen-types.js';

/** The administration area's screens (clinic administrators). */
export const adminScreens = [
  { id: 'adminHome', area: 'admin', path: '/admin', titleKey: 'role.admin.name', roles: ['clinic_admin'] },
] as const satisfies readonly ScreenDefinition[];

export type AdminScreenId = (typeof adminScreens)[number]['id'];
