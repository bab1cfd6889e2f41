import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { z } from 'zod';
import { parserFor } from '../api/parse.js';
import { ApiError } from '../api/api-error.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { RadioGroup, radioId } from '../forms/RadioGroup.js';
import { TextField } from '../forms/TextField.js';
import { t } from '../i18n/t.js';
import { useApiClient } from '../session/session-context.js';
import { todayIn } from './form-fields.js';
import { zoneOf, CourseForm, useFormProblems, WriteFailure, type CourseDetail } from './FormParts.js';
import { actionsFor, closes, STOP_REASONS, statusRequestFrom, type StatusField, type StatusFormValues } from './status-form.js';

const statusAnswerSchema = z.object({ status: z.enum(['qualifying', 'active', 'paused', 'completed', 'stopped']), reversedAuthorizations: z.array(z.string()) });
type StatusAnswer = z.output<typeof statusAnswerSchema>;

const LABELS: Readonly<Record<StatusField, () => string>> = {
  action: () => t('cf.status.action'),
  reason: () => t('cf.status.reason'),
  reasonText: () => t('cf.status.reasonText'),
  on: () => t('cf.status.on'),
};

function StatusForm({ course }: { readonly course: CourseDetail }) {
  const client = useApiClient();
  const zone = zoneOf(course);
  const today = todayIn(zone);
  const status = course.course.status;
  const actions = actionsFor(status);
  const [values, setValues] = useState<StatusFormValues>({ action: '', reason: '', reasonText: '', on: today });
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [result, setResult] = useState<StatusAnswer | undefined>(undefined);
  const focusTarget = useRef<HTMLHeadingElement>(null);
  const form = useFormProblems<StatusField>('status', (field) => LABELS[field](), (field) =>
    field === 'action' ? radioId('status-action', actions[0] ?? '') : field === 'reason' ? radioId('status-reason', STOP_REASONS[0]) : undefined,
  );
  const openAuthorizations = course.authorizations.filter((a) => a.status === 'open');

  useEffect(() => {
    if (confirming || result !== undefined) focusTarget.current?.focus();
  }, [confirming, result]);

  const update = (patch: Partial<StatusFormValues>): void => {
    setValues((previous) => ({ ...previous, ...patch }));
  };

  const send = (): void => {
    const outcome = statusRequestFrom(values, today, status);
    if (!outcome.ok || saving) return;
    setSaving(true);
    client
      .sendFor('POST', `/api/courses/${encodeURIComponent(course.course.id)}/status`, parserFor(statusAnswerSchema), { body: outcome.body })
      .then(setResult)
      .catch((error: unknown) => {
        setConfirming(false);
        if (error instanceof ApiError && error.errors.length > 0) form.serverRefused(error, ['action', 'reason', 'reasonText', 'on']);
        else setFailure(error);
      })
      .finally(() => {
        setSaving(false);
      });
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const outcome = statusRequestFrom(values, today, status);
    setFailure(undefined);
    form.begin(outcome.ok ? [] : outcome.problems);
    if (!outcome.ok) return;
    // closing reverses the open authorizations: say so, and ask once more
    if (closes(values.action)) setConfirming(true);
    else send();
  };

  if (result !== undefined) {
    return (
      <section className="result" aria-labelledby="status-result-title" data-testid="status-result">
        <h2 id="status-result-title" className="result-card__title" ref={focusTarget} tabIndex={-1}>
          {t('cf.status.changed', { status: t(`cf.courseStatus.${result.status}`) })}
        </h2>
        {result.reversedAuthorizations.length === 0 ? null : <p>{t('cf.status.reversed', { count: result.reversedAuthorizations.length })}</p>}
      </section>
    );
  }

  if (actions.length === 0) return <p className="notice">{t('cf.status.none', { status: t(`cf.courseStatus.${status}`) })}</p>;

  if (confirming && values.action !== '') {
    const action = t(`cf.statusAction.${values.action}`);
    return (
      <section className="notice" aria-labelledby="status-confirm-title" data-testid="status-confirm">
        <h2 id="status-confirm-title" className="section-title" ref={focusTarget} tabIndex={-1}>
          {t('cf.status.confirm', { action })}
        </h2>
        <p>{t('cf.status.closingWarning')}</p>
        <p data-testid="status-open-authorizations">
          {openAuthorizations.length === 0 ? t('cf.status.noOpenAuthorizations') : t('cf.status.openAuthorizations', { numbers: openAuthorizations.map((a) => a.number).join(', ') })}
        </p>
        <div className="button-row">
          <button type="button" className="button" onClick={send} aria-disabled={saving ? true : undefined}>
            {saving ? t('cf.saving') : t('cf.status.confirm', { action })}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setConfirming(false);
            }}
          >
            {t('cf.status.cancel')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <>
      <ErrorSummary items={form.items} focusKey={form.attempt} />
      {failure === undefined ? null : <WriteFailure error={failure} testId="status-failure" />}
      <form className="form" noValidate onSubmit={onSubmit} data-testid="status-form">
        <RadioGroup name="status-action" legend={LABELS.action()} options={actions.map((value) => ({ value, label: t(`cf.statusAction.${value}`) }))} value={values.action === '' ? undefined : values.action} onChange={(action) => { update({ action }); }} error={form.errorFor('action')} />
        {closes(values.action) ? <p className="notice">{t('cf.status.closingWarning')}</p> : null}
        {values.action === 'stop' ? (
          <RadioGroup name="status-reason" legend={LABELS.reason()} options={STOP_REASONS.map((value) => ({ value, label: t(`cf.stopReason.${value}`) }))} value={values.reason === '' ? undefined : values.reason} onChange={(reason) => { update({ reason }); }} error={form.errorFor('reason')} />
        ) : null}
        {values.action === '' ? null : (
          <TextField
            id="status-reasonText"
            label={values.action === 'stop' && values.reason === 'other' ? LABELS.reasonText() : t('cf.status.reasonTextOptional')}
            value={values.reasonText}
            onChange={(reasonText) => { update({ reasonText }); }}
            error={form.errorFor('reasonText')}
          />
        )}
        <TextField id="status-on" label={LABELS.on()} type="date" width="medium" value={values.on} onChange={(on) => { update({ on }); }} error={form.errorFor('on')} />
        <button className="button" type="submit">
          {t('cf.status.submit')}
        </button>
      </form>
    </>
  );
}

/** Pause, resume, complete or stop a course, with a reason to stop (prescribers and designees). */
export function StatusPage({ courseId }: { readonly courseId: string }) {
  return (
    <CourseForm courseId={courseId} title={t('cf.status.title')}>
      {(course) => <StatusForm course={course} />}
    </CourseForm>
  );
}
