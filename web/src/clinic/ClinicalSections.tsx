import { LoadState } from '../components/LoadState.js';
import { formatLongDate, formatNumber } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import type { Query } from '../api/use-api-query.js';
import { courseApiPath, type ChartFacts, type ClinicalFact, type PhotoList } from './chart-data.js';
import { ChartSection } from './ChartSection.js';
import { flaggedFacts, labSeries, phq9Rows, type LabSeries, type Trend } from './clinical-summaries.js';
import { alertText, bandText, factKindText, gradeText, symptomActionText } from './course-words.js';

const day = (instant: string): string => formatLongDate(instant.slice(0, 10));

const TREND_KEYS = { first: 'chart.labs.trend.first', up: 'chart.labs.trend.up', down: 'chart.labs.trend.down', same: 'chart.labs.trend.same' } as const satisfies Record<Trend, string>;

function valueText(value: number | null, valueText: string | null, unit: string | null): string {
  if (value === null) return valueText ?? '—';
  return unit === null || unit.startsWith('{') ? formatNumber(value) : `${formatNumber(value)} ${unit}`;
}

/** Open red flags of the course as its facts record them: urgent and soon alerts, most urgent first. */
export function FlagsSection({ facts }: { readonly facts: ChartFacts }) {
  const queries = [facts.labs, facts.phq9, facts.symptoms];
  const ready = queries.flatMap((q) => (q.state.status === 'ready' ? q.state.data.facts : []));
  const loading = queries.some((q) => q.state.status === 'loading');
  const flagged = flaggedFacts(ready);
  return (
    <ChartSection id="chart-flags" title={t('chart.flags.heading')} testId="chart-flags">
      {loading ? (
        <p className="notice notice--quiet" role="status">
          {t('load.loading')}
        </p>
      ) : flagged.length === 0 ? (
        <p>{t('chart.flags.none')}</p>
      ) : (
        <ul className="flag-list">
          {flagged.map((fact) => (
            <li key={fact.id} className={fact.alert === 'urgent' ? 'flag' : 'flag flag--soon'}>
              <strong className="flag__label">{alertText(fact.alert)}</strong> {t('chart.flags.item', { what: factKindText(fact.kind), name: fact.code.display, date: day(fact.occurredAt) })}
            </li>
          ))}
        </ul>
      )}
    </ChartSection>
  );
}

function LabTable({ series }: { readonly series: LabSeries }) {
  return (
    <div className="lab-series" data-testid="chart-lab-series">
      <h3 className="lab-series__title">{series.display}</h3>
      <p className="lab-series__trend">
        {t(TREND_KEYS[series.trend])} <span className="rule-id">LOINC {series.code}</span>
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('chart.labs.tableLabel', { name: series.display })}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('chart.labs.date')}</th>
              <th scope="col">{t('chart.labs.value')}</th>
              <th scope="col">{t('chart.labs.upperLimit')}</th>
              <th scope="col">{t('chart.labs.grade')}</th>
            </tr>
          </thead>
          <tbody>
            {series.readings.map((r) => (
              <tr key={r.id}>
                <td>{day(r.at)}</td>
                <td>{valueText(r.value, r.valueText, r.unit)}</td>
                <td>{r.upperLimit === null ? '—' : valueText(r.upperLimit, null, r.unit)}</td>
                <td>
                  <span className={r.grade !== null && r.grade >= 3 ? 'grade grade--high' : 'grade'}>{gradeText(r.grade)}</span>
                  {r.criterion === undefined ? null : <span className="grade__criterion"> ({r.criterion})</span>}
                  {r.actions.length === 0 ? null : <span className="grade__actions"> {t('chart.labs.suggested', { actions: r.actions.join('; ') })}</span>}
                  {r.ruleIds.length === 0 ? null : <span className="rule-id"> {r.ruleIds.map((id) => t('rule.id', { id })).join(', ')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function FactRows({ facts, testId }: { readonly facts: readonly ClinicalFact[]; readonly testId: string }) {
  return (
    <ul className="fact-list" data-testid={testId}>
      {[...facts]
        .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
        .map((fact) => (
          <li key={fact.id} className="fact">
            <span className="fact__date">{day(fact.occurredAt)}:</span> {fact.code.display}
            {fact.value === null && fact.valueText === null ? null : <>, {valueText(fact.value, fact.valueText, fact.unit)}</>}
            {fact.valueText !== null && fact.value !== null ? <> ({fact.valueText})</> : null}
            {fact.alert === null ? null : <strong className="fact__alert"> {alertText(fact.alert)}</strong>}
          </li>
        ))}
    </ul>
  );
}

/** Labs, PHQ-9, symptoms and gradings, each its own section with its own loading state. */
export function ClinicalSections({ facts }: { readonly facts: ChartFacts }) {
  return (
    <>
      <ChartSection id="chart-labs" title={t('chart.labs.heading')} testId="chart-labs">
        <LoadState query={facts.labs} testId="chart-labs">
          {({ facts: labs }) => (labs.length === 0 ? <p>{t('chart.labs.none')}</p> : labSeries(labs).map((series) => <LabTable key={series.code} series={series} />))}
        </LoadState>
      </ChartSection>
      <ChartSection id="chart-phq9" title={t('chart.phq9.heading')} testId="chart-phq9">
        <LoadState query={facts.phq9} testId="chart-phq9">
          {({ facts: responses }) =>
            responses.length === 0 ? (
              <p>{t('chart.phq9.none')}</p>
            ) : (
              <div className="table-scroll" tabIndex={0} role="region" aria-label={t('chart.phq9.heading')}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('chart.labs.date')}</th>
                      <th scope="col">{t('chart.phq9.total')}</th>
                      <th scope="col">{t('chart.phq9.band')}</th>
                      <th scope="col">{t('chart.phq9.item9')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {phq9Rows(responses).map((row) => (
                      <tr key={row.id}>
                        <td>{day(row.at)}</td>
                        <td>{row.total === null ? '—' : t(row.complete ? 'chart.phq9.totalValue' : 'chart.phq9.totalIncomplete', { total: row.total })}</td>
                        <td>{row.band === undefined ? '—' : bandText(row.band)}</td>
                        <td>
                          {row.item9 !== null && row.item9 > 0 ? (
                            <strong className="flag__label">{t('chart.phq9.item9Flag', { score: row.item9 })}</strong>
                          ) : row.item9 === null ? (
                            t('chart.phq9.item9Unanswered')
                          ) : (
                            t('chart.phq9.item9None')
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </LoadState>
      </ChartSection>
      <ChartSection id="chart-symptoms" title={t('chart.symptoms.heading')} testId="chart-symptoms">
        <LoadState query={facts.symptoms} testId="chart-symptoms">
          {({ facts: reports }) =>
            reports.length === 0 ? (
              <p>{t('chart.symptoms.none')}</p>
            ) : (
              <ul className="fact-list">
                {[...reports]
                  .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
                  .map((report) => (
                    <li key={report.id} className="fact">
                      <span className="fact__date">{day(report.occurredAt)}:</span> {symptomActionText(report.valueText)}
                      {report.recordedByRole === 'patient' ? <> {t('chart.symptoms.byPatient')}</> : null}
                    </li>
                  ))}
              </ul>
            )
          }
        </LoadState>
      </ChartSection>
      <ChartSection id="chart-gradings" title={t('chart.gradings.heading')} testId="chart-gradings">
        <LoadState query={facts.gradings} testId="chart-gradings">
          {({ facts: gradings }) => (gradings.length === 0 ? <p>{t('chart.gradings.none')}</p> : <FactRows facts={gradings} testId="chart-grading-list" />)}
        </LoadState>
      </ChartSection>
    </>
  );
}

/** The progress photos: when and where each was taken, each opening on its own (every view is audited). */
export function PhotosSection({ courseId, photos }: { readonly courseId: string; readonly photos: Query<PhotoList> }) {
  return (
    <ChartSection id="chart-photos" title={t('chart.photos.heading')} testId="chart-photos">
      <LoadState query={photos} testId="chart-photos">
        {({ photos: list }) =>
          list.length === 0 ? (
            <p>{t('chart.photos.none')}</p>
          ) : (
            <ul className="fact-list">
              {list.map((photo) => (
                <li key={photo.id} className="fact">
                  <a href={courseApiPath(courseId, `photos/${encodeURIComponent(photo.id)}`)} target="_blank" rel="noopener">
                    {t('chart.photos.open', { date: photo.takenOn === null ? day(photo.recordedAt) : formatLongDate(photo.takenOn) })}
                  </a>
                  {photo.bodySite === null ? null : <>, {photo.bodySite}</>}
                  {photo.caption === null ? null : <>: {photo.caption}</>}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </ChartSection>
  );
}
