import { AdminHome } from '../homes/AdminHome.js';
import type { AreaScreenProps } from '../routing/screen-props.js';
import type { AdminScreenId } from '../routing/screens-admin.js';
import { AuditPage } from './AuditPage.js';
import { ClinicSettingsPage } from './ClinicSettingsPage.js';
import { PharmaciesPage } from './PharmaciesPage.js';
import { PharmacyPage } from './PharmacyPage.js';
import { UserNewPage } from './UserNewPage.js';
import { UserPage } from './UserPage.js';
import { UsersPage } from './UsersPage.js';

/** The administration area's screens, by id (routing/screens-admin.ts lists their addresses). */
export function AdminScreen(props: AreaScreenProps<AdminScreenId>) {
  switch (props.id) {
    case 'adminHome':
      return <AdminHome user={props.user} />;
    case 'adminClinic':
      return <ClinicSettingsPage />;
    case 'adminUsers':
      return <UsersPage />;
    case 'adminUserNew':
      return <UserNewPage />;
    case 'adminUser':
      return <UserPage key={props.params.userId} userId={props.params.userId ?? ''} />;
    case 'adminPharmacies':
      return <PharmaciesPage />;
    case 'adminPharmacy':
      return <PharmacyPage key={props.params.pharmacyId} pharmacyId={props.params.pharmacyId ?? ''} />;
    case 'adminAudit':
      return <AuditPage />;
    default: {
      const unreachable: never = props.id;
      return unreachable;
    }
  }
}
