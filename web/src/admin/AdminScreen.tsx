import { AdminHome } from '../homes/AdminHome.js';
import type { AreaScreenProps } from '../routing/screen-props.js';
import type { AdminScreenId } from '../routing/screens-admin.js';

/**
 * The administration area's screens, by id (routing/screens-admin.ts lists their addresses). One
 * screen so far; with a second, this becomes an exhaustive switch like ClinicScreen's.
 */
export function AdminScreen(props: AreaScreenProps<AdminScreenId>) {
  props.id satisfies 'adminHome';
  return <AdminHome user={props.user} />;
}
