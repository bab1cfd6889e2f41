import { DoseCalculatorPage } from '../dosing/DoseCalculatorPage.js';
import { ClinicHome } from '../homes/ClinicHome.js';
import type { AreaScreenProps } from '../routing/screen-props.js';
import type { ClinicScreenId } from '../routing/screens-clinic.js';

/** The clinic area's screens, by id (routing/screens-clinic.ts lists their addresses and roles). */
export function ClinicScreen(props: AreaScreenProps<ClinicScreenId>) {
  switch (props.id) {
    case 'clinicHome':
      return <ClinicHome user={props.user} />;
    case 'doseCalculator':
      return <DoseCalculatorPage />;
    default: {
      const unreachable: never = props.id;
      return unreachable;
    }
  }
}
