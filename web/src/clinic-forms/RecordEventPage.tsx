import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { recordEventResponseSchema } from '../../../src/contracts/course.js';
import type { z } from 'zod';
import type { SessionUser } from '../api/auth-api.js';
import { ApiError } from '../api/api-error.js';
import { parserFor } from '../api/parse.js';
import { CheckboxGroup } from '../forms/CheckboxGroup.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { SelectField } from '../forms/SelectField.js';
import { TextField } from '../forms/TextField.js';
import type { MessageKey } from '../i18n/en.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { useApiClient } from '../session/session-context.js';
import { RISK_BASES, RISK_CATEGORIES } from './enroll-form.js';
import {
  ASSESSMENT_SETTINGS,
  ASSESSMENTS,
  emptyEventForm,
  EVENT_KINDS,
  eventRequestFrom,
  FORMS_BY_JURISDICTION,
  MATERIALS,
  METHODS,
  SIGNERS,
  SPECIMENS,
  TEST_PURPOSES,
  TEST_RESULTS,
  TEST_SETTINGS,
  usesTime,
  type EventField,
  type EventFormValues,
} from './event-form.js';
import { actingFor, timeIn, todayIn } from './form-fields.js';
import { zoneOf, CourseForm, DecisionView, jurisdictionOf, useFormProblems, WriteFailure, type CourseDetail } from './FormParts.js';

type RecordEventResponse = z.output<typeof recordEventResponseSchema>;

const LABELS: Readonly<Record<EventField, MessageKey>> = {
  kind: 'cf.event.kind',
  on: 'cf.event.on',
  time: 'cf.event.time',
  form: 'cf.event.form',
  signedBy: 'cf.event.signedBy',
  method: 'cf.event.method',
  reason: 'cf.event.reason',
  agreedByPrescriber: 'cf.event.agreedByPrescriber',
  agreedByPatient: 'cf.event.agreedByPatient',
  correct: 'cf.event.correct',
  incorrect: 'cf.event.incorrect',
  unanswered: 'cf.event.unanswered',
  specimen: 'cf.event.specimen',
  setting: 'cf.event.setting',
  result: 'cf.event.result',
  purpose: 'cf.event.purpose',
  sensitivity: 'cf.event.sensitivity',
  material: 'cf.event.material',
  assessment: 'cf.event.assessment',
  assessmentSetting: 'cf.event.assessmentSetting',
  otherPrescriberId: 'cf.event.otherPrescriberId',
  category: 'cf.event.category',
  basis: 'cf.enroll.basis',
  menopauseMonths: 'cf.enroll.menopauseMonths',
  basisOther: 'cf.enroll.basisOther',
};
const FIELDS = Object.keys(LABELS) as EventField[];
const FORM = 'event';

function label(field: EventField): string {
  return t(LABELS[field] as 'cf.event.kind');
}

/** A select with a "choose" first option; `key` gives each option's catalogue words. */
function Choice<V extends string>(props: { id: string; field: EventField; options: readonly V[]; words: (value: V) => string; value: V | ''; onChange: (value: V | '') => void; error: string | undefined }) {
  return (
    <SelectField<V | ''>
      id={props.id}
      label={label(props.field)}
      options={[{ value: '', label: t('cf.event.chooseKind') }, ...props.options.map((value) => ({ value, label: props.words(value) }))]}
      value={props.value}
      onChange={(value) => {
        props.onChange(props.options.find((option) => option === value) ?? '');
      }}
      error={props.error}
    />
  );
}

function RecordEventForm({ course, user }: { readonly course: CourseDetail; readonly user: SessionUser }) {
  const client = useApiClient();
  const zone = zoneOf(course);
  const today = todayIn(zone);
  const [values, setValues] = useState<EventFormValues>(() => emptyEventForm(today, timeIn(zone)));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [result, setResult] = useState<{ readonly answer: RecordEventResponse; readonly kind: string } | undefined>(undefined);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const form = useFormProblems<EventField>(FORM, label, (field) => (field === 'signedBy' ? `${FORM}-signedBy-${SIGNERS[0] ?? 'patient'}` : undefined));
  const id = form.idOf;
  const jurisdiction = jurisdictionOf(course);
  const family = jurisdiction === 'UK' ? 'UK' : jurisdiction === undefined || jurisdiction === 'US' ? 'US' : 'EU';

  useEffect(() => {
    if (result !== undefined) resultHeading.current?.focus();
  }, [result]);

  const update = (patch: Partial<EventFormValues>): void => {
    setValues((previous) => ({ ...previous, ...patch }));
  };
  const errorFor = form.errorFor;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (saving) return;
    const outcome = eventRequestFrom(values, today, new Date(), zone);
    setFailure(undefined);
    form.begin(outcome.ok ? [] : outcome.problems);
    if (!outcome.ok) return;
    setSaving(true);
    client
      .sendFor('POST', `/api/courses/${encodeURIComponent(course.course.id)}/events`, parserFor(recordEventResponseSchema), {
        body: { event: outcome.body, ...actingFor(user, course.course.prescriberId) },
      })
      .then((answer) => {
        setResult({ answer, kind: t(`cf.eventKind.${outcome.body.kind}`) });
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.errors.length > 0) form.serverRefused(error, FIELDS);
        else setFailure(error);
      })
      .finally(() => {
        setSaving(false);
      });
  };

  if (result !== undefined) {
    return (
      <section className="result" aria-labelledby="event-result-title" data-testid="event-result">
        <h2 id="event-result-title" className="result-card__title" ref={resultHeading} tabIndex={-1}>
          {t('cf.event.recorded', { kind: result.kind })}
        </h2>
        <p>{t('cf.event.courseNow', { status: t(`cf.courseStatus.${result.answer.courseStatus}`) })}</p>
        {result.answer.reversedAuthorizations.length === 0 ? null : (
          <p className="notice" role="alert">
            {t('cf.event.reversed', { count: result.answer.reversedAuthorizations.length })}
          </p>
        )}
        {result.answer.decision === undefined ? null : (
          <>
            <h3 className="section-title">{t('cf.event.testAnswer')}</h3>
            <DecisionView decision={result.answer.decision} testId="event-decision" />
          </>
        )}
        <p>
          <a
            href={screenPath('recordEvent', { courseId: course.course.id })}
            onClick={(event) => {
              event.preventDefault();
              setResult(undefined);
              setValues(emptyEventForm(today, timeIn(zone)));
            }}
          >
            {t('cf.event.recordAnother')}
          </a>
        </p>
      </section>
    );
  }

  const kind = values.kind;
  const timed = usesTime(kind);
  return (
    <>
      <p>{t('cf.event.intro')}</p>
      <ErrorSummary items={form.items} focusKey={form.attempt} />
      {failure === undefined ? null : <WriteFailure error={failure} />}
      <form className="form" noValidate onSubmit={onSubmit} data-testid="event-form">
        <Choice id={id('kind')} field="kind" options={EVENT_KINDS} words={(k) => t(`cf.eventKind.${k}`)} value={kind} onChange={(k) => { update({ kind: k }); }} error={errorFor('kind')} />
        <TextField id={id('on')} label={label('on')} type="date" width="medium" value={values.on} onChange={(on) => { update({ on }); }} error={errorFor('on')} />
        {timed ? <TextField id={id('time')} label={label('time')} hint={t('cf.event.timeHint')} width="short" inputMode="numeric" value={values.time} onChange={(time) => { update({ time }); }} error={errorFor('time')} /> : null}
        {kind === 'form_signed' ? (
          <>
            <Choice id={id('form')} field="form" options={FORMS_BY_JURISDICTION[family]} words={(f) => t(`cf.formName.${f}`)} value={values.form} onChange={(f) => { update({ form: f }); }} error={errorFor('form')} />
            <CheckboxGroup name={id('signedBy')} legend={label('signedBy')} options={SIGNERS.map((s) => ({ value: s, label: t(`cf.signer.${s}`) }))} checked={values.signedBy} onChange={(signedBy) => { update({ signedBy }); }} error={errorFor('signedBy')} />
          </>
        ) : null}
        {kind === 'contraception_started' || kind === 'contraception_stopped' ? (
          <Choice id={id('method')} field="method" options={METHODS} words={(m) => t(`cf.method.${m}`)} value={values.method} onChange={(m) => { update({ method: m }); }} error={errorFor('method')} />
        ) : null}
        {kind === 'contraception_exemption' || kind === 'requalified' ? (
          <TextField id={id('reason')} label={label('reason')} value={values.reason} onChange={(reason) => { update({ reason }); }} error={errorFor('reason')} />
        ) : null}
        {kind === 'contraception_exemption' ? (
          <CheckboxGroup
            name={`${FORM}-agreement`}
            legend={t('cf.event.agreement')}
            options={[
              { value: 'prescriber', label: t('cf.event.agreedByPrescriber') },
              { value: 'patient', label: t('cf.event.agreedByPatient') },
            ]}
            checked={[...(values.agreedByPrescriber ? ['prescriber' as const] : []), ...(values.agreedByPatient ? ['patient' as const] : [])]}
            onChange={(checked) => { update({ agreedByPrescriber: checked.includes('prescriber'), agreedByPatient: checked.includes('patient') }); }}
          />
        ) : null}
        {kind === 'comprehension_questions' ? (
          <>
            {(['correct', 'incorrect', 'unanswered'] as const).map((field) => (
              <TextField key={field} id={id(field)} label={label(field)} inputMode="numeric" width="short" value={values[field]} onChange={(value) => { update({ [field]: value }); }} error={errorFor(field)} />
            ))}
          </>
        ) : null}
        {kind === 'pregnancy_test' ? (
          <>
            <Choice id={id('purpose')} field="purpose" options={TEST_PURPOSES} words={(p) => t(`cf.purpose.${p}`)} value={values.purpose} onChange={(p) => { update({ purpose: p }); }} error={errorFor('purpose')} />
            <Choice id={id('specimen')} field="specimen" options={SPECIMENS} words={(s) => t(`cf.specimen.${s}`)} value={values.specimen} onChange={(s) => { update({ specimen: s }); }} error={errorFor('specimen')} />
            <Choice id={id('setting')} field="setting" options={TEST_SETTINGS} words={(s) => t(`cf.testSetting.${s}`)} value={values.setting} onChange={(s) => { update({ setting: s }); }} error={errorFor('setting')} />
            <Choice id={id('result')} field="result" options={TEST_RESULTS} words={(r) => t(`cf.testResult.${r}`)} value={values.result} onChange={(r) => { update({ result: r }); }} error={errorFor('result')} />
            <TextField id={id('sensitivity')} label={label('sensitivity')} hint={t('cf.event.sensitivityHint')} inputMode="decimal" width="short" value={values.sensitivity} onChange={(sensitivity) => { update({ sensitivity }); }} error={errorFor('sensitivity')} />
          </>
        ) : null}
        {kind === 'material_given' ? (
          <Choice id={id('material')} field="material" options={MATERIALS} words={(m) => t(`cf.material.${m}`)} value={values.material} onChange={(m) => { update({ material: m }); }} error={errorFor('material')} />
        ) : null}
        {kind === 'assessment' ? (
          <>
            <Choice id={id('assessment')} field="assessment" options={ASSESSMENTS} words={(a) => t(`cf.assessmentKind.${a}`)} value={values.assessment} onChange={(a) => { update({ assessment: a }); }} error={errorFor('assessment')} />
            <Choice id={id('assessmentSetting')} field="assessmentSetting" options={ASSESSMENT_SETTINGS} words={(s) => t(`cf.assessmentSetting.${s}`)} value={values.assessmentSetting} onChange={(s) => { update({ assessmentSetting: s }); }} error={errorFor('assessmentSetting')} />
          </>
        ) : null}
        {kind === 'second_prescriber_agreement' ? (
          <TextField id={id('otherPrescriberId')} label={label('otherPrescriberId')} value={values.otherPrescriberId} onChange={(otherPrescriberId) => { update({ otherPrescriberId }); }} error={errorFor('otherPrescriberId')} />
        ) : null}
        {kind === 'risk_category_changed' ? (
          <>
            <Choice id={id('category')} field="category" options={RISK_CATEGORIES} words={(c) => t(`cf.risk.${c}`)} value={values.category} onChange={(c) => { update({ category: c }); }} error={errorFor('category')} />
            {values.category === 'cannot_get_pregnant' ? (
              <Choice id={id('basis')} field="basis" options={RISK_BASES} words={(b) => t(`cf.basis.${b}`)} value={values.basis} onChange={(b) => { update({ basis: b }); }} error={errorFor('basis')} />
            ) : null}
            {values.category === 'cannot_get_pregnant' && values.basis === 'post_menopausal' ? (
              <TextField id={id('menopauseMonths')} label={label('menopauseMonths')} inputMode="numeric" width="short" value={values.menopauseMonths} onChange={(menopauseMonths) => { update({ menopauseMonths }); }} error={errorFor('menopauseMonths')} />
            ) : null}
            {values.category === 'cannot_get_pregnant' && values.basis === 'other' ? (
              <TextField id={id('basisOther')} label={label('basisOther')} value={values.basisOther} onChange={(basisOther) => { update({ basisOther }); }} error={errorFor('basisOther')} />
            ) : null}
          </>
        ) : null}
        <button className="button" type="submit" aria-disabled={saving ? true : undefined}>
          {saving ? t('cf.saving') : t('cf.event.submit')}
        </button>
      </form>
    </>
  );
}

/** Record a programme event in a course (prescribers and designees). */
export function RecordEventPage({ courseId, user }: { readonly courseId: string; readonly user: SessionUser }) {
  return (
    <CourseForm courseId={courseId} title={t('cf.event.title')}>
      {(course) => <RecordEventForm course={course} user={user} />}
    </CourseForm>
  );
}

