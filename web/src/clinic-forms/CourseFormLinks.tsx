import { AppLink } from '../components/AppLink.js';
import { t, type PlainMessageKey } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import type { ClinicFormScreenId } from './ClinicFormScreen.js';

const COURSE_FORMS: readonly { readonly id: Exclude<ClinicFormScreenId, 'enrollPatient'>; readonly nameKey: PlainMessageKey }[] = [
  { id: 'recordEvent', nameKey: 'cf.event.title' },
  { id: 'prescribe', nameKey: 'cf.prescribe.title' },
  { id: 'issueAuthorization', nameKey: 'cf.authorize.title' },
  { id: 'recordLab', nameKey: 'cf.lab.title' },
  { id: 'recordPhq9', nameKey: 'cf.phq9.title' },
  { id: 'recordGrading', nameKey: 'cf.grading.title' },
  { id: 'changeCourseStatus', nameKey: 'cf.status.title' },
];

/**
 * Links from a course to each of its forms: the chart's actions (and anything else that shows a
 * course) render this; `closed` hides the forms a closed course cannot take.
 */
export function CourseFormLinks({ courseId, closed = false }: { readonly courseId: string; readonly closed?: boolean }) {
  if (closed) return null;
  return (
    <nav className="course-form-links" aria-labelledby="course-form-links-title" data-testid="course-form-links">
      <h2 id="course-form-links-title" className="section-title">
        {t('cf.actions.heading')}
      </h2>
      <ul>
        {COURSE_FORMS.map((form) => (
          <li key={form.id}>
            <AppLink to={screenPath(form.id, { courseId })}>{t(form.nameKey)}</AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
