import type { ScreenDefinition } from './screen-types.js';

/** The administration area's screens (clinic administrators). */
export const adminScreens = [
  { id: 'adminHome', area: 'admin', path: '/admin', titleKey: 'role.admin.name', roles: ['clinic_admin'] },
  { id: 'adminClinic', area: 'admin', path: '/admin/clinic', titleKey: 'admin.clinic.title', roles: ['clinic_admin'] },
  { id: 'adminUsers', area: 'admin', path: '/admin/users', titleKey: 'admin.users.title', roles: ['clinic_admin'] },
  { id: 'adminUserNew', area: 'admin', path: '/admin/users/new', titleKey: 'admin.userNew.title', roles: ['clinic_admin'] },
  { id: 'adminUser', area: 'admin', path: '/admin/users/:userId', titleKey: 'admin.user.title', roles: ['clinic_admin'] },
  { id: 'adminPharmacies', area: 'admin', path: '/admin/pharmacies', titleKey: 'admin.pharmacies.title', roles: ['clinic_admin'] },
  { id: 'adminPharmacy', area: 'admin', path: '/admin/pharmacies/:pharmacyId', titleKey: 'admin.pharmacy.title', roles: ['clinic_admin'] },
  { id: 'adminAudit', area: 'admin', path: '/admin/audit', titleKey: 'admin.audit.title', roles: ['clinic_admin'] },
] as const satisfies readonly ScreenDefinition[];

export type AdminScreenId = (typeof adminScreens)[number]['id'];
