import { PharmacyHome } from '../homes/PharmacyHome.js';
import type { AreaScreenProps } from '../routing/screen-props.js';
import type { PharmacyScreenId } from '../routing/screens-pharmacy.js';

/**
 * The pharmacy area's screens, by id (routing/screens-pharmacy.ts lists their addresses). One
 * screen so far; with a second, this becomes an exhaustive switch like ClinicScreen's.
 */
export function PharmacyScreen(props: AreaScreenProps<PharmacyScreenId>) {
  props.id satisfies 'pharmacyHome';
  return <PharmacyHome user={props.user} />;
}
