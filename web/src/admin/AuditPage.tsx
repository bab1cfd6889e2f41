import { useState, type SubmitEvent } from 'react';
import { z } from 'zod';
import { auditPageSchema, auditVerificationSchema, patientListingSchema } from '../../../src/contracts/admin.js';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { parserFor } from '../api/parse.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { SelectField } from '../forms/SelectField.js';
import { TextField } from '../forms/TextField.js';
import { t, type PlainMessageKey } from '../i18n/t.js';
import { useApiClient } from '../session/session-context.js';
import { auditFilterProblems, auditQueryPath, emptyAuditFilter, type AuditFilterProblem, type AuditFilterValues } from './audit-filter.js';
import { parseUsers } from './UsersPage.js';

const parseAuditPage = parserFor(auditPageSchema);
const parseVerification = parserFor(auditVerificationSchema);
const parsePatients = parserFor(z.array(patientListingSchema));
type AuditEntry = z.output<typeof auditPageSchema>['entries'][number];

const PROBLEM_KEYS: Readonly<Record<AuditFilterProblem, PlainMessageKey>> = {
  action_format: 'admin.audit.actionInvalid',
  from_format: 'admin.audit.fromInvalid',
  to_format: 'admin.audit.toInvalid',
  range_reversed: 'admin.audit.rangeReversed',
};
const PROBLEM_FIELDS: Readonly<Record<AuditFilterProblem, string>> = {
  action_format: 'audit-action',
  from_format: 'audit-from',
  to_format: 'audit-to',
  range_reversed: 'audit-from',
};

function Verification() {
  const query = useApiQuery('/api/admin/audit/verification', parseVerification);
  return (
    <section className="home-section" aria-labelledby="verify-heading">
      <h2 id="verify-heading" className="section-title">
        {t('admin.audit.verifyHeading')}
      </h2>
      <LoadState query={query} testId="audit-verification">
        {(result) =>
          result.ok ? (
            <p className="notice notice--success" data-testid="audit-verification">
              {t('admin.audit.intact', { count: result.entries })}
            </p>
          ) : (
            <div className="notice notice--error" data-testid="audit-verification">
              <p>
                <strong>{t('admin.audit.broken', { count: result.problems.length })}</strong>
              </p>
              <ul>
                {result.problems.map((problem) => (
                  <li key={`${problem.seq}:${problem.problem}`}>{t(`admin.audit.problem.${problem.problem}`, { seq: problem.seq })}</li>
                ))}
              </ul>
            </div>
          )
        }
      </LoadState>
    </section>
  );
}

const when = (iso: string): string => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

function EntryCard({ entry }: { readonly entry: AuditEntry }) {
  const who = entry.actorName === null ? t('admin.audit.system') : `${entry.actorName}${entry.actorRole === null ? '' : ` (${entry.actorRole})`}`;
  return (
    <li className="entry-card" data-testid="audit-entry">
      <p className="entry-card__title">
        <strong>{entry.action}</strong> · {entry.outcome} <span className="rule-id">#{entry.seq}</span>
      </p>
      <dl className="entry-card__facts">
        <div>
          <dt>{t('admin.audit.when')}</dt>
          <dd>{when(entry.at)}</dd>
        </div>
        <div>
          <dt>{t('admin.audit.who')}</dt>
          <dd>
            {who}
            {entry.onBehalfOf === null ? null : ` ${t('admin.audit.onBehalf', { name: entry.onBehalfOf })}`}
          </dd>
        </div>
        <div>
          <dt>{t('admin.audit.resource')}</dt>
          <dd className="path-text">
            {entry.resourceType}
            {entry.resourceId === null ? '' : ` ${entry.resourceId}`}
          </dd>
        </div>
      </dl>
    </li>
  );
}

/** The entries of one filter, the first page read, and older pages added on request. */
function Entries({ filter }: { readonly filter: AuditFilterValues }) {
  const client = useApiClient();
  const first = useApiQuery(auditQueryPath(filter), parseAuditPage);
  const [older, setOlder] = useState<{ readonly entries: readonly AuditEntry[]; readonly nextCursor: string | null } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  return (
    <LoadState query={first} testId="audit-entries">
      {(page) => {
        const entries = [...page.entries, ...(older?.entries ?? [])];
        const cursor = older === undefined ? page.nextCursor : older.nextCursor;
        const more = (): void => {
          if (busy || cursor === null) return;
          setBusy(true);
          setFailure(undefined);
          client.sendFor('GET', auditQueryPath(filter, cursor), parseAuditPage).then(
            (next) => {
              setBusy(false);
              setOlder({ entries: [...(older?.entries ?? []), ...next.entries], nextCursor: next.nextCursor });
            },
            (error: unknown) => {
              setBusy(false);
              setFailure(error instanceof ApiError ? apiErrorMessage(error) : t('apiError.unexpected'));
            },
          );
        };
        return (
          <>
            <p className="small-print" role="status" data-testid="audit-count">
              {entries.length === 0 ? t('admin.audit.none') : t('admin.audit.shown', { count: entries.length })}
            </p>
            <ol className="entry-list" aria-label={t('admin.audit.caption')} data-testid="audit-list">
              {entries.map((entry) => (
                <EntryCard key={entry.seq} entry={entry} />
              ))}
            </ol>
            {cursor === null ? null : (
              <button type="button" className="button button--secondary" aria-disabled={busy ? true : undefined} onClick={more}>
                {busy ? t('load.loading') : t('admin.audit.more')}
              </button>
            )}
            {failure === undefined ? null : (
              <p className="notice notice--error" role="alert">
                {failure}
              </p>
            )}
          </>
        );
      }}
    </LoadState>
  );
}

/** The clinic's audit log: is the chain intact, then the entries by actor, action, patient and days. */
export function AuditPage() {
  const users = useApiQuery('/api/admin/users?status=all', parseUsers);
  const patients = useApiQuery('/api/admin/patients', parsePatients);
  const [form, setForm] = useState<AuditFilterValues>(emptyAuditFilter);
  const [applied, setApplied] = useState<AuditFilterValues>(emptyAuditFilter);
  const [problems, setProblems] = useState<readonly AuditFilterProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const update = (patch: Partial<AuditFilterValues>): void => {
    setForm((previous) => ({ ...previous, ...patch }));
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = auditFilterProblems(form);
    setProblems(found);
    if (found.length === 0) setApplied(form);
  };
  const errorFor = (field: string): string | undefined => {
    const problem = problems.find((p) => PROBLEM_FIELDS[p] === field);
    return problem === undefined ? undefined : t(PROBLEM_KEYS[problem]);
  };

  const actorOptions = [{ value: '', label: t('admin.audit.anyone') }, ...(users.state.status === 'ready' ? users.state.data.map((user) => ({ value: user.id, label: user.displayName })) : [])];
  const patientOptions = [{ value: '', label: t('admin.audit.everyPatient') }, ...(patients.state.status === 'ready' ? patients.state.data.map((patient) => ({ value: patient.id, label: patient.displayName })) : [])];

  return (
    <>
      <PageTitle>{t('admin.audit.title')}</PageTitle>
      <p className="lead">{t('admin.audit.intro')}</p>
      <Verification />
      <section className="home-section" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="section-title">
          {t('admin.audit.filtersHeading')}
        </h2>
        <ErrorSummary items={problems.map((problem) => ({ message: t(PROBLEM_KEYS[problem]), fieldId: PROBLEM_FIELDS[problem] }))} focusKey={attempt} />
        <form className="form form--narrow" noValidate onSubmit={onSubmit} aria-labelledby="filters-heading">
          <SelectField id="audit-actor" label={t('admin.audit.actor')} options={actorOptions} value={form.actor} onChange={(actor) => { update({ actor }); }} />
          <TextField id="audit-action" label={t('admin.audit.action')} hint={t('admin.audit.actionHint')} value={form.action} onChange={(action) => { update({ action }); }} error={errorFor('audit-action')} spellCheck={false} autoComplete="off" width="medium" />
          <SelectField id="audit-patient" label={t('admin.audit.patient')} options={patientOptions} value={form.patient} onChange={(patient) => { update({ patient }); }} />
          <TextField id="audit-from" type="date" width="medium" label={t('admin.audit.from')} value={form.from} onChange={(from) => { update({ from }); }} error={errorFor('audit-from')} />
          <TextField id="audit-to" type="date" width="medium" label={t('admin.audit.to')} value={form.to} onChange={(to) => { update({ to }); }} error={errorFor('audit-to')} />
          <div className="button-row">
            <button type="submit" className="button">
              {t('admin.audit.apply')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setForm(emptyAuditFilter);
                setApplied(emptyAuditFilter);
                setProblems([]);
              }}
            >
              {t('admin.audit.clear')}
            </button>
          </div>
        </form>
      </section>
      <section className="home-section" aria-label={t('admin.audit.caption')}>
        <Entries key={auditQueryPath(applied)} filter={applied} />
      </section>
    </>
  );
}
