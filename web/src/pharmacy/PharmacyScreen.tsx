import { PharmacyHome } from '../homes/PharmacyHome.js';
import type { AreaScreenProps } from '../routing/screen-props.js';
import type { PharmacyScreenId } from '../routing/screens-pharmacy.js';
import { LookupPage } from './LookupPage.js';
import { ReversePage } from './ReversePage.js';
import { WorklistPage } from './WorklistPage.js';

/** The pharmacy area's screens, by id (routing/screens-pharmacy.ts lists their addresses). */
export function PharmacyScreen(props: AreaScreenProps<PharmacyScreenId>) {
  switch (props.id) {
    case 'pharmacyHome':
      return <PharmacyHome user={props.user} />;
    case 'pharmacyLookup':
      return <LookupPage />;
    case 'pharmacyLookupNumber':
      // a new number is a new form (key), never the previous lookup's state
      return <LookupPage key={props.params.number} initialNumber={props.params.number} />;
    case 'pharmacyWorklist':
      return <WorklistPage />;
    case 'pharmacyReverse':
      return <ReversePage key={props.params.authorizationId} authorizationId={props.params.authorizationId ?? ''} />;
    default: {
      const unreachable: never = props.id;
      return unreachable;
    }
  }
}
