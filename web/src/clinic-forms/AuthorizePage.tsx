import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { issueAuthorizationResponseSchema } from '../../../src/contracts/course.js';
import type { z } from 'zod';
import { parserFor } from '../api/parse.js';
import { AppLink } from '../components/AppLink.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { RadioGroup, radioId } from '../forms/RadioGroup.js';
import { formatLongDate } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { useSearch } from '../routing/use-location.js';
import { useApiClient } from '../session/session-context.js';
import { awaitingAuthorization } from './authorize-form.js';
import { formatInstantIn, newIdempotencyKey } from './form-fields.js';
import { zoneOf, CourseForm, DecisionView, useFormProblems, WriteFailure, type CourseDetail } from './FormParts.js';

type IssueResponse = z.output<typeof issueAuthorizationResponseSchema>;

function AuthorizeForm({ course }: { readonly course: CourseDetail }) {
  const client = useApiClient();
  const search = useSearch();
  const wanted = new URLSearchParams(search).get('prescription') ?? undefined;
  const waiting = awaitingAuthorization(course);
  // one key per form load: a double click or a retry never issues twice
  const [key, setKey] = useState(newIdempotencyKey);
  const [prescriptionId, setPrescriptionId] = useState<string | undefined>(() => waiting.find((p) => p.id === wanted)?.id ?? (waiting.length === 1 ? waiting[0]?.id : undefined));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [result, setResult] = useState<IssueResponse | undefined>(undefined);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const form = useFormProblems<'prescription'>('authorize', () => t('cf.authorize.prescription'), () => radioId('authorize-prescription', waiting[0]?.id ?? ''));

  useEffect(() => {
    if (result !== undefined) resultHeading.current?.focus();
  }, [result]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setFailure(undefined);
    form.begin(prescriptionId === undefined ? [{ field: 'prescription', code: 'notChosen' }] : []);
    if (prescriptionId === undefined || saving) return;
    setSaving(true);
    client
      .sendFor('POST', `/api/prescriptions/${encodeURIComponent(prescriptionId)}/authorizations`, parserFor(issueAuthorizationResponseSchema), { headers: { 'idempotency-key': key } })
      .then(setResult)
      .catch((error: unknown) => {
        setFailure(error);
      })
      .finally(() => {
        setSaving(false);
      });
  };

  if (result !== undefined) {
    const a = result.authorization;
    return (
      <section className="result" aria-labelledby="authorize-result-title" data-testid="authorize-result">
        <h2 id="authorize-result-title" className="result-card__title" ref={resultHeading} tabIndex={-1}>
          {t('cf.authorize.issued')}
        </h2>
        <dl className="figures">
          <div className="figures__item figures__item--main">
            <dt>{t('cf.authorize.number')}</dt>
            <dd data-testid="authorize-number">{a.number}</dd>
          </div>
          <div className="figures__item">
            <dt>{t('cf.authorize.from')}</dt>
            <dd>{formatInstantIn(a.firstInstant, zoneOf(course))}</dd>
          </div>
          <div className="figures__item">
            <dt>{t('cf.authorize.until')}</dt>
            <dd>{formatInstantIn(a.lastInstant, zoneOf(course))}</dd>
          </div>
          <div className="figures__item figures__item--main">
            <dt>{t('cf.authorize.lastDay')}</dt>
            <dd data-testid="authorize-last-day">{formatLongDate(a.lastDayToCollect)}</dd>
          </div>
        </dl>
        <DecisionView decision={result.decision} testId="authorize-decision" />
      </section>
    );
  }

  if (waiting.length === 0) {
    return (
      <p className="notice" data-testid="authorize-none">
        {t('cf.authorize.none')} <AppLink to={screenPath('prescribe', { courseId: course.course.id })}>{t('cf.authorize.writeFirst')}</AppLink>
      </p>
    );
  }

  return (
    <>
      <p>{t('cf.authorize.intro')}</p>
      <ErrorSummary items={form.items} focusKey={form.attempt} />
      {failure === undefined ? null : (
        <>
          <p className="notice notice--error" role="alert" data-testid="authorize-blocked">
            {t('cf.authorize.blocked')}
          </p>
          <WriteFailure error={failure} testId="authorize-failure" />
        </>
      )}
      <form className="form" noValidate onSubmit={onSubmit} data-testid="authorize-form">
        <RadioGroup
          name="authorize-prescription"
          legend={t('cf.authorize.prescription')}
          options={waiting.map((p) => ({
            value: p.id,
            label: t('cf.authorize.prescriptionOption', { date: formatLongDate(p.writtenOn), product: p.product, quantity: p.quantity, strength: p.strengthMg, daily: p.dailyMg }),
          }))}
          value={prescriptionId}
          onChange={(value) => {
            setPrescriptionId(value);
            // another prescription is another request: it gets its own key
            setKey(newIdempotencyKey());
          }}
          error={form.errorFor('prescription')}
        />
        <button className="button" type="submit" aria-disabled={saving ? true : undefined}>
          {saving ? t('cf.saving') : t('cf.authorize.submit')}
        </button>
      </form>
    </>
  );
}

/** Issue the authorization for a prescription of the course (prescribers and designees). */
export function AuthorizePage({ courseId }: { readonly courseId: string }) {
  return (
    <CourseForm courseId={courseId} title={t('cf.authorize.title')}>
      {(course) => <AuthorizeForm course={course} />}
    </CourseForm>
  );
}
