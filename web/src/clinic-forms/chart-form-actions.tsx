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

/** A link to one of the course's forms, shown to prescribers and designees while the course is open. */
function formLink(id: Exclude<ClinicFormScreenId, 'enrollPatient'>, nameKey: PlainMessageKey, applies: (detail: CourseDetail) => boolean = () => true): FunctionComponent<ActionProps> {
  function FormLink({ detail, user }: ActionProps) {
    if (!ACTS.has(user.role) || !OPEN.has(detail.course.status) || !applies(detail)) return null;
    return <AppLink to={screenPath(id, { courseId: detail.course.id })}>{t(nameKey)}</AppLink>;
  }
  FormLink.displayName = `FormLink(${id})`;
  return FormLink;
}

/**
 * The clinic forms' entries for the chart's actions (web/src/clinic/chart-actions.tsx), in the
 * order of a month's work: record, prescribe, authorize (when a prescription waits for one), the
 * clinical records, then the course's status.
 */
export const clinicFormActions: readonly { readonly id: string; readonly Component: FunctionComponent<ActionProps> }[] = [
  { id: 'record-event', Component: formLink('recordEvent', 'cf.event.title') },
  { id: 'prescribe', Component: formLink('prescribe', 'cf.prescribe.title', (d) => d.course.status !== 'paused') },
  { id: 'authorize', Component: formLink('issueAuthorization', 'cf.authorize.title', (d) => d.course.status !== 'paused' && awaitingAuthorization(d).length > 0) },
  { id: 'lab', Component: formLink('recordLab', 'cf.lab.title') },
  { id: 'phq9', Component: formLink('recordPhq9', 'cf.phq9.title') },
  { id: 'grading', Component: formLink('recordGrading', 'cf.grading.title') },
  { id: 'status', Component: formLink('changeCourseStatus', 'cf.status.title') },
];
