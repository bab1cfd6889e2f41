import { useState } from 'react';
import type { SessionUser } from '../api/auth-api.js';
import { useApiQuery } from '../api/use-api-query.js';
import { AppLink } from '../components/AppLink.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import { formatLongDate } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { chartActions } from './chart-actions.js';
import { courseApiPath, parseCourseDetail, parseCumulative, parseFactList, parsePhotoList, type ChartFacts, type CourseDetail } from './chart-data.js';
import { ChartSection } from './ChartSection.js';
import { ClinicalSections, FlagsSection, PhotosSection } from './ClinicalSections.js';
import { riskText, statusText } from './course-words.js';
import { DecisionPanel, PlannerPanel } from './DecisionPanel.js';
import { DosePanel } from './DosePanel.js';
import { buildTimeline } from './timeline.js';

/** The chart's sections, in page order, for the table of contents. */
const SECTIONS = [
  { id: 'chart-flags', key: 'chart.flags.heading' },
  { id: 'chart-decision', key: 'chart.decision.heading' },
  { id: 'chart-planner', key: 'chart.planner.heading' },
  { id: 'chart-dose', key: 'chart.dose.heading' },
  { id: 'chart-labs', key: 'chart.labs.heading' },
  { id: 'chart-phq9', key: 'chart.phq9.heading' },
  { id: 'chart-symptoms', key: 'chart.symptoms.heading' },
  { id: 'chart-gradings', key: 'chart.gradings.heading' },
  { id: 'chart-photos', key: 'chart.photos.heading' },
  { id: 'chart-timeline', key: 'chart.timeline.heading' },
] as const;

function dayOfEvent(detail: CourseDetail, kind: string): string | undefined {
  const event = detail.events.find((e) => e.kind === kind);
  if (event === undefined) return undefined;
  const payload = event.payload;
  if (typeof payload === 'object' && payload !== null && 'on' in payload && typeof payload.on === 'string') return payload.on;
  return event.occurredAt.slice(0, 10);
}

function ChartHeader({ detail }: { readonly detail: CourseDetail }) {
  const { course, patient } = detail;
  const dates: ReadonlyArray<[string, string | undefined]> = [
    [t('chart.header.started'), dayOfEvent(detail, 'course_started')],
    [t('chart.header.firstDose'), dayOfEvent(detail, 'first_dose')],
    [t('chart.header.lastDose'), dayOfEvent(detail, 'last_dose')],
    [t('chart.header.stopped'), dayOfEvent(detail, 'course_stopped')],
  ];
  return (
    <dl className="figures chart-header" data-testid="chart-header">
      <div className="figures__item figures__item--main">
        <dt>{t('chart.header.status')}</dt>
        <dd>
          <span className={`status status--${course.status}`} data-testid="chart-status">
            {statusText(course.status)}
          </span>
        </dd>
      </div>
      <div className="figures__item">
        <dt>{t('chart.header.risk')}</dt>
        <dd data-testid="chart-risk">{patient.riskCategory === null ? t('chart.header.riskNotRecorded') : riskText(patient.riskCategory)}</dd>
      </div>
      <div className="figures__item">
        <dt>{t('chart.header.product')}</dt>
        <dd>{course.product ?? t('chart.noProduct')}</dd>
      </div>
      <div className="figures__item">
        <dt>{t('chart.header.course')}</dt>
        <dd>{t('chart.header.courseValue', { sequence: course.sequence, target: course.targetMgPerKg ?? '—' })}</dd>
      </div>
      <div className="figures__item">
        <dt>{t('chart.header.birthDate')}</dt>
        <dd>{patient.birthDate === null ? t('chart.unknown') : formatLongDate(patient.birthDate)}</dd>
      </div>
      {dates.map(([label, day]) =>
        day === undefined ? null : (
          <div className="figures__item" key={label}>
            <dt>{label}</dt>
            <dd>{formatLongDate(day)}</dd>
          </div>
        ),
      )}
      {course.stopReason === null ? null : (
        <div className="figures__item">
          <dt>{t('chart.header.stopReason')}</dt>
          <dd>{course.stopReason}</dd>
        </div>
      )}
    </dl>
  );
}

function Timeline({ detail }: { readonly detail: CourseDetail }) {
  const entries = buildTimeline(detail);
  if (entries.length === 0) return <p>{t('chart.timeline.empty')}</p>;
  return (
    <ol className="timeline" data-testid="chart-timeline">
      {entries.map((entry) => (
        <li key={entry.id} className={`timeline__entry timeline__entry--${entry.category}`}>
          <p className="timeline__day">{formatLongDate(entry.day)}</p>
          <p className="timeline__title">{entry.title}</p>
          {entry.detail === undefined ? null : <p className="timeline__detail">{entry.detail}</p>}
        </li>
      ))}
    </ol>
  );
}

function Contents({ withActions }: { readonly withActions: boolean }) {
  return (
    <nav className="chart-contents" aria-labelledby="chart-contents-heading">
      <h2 id="chart-contents-heading" className="chart-contents__title">
        {t('chart.contents')}
      </h2>
      <ul className="chart-contents__list">
        {withActions ? (
          <li>
            <a href="#chart-actions">{t('chart.actions.heading')}</a>
          </li>
        ) : null}
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{t(section.key)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A patient's chart: the course at a glance, what the programme allows now and why, a pickup
 * planner, the dose and the cumulative dose toward the target, labs with grades and trends, PHQ-9
 * history, symptoms, gradings and the whole course timeline. Every read starts at once.
 */
export function ChartPage({ courseId, user }: { readonly courseId: string; readonly user: SessionUser }) {
  // a change made from the chart (an action) reads everything again
  const [generation, setGeneration] = useState(0);
  const reload = (): void => {
    setGeneration((n) => n + 1);
  };
  return <ChartContent key={generation} courseId={courseId} user={user} reload={reload} />;
}

function ChartContent({ courseId, user, reload }: { readonly courseId: string; readonly user: SessionUser; readonly reload: () => void }) {
  // every read starts now, side by side; each section shows its own loading state
  const detailQuery = useApiQuery(courseApiPath(courseId), parseCourseDetail);
  const facts: ChartFacts = {
    labs: useApiQuery(courseApiPath(courseId, 'labs'), parseFactList),
    phq9: useApiQuery(courseApiPath(courseId, 'phq9'), parseFactList),
    symptoms: useApiQuery(courseApiPath(courseId, 'symptoms'), parseFactList),
    gradings: useApiQuery(courseApiPath(courseId, 'gradings'), parseFactList),
    doses: useApiQuery(courseApiPath(courseId, 'doses'), parseFactList),
  };
  const cumulative = useApiQuery(courseApiPath(courseId, 'cumulative-dose'), parseCumulative);
  const photos = useApiQuery(courseApiPath(courseId, 'photos'), parsePhotoList);
  const title = detailQuery.state.status === 'ready' ? detailQuery.state.data.patient.displayName : t('chart.title');
  return (
    <>
      <p className="chart-back">
        <AppLink to={screenPath('clinicWorklist')}>{t('chart.backToWorklist')}</AppLink>
      </p>
      <PageTitle>{title}</PageTitle>
      <LoadState query={detailQuery} testId="chart">
        {(detail) => {
          const actions = chartActions.filter((action) => action.applies({ detail, user }));
          return (
            <>
              <ChartHeader detail={detail} />
              <Contents withActions={actions.length > 0} />
              {actions.length === 0 ? null : (
                <ChartSection id="chart-actions" title={t('chart.actions.heading')} testId="chart-actions">
                  <ul className="chart-actions">
                    {actions.map(({ id, Component }) => (
                      <li key={id}>
                        <Component detail={detail} user={user} reload={reload} />
                      </li>
                    ))}
                  </ul>
                </ChartSection>
              )}
              <FlagsSection facts={facts} />
              <DecisionPanel detail={detail} />
              <PlannerPanel detail={detail} />
              <DosePanel detail={detail} doses={facts.doses} cumulative={cumulative} />
              <ClinicalSections facts={facts} />
              <PhotosSection courseId={courseId} photos={photos} />
              <ChartSection id="chart-timeline" title={t('chart.timeline.heading')}>
                <Timeline detail={detail} />
              </ChartSection>
            </>
          );
        }}
      </LoadState>
    </>
  );
}
