import type { FunctionComponent } from 'react';
import type { SessionUser } from '../api/auth-api.js';
import { AppLink } from '../components/AppLink.js';
import { t, type PlainMessageKey } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { awaitingAuthorization } from './authorize-form.js';
import type { ClinicFormScreenId } from './ClinicFormScreen.js';
import type { CourseDetail } from './FormParts.js';

interface ActionProps {
  readonly detail: CourseDetail;
  readonly user: SessionUser;
}

const OPEN = new Set(['qualifying', 'active', 'paused']);
const ACTS = new Set(['prescriber', 'designee']);

interface FormAction {
  readonly id: string;
  readonly applies: (props: ActionProps) => boolean;
  readonly Component: FunctionComponent<ActionProps>;
}

/** A link to one of the course's forms, for prescribers and designees while the course is open. */
function formLink(
  actionId: string,
  id: Exclude<ClinicFormScreenId, 'enrollPatient'>,
  nameKey: PlainMessageKey,
  when: (detail: CourseDetail) => boolean = () => true,
): FormAction {
  function FormLink({ detail }: ActionProps) {
    return <AppLink to={screenPath(id, { courseId: detail.course.id })}>{t(nameKey)}</AppLink>;
  }
  FormLink.displayName = `FormLink(${id})`;
  return {
    id: actionId,
    applies: ({ detail, user }) => ACTS.has(user.role) && OPEN.has(detail.course.status) && when(detail),
    Component: FormLink,
  };
}

/**
 * The clinic forms' entries for the chart's actions (web/src/clinic/chart-actions.tsx), in the
 * order of a month's work: record, prescribe, authorize (when a prescription waits for one), the
 * clinical records, then the course's status.
 */
export const clinicFormActions: readonly FormAction[] = [
  formLink('record-event', 'recordEvent', 'cf.event.title'),
  formLink('prescribe', 'prescribe', 'cf.prescribe.title', (d) => d.course.status !== 'paused'),
  formLink('authorize', 'issueAuthorization', 'cf.authorize.title', (d) => d.course.status !== 'paused' && awaitingAuthorization(d).length > 0),
  formLink('lab', 'recordLab', 'cf.lab.title'),
  formLink('phq9', 'recordPhq9', 'cf.phq9.title'),
  formLink('grading', 'recordGrading', 'cf.grading.title'),
  formLink('status', 'changeCourseStatus', 'cf.status.title'),
];
