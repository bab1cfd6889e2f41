import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { enrollResponseSchema } from '../../../src/contracts/course.js';
import { TARGET_MG_PER_KG_OPTIONS } from '../../../src/domain/dosing/index.js';
import type { z } from 'zod';
import type { SessionUser } from '../api/auth-api.js';
import { ApiError } from '../api/api-error.js';
import { parserFor } from '../api/parse.js';
import { AppLink } from '../components/AppLink.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { RadioGroup, radioId } from '../forms/RadioGroup.js';
import { SelectField } from '../forms/SelectField.js';
import { TextAreaField } from '../forms/TextAreaField.js';
import { TextField } from '../forms/TextField.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { useApiClient } from '../session/session-context.js';
import { CONFIRMERS, emptyEnrollForm, enrollRequestFrom, RISK_BASES, RISK_CATEGORIES, type EnrollField, type EnrollFormValues } from './enroll-form.js';
import { actingFor, localToday } from './form-fields.js';
import { chartPath, DecisionView, useFormProblems, WriteFailure } from './FormParts.js';

type EnrollResponse = z.output<typeof enrollResponseSchema>;

const LABELS: Readonly<Record<EnrollField, () => string>> = {
  displayName: () => t('cf.enroll.displayName'),
  birthDate: () => t('cf.enroll.birthDate'),
  category: () => t('cf.enroll.category'),
  basis: () => t('cf.enroll.basis'),
  menopauseMonths: () => t('cf.enroll.menopauseMonths'),
  basisOther: () => t('cf.enroll.basisOther'),
  confirmedBy: () => t('cf.enroll.confirmedBy'),
  confirmedOn: () => t('cf.enroll.confirmedOn'),
  weightKg: () => t('cf.enroll.weight'),
  targetMgPerKg: () => t('cf.enroll.target'),
  acneHistory: () => t('cf.enroll.acneHistory'),
  previousTreatments: () => t('cf.enroll.previousTreatments'),
  medicalHistory: () => t('cf.enroll.medicalHistory'),
  mentalHealthHistory: () => t('cf.enroll.mentalHealthHistory'),
  conditions: () => t('cf.enroll.conditions'),
  allergies: () => t('cf.enroll.allergies'),
  medications: () => t('cf.enroll.medications'),
};
const FIELDS = Object.keys(LABELS) as EnrollField[];
const FORM = 'enroll';

/** Enroll a patient (prescribers; designees for a prescriber they act for). */
export function EnrollPage({ user }: { readonly user: SessionUser }) {
  const client = useApiClient();
  const today = localToday();
  const [values, setValues] = useState<EnrollFormValues>(() => emptyEnrollForm(today));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [result, setResult] = useState<EnrollResponse | undefined>(undefined);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // the radio group's summary link goes to its first option
  const form = useFormProblems<EnrollField>(FORM, (field) => LABELS[field](), (field) => (field === 'category' ? radioId(`${FORM}-category`, RISK_CATEGORIES[0]) : undefined));
  const id = form.idOf;

  useEffect(() => {
    if (result !== undefined) resultHeading.current?.focus();
  }, [result]);

  const update = (patch: Partial<EnrollFormValues>): void => {
    setValues((previous) => ({ ...previous, ...patch }));
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (saving) return;
    const outcome = enrollRequestFrom(values, today, actingFor(user));
    setFailure(undefined);
    form.begin(outcome.ok ? [] : outcome.problems);
    if (!outcome.ok) return;
    setSaving(true);
    client
      .sendFor('POST', '/api/patients', parserFor(enrollResponseSchema), { body: outcome.body })
      .then(setResult)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.errors.length > 0) form.serverRefused(error, FIELDS);
        else setFailure(error);
      })
      .finally(() => {
        setSaving(false);
      });
  };

  if (result !== undefined) {
    const name = values.displayName.trim();
    return (
      <>
        <PageTitle>{t('cf.enroll.title')}</PageTitle>
        <section className="result" aria-labelledby="enroll-result-title" data-testid="enroll-result">
          <h2 id="enroll-result-title" className="result-card__title" ref={resultHeading} tabIndex={-1}>
            {t('cf.enroll.done', { name })}
          </h2>
          <h3 className="section-title">{t('cf.enroll.interactionsHeading')}</h3>
          {result.interactions.length === 0 ? (
            <p data-testid="enroll-no-interactions">{t('cf.enroll.noInteractions')}</p>
          ) : (
            <ul className="warning-list" data-testid="enroll-interactions">
              {result.interactions.map((f) => (
                <li className="warning" key={`${f.ruleId}:${f.reason}`}>
                  <p className="warning__title">{t(`cf.severity.${f.severity}`)}</p>
                  <p>{f.reason}</p>
                  <p className="rule-id">{t('rule.id', { id: f.ruleId })}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <DecisionView decision={result.decision} testId="enroll-decision" />
        <p className="call-to-action">
          <AppLink to={chartPath(result.course.id)} className="button">
            {t('cf.enroll.openChart', { name })}
          </AppLink>
        </p>
        <p>
          <a
            href={screenPath('enrollPatient')}
            onClick={(event) => {
              event.preventDefault();
              setResult(undefined);
              setValues(emptyEnrollForm(today));
            }}
          >
            {t('cf.enroll.another')}
          </a>
        </p>
        <p className="visually-hidden" data-testid="enroll-course-id">
          {result.course.id}
        </p>
      </>
    );
  }

  return (
    <>
      <PageTitle>{t('cf.enroll.title')}</PageTitle>
      <p className="lead">{t('cf.enroll.intro')}</p>
      <ErrorSummary items={form.items} focusKey={form.attempt} />
      {failure === undefined ? null : <WriteFailure error={failure} />}
      <form className="form" noValidate onSubmit={onSubmit} data-testid="enroll-form">
        <h2 className="section-title">{t('cf.enroll.patientHeading')}</h2>
        <TextField id={id('displayName')} label={LABELS.displayName()} hint={t('cf.enroll.displayNameHint')} autoComplete="off" value={values.displayName} onChange={(displayName) => { update({ displayName }); }} error={form.errorFor('displayName')} />
        <TextField id={id('birthDate')} label={LABELS.birthDate()} type="date" width="medium" value={values.birthDate} onChange={(birthDate) => { update({ birthDate }); }} error={form.errorFor('birthDate')} />
        <h2 className="section-title">{t('cf.enroll.riskHeading')}</h2>
        <RadioGroup
          name={id('category')}
          legend={LABELS.category()}
          hint={t('cf.enroll.categoryHint')}
          options={RISK_CATEGORIES.map((value) => ({ value, label: t(`cf.risk.${value}`) }))}
          value={values.category === '' ? undefined : values.category}
          onChange={(category) => { update({ category }); }}
          error={form.errorFor('category')}
        />
        {values.category === 'cannot_get_pregnant' ? (
          <>
            <SelectField
              id={id('basis')}
              label={LABELS.basis()}
              options={[{ value: '', label: t('cf.event.chooseKind') }, ...RISK_BASES.map((value) => ({ value, label: t(`cf.basis.${value}`) }))]}
              value={values.basis}
              onChange={(basis) => { update({ basis: RISK_BASES.find((b) => b === basis) ?? '' }); }}
              error={form.errorFor('basis')}
            />
            {values.basis === 'post_menopausal' ? (
              <TextField id={id('menopauseMonths')} label={LABELS.menopauseMonths()} inputMode="numeric" width="short" value={values.menopauseMonths} onChange={(menopauseMonths) => { update({ menopauseMonths }); }} error={form.errorFor('menopauseMonths')} />
            ) : null}
            {values.basis === 'other' ? (
              <TextField id={id('basisOther')} label={LABELS.basisOther()} value={values.basisOther} onChange={(basisOther) => { update({ basisOther }); }} error={form.errorFor('basisOther')} />
            ) : null}
          </>
        ) : null}
        <SelectField
          id={id('confirmedBy')}
          label={LABELS.confirmedBy()}
          options={CONFIRMERS.map((value) => ({ value, label: t(`cf.confirmer.${value}`) }))}
          value={values.confirmedBy}
          onChange={(confirmedBy) => { update({ confirmedBy: CONFIRMERS.find((c) => c === confirmedBy) ?? '' }); }}
          error={form.errorFor('confirmedBy')}
        />
        <TextField id={id('confirmedOn')} label={LABELS.confirmedOn()} type="date" width="medium" value={values.confirmedOn} onChange={(confirmedOn) => { update({ confirmedOn }); }} error={form.errorFor('confirmedOn')} />
        <h2 className="section-title">{t('cf.enroll.courseHeading')}</h2>
        <TextField id={id('weightKg')} label={LABELS.weightKg()} hint={t('cf.enroll.weightHint')} inputMode="decimal" width="short" autoComplete="off" value={values.weightKg} onChange={(weightKg) => { update({ weightKg }); }} error={form.errorFor('weightKg')} />
        <RadioGroup
          name={id('targetMgPerKg')}
          legend={LABELS.targetMgPerKg()}
          options={TARGET_MG_PER_KG_OPTIONS.map((value) => ({ value: String(value), label: t('cf.enroll.targetOption', { value }) }))}
          value={values.targetMgPerKg}
          onChange={(targetMgPerKg) => { update({ targetMgPerKg }); }}
          error={form.errorFor('targetMgPerKg')}
          inline
        />
        <h2 className="section-title">{t('cf.enroll.baselineHeading')}</h2>
        <p className="field__hint">{t('cf.enroll.baselineIntro')}</p>
        {(['medications', 'conditions', 'allergies', 'previousTreatments', 'acneHistory', 'medicalHistory', 'mentalHealthHistory'] as const).map((field) => (
          <TextAreaField key={field} id={id(field)} label={LABELS[field]()} value={values[field]} onChange={(value) => { update({ [field]: value }); }} error={form.errorFor(field)} />
        ))}
        <button className="button" type="submit" aria-disabled={saving ? true : undefined}>
          {saving ? t('cf.saving') : t('cf.enroll.submit')}
        </button>
      </form>
    </>
  );
}
