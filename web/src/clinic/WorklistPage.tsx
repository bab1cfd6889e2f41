import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { z } from 'zod';
import { clinicWorklistSchema } from '../../../src/contracts/worklist.js';
import type { SessionUser } from '../api/auth-api.js';
import { parserFor } from '../api/parse.js';
import { useApiQuery } from '../api/use-api-query.js';
import { AppLink } from '../components/AppLink.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import { formatLongDate } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { navigate, useSearch } from '../routing/use-location.js';
import { statusText } from './course-words.js';
import { UnmetList, WorkItemList } from './WorkItems.js';
import {
  parseWorklistSearch,
  WORKLIST_FILTERS,
  WORKLIST_STATUSES,
  worklistApiPath,
  worklistSearch,
  type WorklistFilter,
  type WorklistQuery,
  type WorklistStatus,
} from './worklist-query.js';

type Worklist = z.output<typeof clinicWorklistSchema>;
type Entry = Worklist['items'][number];

const parseWorklist = parserFor(clinicWorklistSchema);
const WORKLIST_PATH = '/clinic/worklist';

const FILTER_KEYS = {
  due: 'worklist.filter.due',
  overdue: 'worklist.filter.overdue',
  blocked: 'worklist.filter.blocked',
  flagged: 'worklist.filter.flagged',
} as const satisfies Record<WorklistFilter, string>;

/** One checkbox or radio button with its label (the forms' radio styles). */
function Choice(props: { readonly type: 'checkbox' | 'radio'; readonly name: string; readonly value: string; readonly checked: boolean; readonly label: string; readonly onChange: (checked: boolean) => void }) {
  const id = `${props.name}-${props.value}`;
  return (
    <div className="radio">
      <input
        className="radio__input"
        type={props.type}
        id={id}
        name={props.name}
        value={props.value}
        checked={props.checked}
        onChange={(event) => {
          props.onChange(event.target.checked);
        }}
      />
      <label className="radio__label" htmlFor={id}>
        {props.label}
      </label>
    </div>
  );
}

/** The filters: a real form (checkboxes and radio buttons, one submit button) that writes the address. */
function WorklistFilters({ query }: { readonly query: WorklistQuery }) {
  const [statuses, setStatuses] = useState<readonly WorklistStatus[]>(query.statuses);
  const [filter, setFilter] = useState<WorklistFilter | 'all'>(query.filter ?? 'all');
  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    navigate(WORKLIST_PATH + worklistSearch({ statuses: WORKLIST_STATUSES.filter((s) => statuses.includes(s)), filter: filter === 'all' ? undefined : filter }));
  };
  return (
    <form className="worklist-filters" aria-labelledby="worklist-filters-heading" onSubmit={onSubmit} data-testid="worklist-filters">
      <h2 id="worklist-filters-heading" className="section-title">
        {t('worklist.filtersHeading')}
      </h2>
      <div className="worklist-filters__groups">
        <fieldset className="radio-group" aria-describedby="status-hint">
          <legend className="radio-group__legend">{t('worklist.statusLegend')}</legend>
          <p className="field__hint" id="status-hint">
            {t('worklist.statusHint')}
          </p>
          <div className="radio-group__options">
            {WORKLIST_STATUSES.map((status) => (
              <Choice
                key={status}
                type="checkbox"
                name="status"
                value={status}
                checked={statuses.includes(status)}
                label={statusText(status)}
                onChange={(checked) => {
                  setStatuses((previous) => (checked ? [...previous, status] : previous.filter((s) => s !== status)));
                }}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="radio-group">
          <legend className="radio-group__legend">{t('worklist.filterLegend')}</legend>
          <div className="radio-group__options">
            {(['all', ...WORKLIST_FILTERS] as const).map((value) => (
              <Choice
                key={value}
                type="radio"
                name="filter"
                value={value}
                checked={filter === value}
                label={value === 'all' ? t('worklist.filter.all') : t(FILTER_KEYS[value])}
                onChange={() => {
                  setFilter(value);
                }}
              />
            ))}
          </div>
        </fieldset>
      </div>
      <button type="submit" className="button">
        {t('worklist.apply')}
      </button>
    </form>
  );
}

function EntryCard({ entry }: { readonly entry: Entry }) {
  const flagged = entry.flags.length > 0;
  return (
    <li className={flagged ? 'worklist-entry worklist-entry--flagged' : 'worklist-entry'} data-testid="worklist-entry" data-patient={entry.patientName}>
      <h3 className="worklist-entry__name">
        <AppLink to={screenPath('clinicChart', { courseId: entry.courseId })}>{entry.patientName}</AppLink>
      </h3>
      <p className="worklist-entry__meta">
        <span className={`status status--${entry.status}`}>{statusText(entry.status)}</span>{' '}
        {t('worklist.courseMeta', { sequence: entry.sequence, product: entry.product ?? t('chart.noProduct') })}
      </p>
      {entry.flags.length === 0 ? null : (
        <ul className="flag-list" data-testid="worklist-flags">
          {entry.flags.map((flag) => (
            <li key={flag.taskId} className="flag">
              <strong className="flag__label">{t('worklist.redFlag')}</strong> {flag.text}{' '}
              <span className="flag__date">{t('worklist.flaggedOn', { date: formatLongDate(flag.createdAt.slice(0, 10)) })}</span>
            </li>
          ))}
        </ul>
      )}
      {entry.problem === null ? null : (
        <p className="notice notice--error" data-testid="worklist-problem">
          {t('worklist.problem', { message: entry.problem.message })}
        </p>
      )}
      <WorkItemList title={t('worklist.overdue')} items={entry.overdue} tone="overdue" testId="worklist-overdue" />
      <WorkItemList title={t('worklist.due')} items={entry.due} tone="due" testId="worklist-due" />
      {entry.blocked === null ? null : (
        <div className="work-group work-group--blocked" data-testid="worklist-blocked">
          <p className="work-group__title">{t('worklist.blocked')}</p>
          <UnmetList unmet={entry.blocked.unmet} />
        </div>
      )}
      <WorkItemList title={t('worklist.upcoming')} items={entry.upcoming} tone="upcoming" testId="worklist-upcoming" />
    </li>
  );
}

/** One page of the worklist; the last page read offers "Show more" when the server has more. */
function WorklistChunk({ apiPath, isLast, onMore, first }: { readonly apiPath: string; readonly isLast: boolean; readonly onMore: (cursor: string) => void; readonly first: boolean }) {
  const query = useApiQuery(apiPath, parseWorklist);
  // after "Show more", focus goes to the first course read (the button it was on is gone)
  const listRef = useRef<HTMLUListElement>(null);
  const ready = query.state.status === 'ready';
  useEffect(() => {
    if (!first && ready) listRef.current?.querySelector('a')?.focus();
  }, [first, ready]);
  return (
    <LoadState query={query} testId="worklist">
      {(page) => (
        <>
          {first ? (
            <p className="lead" data-testid="worklist-asof">
              {page.today === null ? t('worklist.asOfUnknown') : t('worklist.asOf', { date: formatLongDate(page.today) })}
            </p>
          ) : null}
          {first && page.items.length === 0 ? (
            <p className="notice" data-testid="worklist-empty">
              {t('worklist.empty')}
            </p>
          ) : null}
          <ul className="worklist" ref={listRef} aria-label={first ? t('worklist.listLabel') : t('worklist.moreListLabel')}>
            {page.items.map((entry) => (
              <EntryCard key={entry.courseId} entry={entry} />
            ))}
          </ul>
          {isLast && page.nextCursor !== null ? (
            <button
              type="button"
              className="button button--secondary"
              data-testid="worklist-more"
              onClick={() => {
                if (page.nextCursor !== null) onMore(page.nextCursor);
              }}
            >
              {t('worklist.more')}
            </button>
          ) : null}
        </>
      )}
    </LoadState>
  );
}

/**
 * The clinic worklist: open courses with red flags first, what is overdue, due and upcoming with
 * dates, and what blocks the next authorization, each linking to the patient's chart.
 */
export function WorklistPage({ user }: { readonly user: SessionUser }) {
  const search = useSearch();
  const query = parseWorklistSearch(search);
  const [cursors, setCursors] = useState<readonly string[]>([]);
  // new filters start again from the first page
  useEffect(() => {
    setCursors([]);
  }, [search]);
  if (user.clinicId === null) {
    return (
      <>
        <PageTitle>{t('worklist.title')}</PageTitle>
        <p className="notice">{t('worklist.noClinic')}</p>
      </>
    );
  }
  const clinicId = user.clinicId;
  const pages: readonly (string | undefined)[] = [undefined, ...cursors];
  return (
    <>
      <PageTitle>{t('worklist.title')}</PageTitle>
      <p className="lead">{t('worklist.intro')}</p>
      <WorklistFilters key={search} query={query} />
      <section aria-labelledby="worklist-results-heading" className="home-section">
        <h2 id="worklist-results-heading" className="section-title">
          {t('worklist.resultsHeading')}
        </h2>
        {pages.map((cursor, index) => (
          <WorklistChunk
            key={`${search}|${cursor ?? ''}`}
            apiPath={worklistApiPath(clinicId, query, cursor)}
            first={index === 0}
            isLast={index === pages.length - 1}
            onMore={(next) => {
              setCursors((previous) => [...previous, next]);
            }}
          />
        ))}
      </section>
    </>
  );
}
