import type { ScreenDefinition } from './screen-types.js';

/** The pharmacy area's screens. */
export const pharmacyScreens = [
  { id: 'pharmacyHome', area: 'pharmacy', path: '/pharmacy', titleKey: 'role.pharmacy.name', roles: ['pharmacist'] },
  { id: 'pharmacyLookup', area: 'pharmacy', path: '/pharmacy/lookup', titleKey: 'pharmacy.lookup.title', roles: ['pharmacist'] },
  { id: 'pharmacyLookupNumber', area: 'pharmacy', path: '/pharmacy/lookup/:number', titleKey: 'pharmacy.lookup.title', roles: ['pharmacist'] },
  { id: 'pharmacyWorklist', area: 'pharmacy', path: '/pharmacy/worklist', titleKey: 'pharmacy.worklist.title', roles: ['pharmacist'] },
  { id: 'pharmacyReverse', area: 'pharmacy', path: '/pharmacy/authorizations/:authorizationId/reverse', titleKey: 'pharmacy.reverse.title', roles: ['pharmacist'] },
] as const satisfies readonly ScreenDefinition[];

export type PharmacyScreenId = (typeof pharmacyScreens)[number]['id'];
