import { ClinicFormScreen, isClinicFormScreen } from '../clinic-forms/ClinicFormScreen.js';
import { DoseCalculatorPage } from '../dosing/DoseCalculatorPage.js';
import { ClinicHome } from '../homes/ClinicHome.js';
import type { AreaScreenProps } from '../routing/screen-props.js';
import type { ClinicScreenId } from '../routing/screens-clinic.js';
import { ChartPage } from './ChartPage.js';
import { WorklistPage } from './WorklistPage.js';

/** The clinic area's screens, by id (routing/screens-clinic.ts lists their addresses and roles). */
export function ClinicScreen(props: AreaScreenProps<ClinicScreenId>) {
  if (isClinicFormScreen(props.id)) return <ClinicFormScreen {...props} id={props.id} />;
  switch (props.id) {
    case 'clinicHome':
      return <ClinicHome user={props.user} />;
    case 'doseCalculator':
      return <DoseCalculatorPage />;
    case 'clinicWorklist':
      return <WorklistPage user={props.user} />;
    case 'clinicChart':
      // a new course is a new chart: nothing of the previous one's state is kept
      return <ChartPage key={props.params.courseId} courseId={props.params.courseId ?? ''} user={props.user} />;
    default: {
      const unreachable: never = props.id;
      return unreachable;
    }
  }
}
