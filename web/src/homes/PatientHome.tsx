import { nextStepsSchema } from '../../../src/contracts/worklist.js';
import type { SessionUser } from '../api/auth-api.js';
import { parserFor } from '../api/parse.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import { t } from '../i18n/t.js';
import { CrisisHelp } from '../learn/CrisisHelp.js';
import { DoseLog } from '../patient/DoseLog.js';
import { DownloadData } from '../patient/DownloadData.js';
import { openCourseId, useOwnCourse } from '../patient/own-course.js';
import { browserToday } from '../patient/patient-dates.js';
import { ThisMonth } from '../patient/ThisMonth.js';
import { LEARN_PATH, screenById } from '../routing/routes.js';
import { SignedInAs, ToolList } from './HomeParts.js';

/**
 * The patient's home: "this month" first (tasks and deadlines), today's dose, the check-ins and
 * progress, where to get help now, and the download of all their data.
 */
export function PatientHome({ user }: { readonly user: SessionUser }) {
  const steps = useApiQuery('/api/me/next-steps', parserFor(nextStepsSchema));
  const own = useOwnCourse();
  return (
    <>
      <PageTitle>{t('role.patient.name')}</PageTitle>
      <SignedInAs user={user} />
      <LoadState query={steps} testId="next-steps">
        {(next) => (
          <LoadState query={own} testId="own-course">
            {(course) => {
              const today = next.today ?? browserToday(new Date());
              const courseId = openCourseId(course);
              return (
                <>
                  <ThisMonth steps={next} own={course} today={today} />
                  {courseId === undefined ? null : <DoseLog courseId={courseId} today={today} />}
                  <ToolList
                    tools={[
                      { to: screenById('patientProgress').path, nameKey: 'patient.progress.title', summaryKey: 'patient.progress.summary' },
                      { to: screenById('symptomCheck').path, nameKey: 'symptoms.title', summaryKey: 'home.patient.symptomsSummary' },
                      { to: screenById('moodCheck').path, nameKey: 'phq9.title', summaryKey: 'home.patient.moodSummary' },
                      { to: LEARN_PATH, nameKey: 'home.learnTool', summaryKey: 'home.patient.learnSummary' },
                    ]}
                  />
                  <CrisisHelp headingLevel={2} testId="patient-crisis-help" />
                  <DownloadData today={today} />
                </>
              );
            }}
          </LoadState>
        )}
      </LoadState>
    </>
  );
}
