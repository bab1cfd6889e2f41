import type { ScreenDefinition } from './screen-types.js';

/** The pharmacy area's screens. */
export const pharmacyScreens = [
  { id: 'pharmacyHome', area: 'pharmacy', path: '/pharmacy', titleKey: 'role.pharmacy.name', roles: ['pharmacist'] },
] as const satisfies readonly ScreenDefinition[];

export type PharmacyScreenId = (typeof pharmacyScreens)[number]['id'];
