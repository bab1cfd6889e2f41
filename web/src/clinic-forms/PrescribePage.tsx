import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { interactionFindingSchema, prescriptionResponseSchema } from '../../../src/contracts/course.js';
import { z } from 'zod';
import type { SessionUser } from '../api/auth-api.js';
import { ApiError } from '../api/api-error.js';
import { parserFor } from '../api/parse.js';
import { AppLink } from '../components/AppLink.js';
import { DoseResult } from '../dosing/DoseResult.js';
import { CheckboxGroup } from '../forms/CheckboxGroup.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { SelectField } from '../forms/SelectField.js';
import { TextField } from '../forms/TextField.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { useApiClient } from '../session/session-context.js';
import { actingFor, todayIn } from './form-fields.js';
import { zoneOf, CourseForm, DecisionView, jurisdictionOf, useFormProblems, WriteFailure, type CourseDetail } from './FormParts.js';
import { emptyPrescribeForm, prescribePreview, prescriptionRequestFrom, productsFor, type PrescribeField, type PrescribeFormValues } from './prescribe-form.js';

type PrescriptionResponse = z.output<typeof prescriptionResponseSchema>;
type Finding = z.output<typeof interactionFindingSchema>;

const LABELS: Readonly<Record<PrescribeField, () => string>> = {
  product: () => t('cf.prescribe.product'),
  strengthMg: () => t('cf.prescribe.strength'),
  dailyMg: () => t('cf.prescribe.daily'),
  daysSupply: () => t('cf.prescribe.days'),
  writtenOn: () => t('cf.prescribe.writtenOn'),
  weightKg: () => t('cf.prescribe.weight'),
};
const FIELDS = Object.keys(LABELS) as PrescribeField[];
const FORM = 'prescribe';

/** The contraindications a refusal names (`rule_blocked` before the programme is asked). */
function contraindicationsOf(error: unknown): Finding[] {
  if (!(error instanceof ApiError) || error.code !== 'rule_blocked') return [];
  const parsed = z.array(interactionFindingSchema).safeParse(error.extensions.interactions);
  return parsed.success ? parsed.data : [];
}

function FindingList({ findings, testId }: { readonly findings: readonly Finding[]; readonly testId: string }) {
  return (
    <ul className="warning-list" data-testid={testId}>
      {findings.map((f) => (
        <li className="warning" key={`${f.ruleId}:${f.reason}`}>
          <p className="warning__title">{t(`cf.severity.${f.severity}`)}</p>
          <p>{f.reason}</p>
          <p className="rule-id">{t('rule.id', { id: f.ruleId })}</p>
        </li>
      ))}
    </ul>
  );
}

function PrescribeForm({ course, user }: { readonly course: CourseDetail; readonly user: SessionUser }) {
  const client = useApiClient();
  const zone = zoneOf(course);
  const today = todayIn(zone);
  const products = productsFor(jurisdictionOf(course));
  const initialProduct = products.find((p) => p.id === course.course.product) ?? products[0];
  const [values, setValues] = useState<PrescribeFormValues>(() => emptyPrescribeForm(today, initialProduct, course.course.baselineWeightKg));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [contraindications, setContraindications] = useState<readonly Finding[]>([]);
  const [result, setResult] = useState<PrescriptionResponse | undefined>(undefined);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const doseHeading = useRef<HTMLHeadingElement>(null);
  const form = useFormProblems<PrescribeField>(FORM, (field) => LABELS[field]());
  const id = form.idOf;
  const product = products.find((p) => p.id === values.product);
  const { preview } = prescribePreview(values, course.course.targetMgPerKg);

  useEffect(() => {
    if (result !== undefined) resultHeading.current?.focus();
  }, [result]);

  const update = (patch: Partial<PrescribeFormValues>): void => {
    setValues((previous) => ({ ...previous, ...patch }));
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (saving) return;
    const outcome = prescriptionRequestFrom(values, today, actingFor(user, course.course.prescriberId));
    setFailure(undefined);
    form.begin(outcome.ok ? [] : outcome.problems);
    if (!outcome.ok) return;
    setSaving(true);
    client
      .sendFor('POST', `/api/courses/${encodeURIComponent(course.course.id)}/prescriptions`, parserFor(prescriptionResponseSchema), { body: outcome.body })
      .then(setResult)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.errors.length > 0) form.serverRefused(error, FIELDS);
        else {
          const found = contraindicationsOf(error);
          setContraindications(found);
          setFailure(found.length > 0 ? undefined : error);
        }
      })
      .finally(() => {
        setSaving(false);
      });
  };

  if (result !== undefined) {
    return (
      <section className="result" aria-labelledby="prescribe-result-title" data-testid="prescribe-result">
        <h2 id="prescribe-result-title" className="result-card__title" ref={resultHeading} tabIndex={-1}>
          {t('cf.prescribe.written', { quantity: preview?.quantity ?? 0, strength: values.strengthMg, daily: values.dailyMg })}
        </h2>
        {result.doseWarnings.length === 0 ? null : (
          <>
            <h3 className="section-title">{t('cf.prescribe.doseWarnings')}</h3>
            <ul className="warning-list">
              {result.doseWarnings.map((w) => (
                <li className="warning" key={`${w.code}:${w.message}`}>
                  <p>{w.message}</p>
                  <p className="rule-id">{t('rule.id', { id: w.ruleId })}</p>
                </li>
              ))}
            </ul>
          </>
        )}
        {result.interactions.length === 0 ? null : <FindingList findings={result.interactions} testId="prescribe-interactions" />}
        <DecisionView decision={result.decision} testId="prescribe-decision" />
        <p className="call-to-action">
          <AppLink className="button" to={`${screenPath('issueAuthorization', { courseId: course.course.id })}?prescription=${encodeURIComponent(result.prescriptionId)}`}>
            {t('cf.prescribe.authorizeNow')}
          </AppLink>
        </p>
      </section>
    );
  }

  return (
    <>
      <p>{t('cf.prescribe.intro')}</p>
      <ErrorSummary items={form.items} focusKey={form.attempt} />
      {failure === undefined ? null : (
        <>
          <p className="notice notice--error" role="alert" data-testid="prescribe-refused">
            {t('cf.prescribe.refused')}
          </p>
          <WriteFailure error={failure} testId="prescribe-failure" />
        </>
      )}
      <form className="form" noValidate onSubmit={onSubmit} data-testid="prescribe-form">
        <SelectField
          id={id('product')}
          label={LABELS.product()}
          options={products.map((p) => ({ value: p.id, label: p.displayName }))}
          value={values.product}
          onChange={(value) => {
            const next = products.find((p) => p.id === value);
            update({ product: value, strengthMg: next === undefined ? '' : String(next.strengthsMg[next.strengthsMg.length - 1] ?? '') });
          }}
          error={form.errorFor('product')}
        />
        <SelectField
          id={id('strengthMg')}
          label={LABELS.strengthMg()}
          options={(product?.strengthsMg ?? []).map((mg) => ({ value: String(mg), label: t('cf.prescribe.strengthOption', { mg }) }))}
          value={values.strengthMg}
          onChange={(strengthMg) => { update({ strengthMg }); }}
          error={form.errorFor('strengthMg')}
        />
        <TextField id={id('dailyMg')} label={LABELS.dailyMg()} hint={t('cf.prescribe.dailyHint')} inputMode="numeric" width="short" autoComplete="off" value={values.dailyMg} onChange={(dailyMg) => { update({ dailyMg }); }} error={form.errorFor('dailyMg')} />
        <TextField id={id('daysSupply')} label={LABELS.daysSupply()} hint={t('cf.prescribe.daysHint')} inputMode="numeric" width="short" autoComplete="off" value={values.daysSupply} onChange={(daysSupply) => { update({ daysSupply }); }} error={form.errorFor('daysSupply')} />
        <TextField id={id('writtenOn')} label={LABELS.writtenOn()} type="date" width="medium" value={values.writtenOn} onChange={(writtenOn) => { update({ writtenOn }); }} error={form.errorFor('writtenOn')} />
        <TextField id={id('weightKg')} label={LABELS.weightKg()} hint={t('cf.prescribe.weightHint')} inputMode="decimal" width="short" autoComplete="off" value={values.weightKg} onChange={(weightKg) => { update({ weightKg }); }} error={form.errorFor('weightKg')} />
        {contraindications.length === 0 ? null : (
          <section className="notice" aria-labelledby="contraindications-title" data-testid="prescribe-contraindications">
            <h2 id="contraindications-title" className="section-title">
              {t('cf.prescribe.contraindicationsHeading')}
            </h2>
            <p>{t('cf.prescribe.contraindicationsIntro')}</p>
            <FindingList findings={contraindications} testId="prescribe-contraindication-list" />
            <CheckboxGroup
              name={`${FORM}-acknowledge`}
              legend={t('cf.prescribe.contraindicationsHeading')}
              options={[{ value: 'yes', label: t('cf.prescribe.acknowledge') }]}
              checked={values.acknowledgeInteractions ? ['yes'] : []}
              onChange={(checked) => { update({ acknowledgeInteractions: checked.includes('yes') }); }}
            />
          </section>
        )}
        <section aria-labelledby="prescribe-preview-title" data-testid="prescribe-preview">
          <h2 id="prescribe-preview-title" className="section-title">
            {t('cf.prescribe.preview')}
          </h2>
          <p aria-live="polite" data-testid="prescribe-preview-summary">
            {preview === undefined
              ? t('cf.prescribe.previewEmpty')
              : t('cf.prescribe.previewSummary', { capsules: preview.capsulesPerDay, quantity: preview.quantity, days: preview.days })}
          </p>
          {preview !== undefined && preview.calculation === undefined ? <p>{t('cf.prescribe.previewNoWeight')}</p> : null}
          {preview?.calculation === undefined ? null : (
            <DoseResult calculation={preview.calculation} weightKg={values.weightKg} mgPerKgPerDay={String(preview.calculation.daily.actualMgPerKgPerDay)} stale={false} headingRef={doseHeading} />
          )}
        </section>
        <button className="button" type="submit" aria-disabled={saving ? true : undefined}>
          {saving ? t('cf.saving') : t('cf.prescribe.submit')}
        </button>
      </form>
    </>
  );
}

/** Write a prescription with a live dose-plan preview (prescribers; designees for their prescriber). */
export function PrescribePage({ courseId, user }: { readonly courseId: string; readonly user: SessionUser }) {
  return (
    <CourseForm courseId={courseId} title={t('cf.prescribe.title')}>
      {(course) => <PrescribeForm course={course} user={user} />}
    </CourseForm>
  );
}
