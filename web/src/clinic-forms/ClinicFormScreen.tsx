import type { AreaScreenProps } from '../routing/screen-props.js';
import type { ClinicScreenId } from '../routing/screens-clinic.js';
import { AuthorizePage } from './AuthorizePage.js';
import { RecordGradingPage, RecordLabPage, RecordPhq9Page } from './ClinicalRecordPages.js';
import { EnrollPage } from './EnrollPage.js';
import { PrescribePage } from './PrescribePage.js';
import { RecordEventPage } from './RecordEventPage.js';
import { StatusPage } from './StatusPage.js';

const FORM_SCREENS = ['enrollPatient', 'recordEvent', 'prescribe', 'issueAuthorization', 'recordLab', 'recordPhq9', 'recordGrading', 'changeCourseStatus'] as const satisfies readonly ClinicScreenId[];
export type ClinicFormScreenId = (typeof FORM_SCREENS)[number];

export function isClinicFormScreen(id: ClinicScreenId): id is ClinicFormScreenId {
  return (FORM_SCREENS as readonly string[]).includes(id);
}

/** The clinic's forms, by screen id (their own switch, so the clinic area's switch stays small). */
export function ClinicFormScreen({ id, params, user }: AreaScreenProps<ClinicFormScreenId>) {
  const courseId = params.courseId ?? '';
  switch (id) {
    case 'enrollPatient':
      return <EnrollPage user={user} />;
    case 'recordEvent':
      return <RecordEventPage courseId={courseId} user={user} />;
    case 'prescribe':
      return <PrescribePage courseId={courseId} user={user} />;
    case 'issueAuthorization':
      return <AuthorizePage courseId={courseId} />;
    case 'recordLab':
      return <RecordLabPage courseId={courseId} user={user} />;
    case 'recordPhq9':
      return <RecordPhq9Page courseId={courseId} user={user} />;
    case 'recordGrading':
      return <RecordGradingPage courseId={courseId} user={user} />;
    case 'changeCourseStatus':
      return <StatusPage courseId={courseId} />;
    default: {
      const unreachable: never = id;
      return unreachable;
    }
  }
}
