import { cumulativeDoseSchema, factListSchema } from '../../../src/contracts/clinical-views.js';
import type { z } from 'zod';
import { parserFor } from '../api/parse.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import { formatNumber } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import { monthCounts } from './dose-log.js';
import { useOwnCourse } from './own-course.js';
import { browserToday, formatPatientDate } from './patient-dates.js';
import { progressPercent } from './progress.js';

type Cumulative = z.output<typeof cumulativeDoseSchema>;

/** A bar of the total dose against the target, in plain SVG; the sentence above it says the same. */
function CumulativeBar({ cumulative }: { readonly cumulative: Cumulative }) {
  const percent = progressPercent(cumulative.totalMg, cumulative.target?.targetMg);
  const width = 300;
  const filled = Math.round((Math.min(percent, 100) / 100) * width);
  return (
    <svg className="progress-chart" viewBox={`0 0 ${String(width)} 40`} role="img" aria-label={t('patient.progress.chartLabel')} data-testid="cumulative-chart">
      <title>{t('patient.progress.chartAxis', { percent })}</title>
      <rect className="progress-chart__track" x="0" y="4" width={width} height="20" rx="4" />
      <rect className="progress-chart__fill" x="0" y="4" width={filled} height="20" rx="4" />
      <text className="progress-chart__label" x="0" y="38">
        {t('patient.progress.chartAxis', { percent })}
      </text>
    </svg>
  );
}

function CumulativeSection({ courseId }: { readonly courseId: string }) {
  const cumulative = useApiQuery(`/api/courses/${courseId}/cumulative-dose`, parserFor(cumulativeDoseSchema));
  return (
    <section className="home-section" aria-labelledby="cumulative-heading" data-testid="progress-cumulative">
      <h2 id="cumulative-heading" className="section-title">
        {t('patient.progress.cumulativeTitle')}
      </h2>
      <LoadState query={cumulative} testId="cumulative">
        {(c) => (
          <>
            <p data-testid="cumulative-text">{t('patient.progress.cumulativeText', { mg: formatNumber(c.totalMg), mgPerKg: formatNumber(c.mgPerKg, 1) })}</p>
            {c.target === null ? (
              <p>{t('patient.progress.noTarget')}</p>
            ) : c.target.reached ? (
              <p>{t('patient.progress.targetReached', { target: formatNumber(c.target.targetMgPerKg) })}</p>
            ) : (
              <p data-testid="target-text">
                {t('patient.progress.targetText', {
                  target: formatNumber(c.target.targetMgPerKg),
                  targetMg: formatNumber(c.target.targetMg),
                  percent: progressPercent(c.totalMg, c.target.targetMg),
                  remaining: formatNumber(c.target.remainingMg),
                })}
              </p>
            )}
            {c.target === null ? null : <CumulativeBar cumulative={c} />}
          </>
        )}
      </LoadState>
    </section>
  );
}

function MonthSection({ courseId, today }: { readonly courseId: string; readonly today: string }) {
  const doses = useApiQuery(`/api/courses/${courseId}/doses`, parserFor(factListSchema));
  return (
    <section className="home-section" aria-labelledby="month-doses-heading" data-testid="progress-month">
      <h2 id="month-doses-heading" className="section-title">
        {t('patient.progress.monthTitle')}
      </h2>
      <LoadState query={doses} testId="month-doses">
        {(list) => {
          const counts = monthCounts(list.facts, today);
          return <p data-testid="month-counts">{t('patient.progress.monthText', { taken: counts.taken, missed: counts.missed })}</p>;
        }}
      </LoadState>
    </section>
  );
}

function MoodSection({ courseId, today }: { readonly courseId: string; readonly today: string }) {
  const phq9 = useApiQuery(`/api/courses/${courseId}/phq9`, parserFor(factListSchema));
  return (
    <section className="home-section" aria-labelledby="mood-history-heading" data-testid="progress-mood">
      <h2 id="mood-history-heading" className="section-title">
        {t('patient.progress.moodTitle')}
      </h2>
      <LoadState query={phq9} testId="mood-history">
        {(list) =>
          list.facts.length === 0 ? (
            <p>{t('patient.progress.moodNone')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table" data-testid="mood-table">
                <thead>
                  <tr>
                    <th scope="col">{t('patient.progress.moodDate')}</th>
                    <th scope="col">{t('patient.progress.moodScore')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.facts.map((fact) => (
                    <tr key={fact.id}>
                      <td>{formatPatientDate(fact.occurredAt.slice(0, 10), today)}</td>
                      <td>{fact.valueText === 'incomplete' || fact.value === null ? t('patient.progress.moodIncomplete') : formatNumber(fact.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadState>
    </section>
  );
}

/** The patient's progress: total dose toward the target, this month's doses, mood check-ins. */
export function ProgressPage() {
  const own = useOwnCourse();
  const today = browserToday(new Date());
  return (
    <>
      <PageTitle>{t('patient.progress.title')}</PageTitle>
      <p className="lead">{t('patient.progress.summary')}</p>
      <LoadState query={own} testId="own-course">
        {(course) =>
          course.course === null ? (
            <p>{t('patient.progress.noCourse')}</p>
          ) : (
            <>
              <CumulativeSection courseId={course.course.id} />
              <MonthSection courseId={course.course.id} today={today} />
              <MoodSection courseId={course.course.id} today={today} />
            </>
          )
        }
      </LoadState>
    </>
  );
}
