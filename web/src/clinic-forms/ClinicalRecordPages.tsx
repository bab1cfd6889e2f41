import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { labResponseSchema, phq9ResponseSchema, recordedFactResponseSchema } from '../../../src/contracts/clinical-views.js';
import type { z } from 'zod';
import type { SessionUser } from '../api/auth-api.js';
import { ApiError } from '../api/api-error.js';
import type { BodyParser } from '../api/client.js';
import { parserFor } from '../api/parse.js';
import { phq9Texts } from '../content/assessments.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { RadioGroup, radioId } from '../forms/RadioGroup.js';
import { SelectField } from '../forms/SelectField.js';
import { TextField } from '../forms/TextField.js';
import { t } from '../i18n/t.js';
import { useApiClient } from '../session/session-context.js';
import { emptyGradingForm, emptyPhq9Form, GAGS_REGIONS, GRADING_SCALES, gradingRequestFrom, phq9RequestFrom, type GradingField, type GradingFormValues, type Phq9Answer, type Phq9Field, type Phq9FormValues } from './assessment-forms.js';
import { actingFor, timeIn, todayIn, type FormOutcome } from './form-fields.js';
import { zoneOf, CourseForm, DecisionView, useFormProblems, WriteFailure, type CourseDetail } from './FormParts.js';
import { isPregnancyCode, LAB_CODES, LAB_PURPOSES, LAB_SETTINGS, labCodeOf, labRequestFrom, QUALITATIVE, type LabField, type LabFormValues } from './lab-form.js';

type Fact = z.output<typeof recordedFactResponseSchema>;

/**
 * What the three clinical forms share: check, post, show the recorded fact (its grade or band
 * and the tasks it created) with focus on the answer, or the refusal.
 */
function useClinicalSubmit<F extends string, B, R extends Fact>(form: ReturnType<typeof useFormProblems<F>>, fields: readonly F[], path: string, parse: BodyParser<R>) {
  const client = useApiClient();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [result, setResult] = useState<R | undefined>(undefined);
  const submit = (outcome: FormOutcome<B, F>): void => {
    if (saving) return;
    setFailure(undefined);
    form.begin(outcome.ok ? [] : outcome.problems);
    if (!outcome.ok) return;
    setSaving(true);
    client
      .sendFor('POST', path, parse, { body: outcome.body })
      .then(setResult)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.errors.length > 0) form.serverRefused(error, fields);
        else setFailure(error);
      })
      .finally(() => {
        setSaving(false);
      });
  };
  return { saving, failure, result, submit };
}

function FactResult({ title, fact, children, testId }: { readonly title: string; readonly fact: Fact; readonly children?: ReactNode; readonly testId: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="result" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`} className="result-card__title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {fact.fact.valueText === null ? null : <p data-testid={`${testId}-value`}>{fact.fact.valueText}</p>}
      {fact.tasks.length === 0 ? null : (
        <>
          <h3 className="section-title">{t('cf.lab.tasks')}</h3>
          <ul className="warning-list" data-testid={`${testId}-tasks`}>
            {fact.tasks.map((task) => (
              <li className="warning" key={`${task.kind}:${task.urgency}`}>
                <p className="warning__title">{t(`cf.urgency.${task.urgency}`)}</p>
                <p>{task.kind}</p>
                <p className="rule-id">{task.ruleIds.map((id) => t('rule.id', { id })).join(', ')}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {children}
    </section>
  );
}

function SubmitButton({ saving, label }: { readonly saving: boolean; readonly label: string }) {
  return (
    <button className="button" type="submit" aria-disabled={saving ? true : undefined}>
      {saving ? t('cf.saving') : label}
    </button>
  );
}

const coursePath = (course: CourseDetail, segment: string): string => `/api/courses/${encodeURIComponent(course.course.id)}/${segment}`;

// ---- lab ----

function LabForm({ course, user }: { readonly course: CourseDetail; readonly user: SessionUser }) {
  const zone = zoneOf(course);
  const today = todayIn(zone);
  const [values, setValues] = useState<LabFormValues>({ loinc: '', value: '', qualitative: '', referenceRangeHigh: '', baselineValue: '', date: today, time: timeIn(zone), purpose: '', setting: '' });
  const code = labCodeOf(values.loinc);
  const unit = code?.kind === 'quantity' ? code.unit : '';
  const labels: Readonly<Record<LabField, () => string>> = {
    loinc: () => t('cf.lab.code'),
    value: () => t('cf.lab.value', { unit }),
    qualitative: () => t('cf.lab.qualitative'),
    referenceRangeHigh: () => t('cf.lab.uln', { unit }),
    baselineValue: () => t('cf.lab.baseline', { unit }),
    date: () => t('cf.lab.date'),
    time: () => t('cf.lab.time'),
    purpose: () => t('cf.event.purpose'),
    setting: () => t('cf.event.setting'),
  };
  const form = useFormProblems<LabField>('lab', (field) => labels[field]());
  const id = form.idOf;
  const { saving, failure, result, submit } = useClinicalSubmit(form, Object.keys(labels) as LabField[], coursePath(course, 'labs'), parserFor(labResponseSchema));
  const update = (patch: Partial<LabFormValues>): void => {
    setValues((previous) => ({ ...previous, ...patch }));
  };
  if (result !== undefined) {
    return (
      <FactResult title={t('cf.lab.recorded')} fact={result} testId="lab-result">
        {result.programme?.decision === undefined ? null : <DecisionView decision={result.programme.decision} testId="lab-decision" />}
      </FactResult>
    );
  }
  const pregnancy = isPregnancyCode(code);
  return (
    <>
      <ErrorSummary items={form.items} focusKey={form.attempt} />
      {failure === undefined ? null : <WriteFailure error={failure} testId="lab-failure" />}
      <form
        className="form"
        noValidate
        data-testid="lab-form"
        onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
          event.preventDefault();
          submit(labRequestFrom(values, new Date(), today, actingFor(user, course.course.prescriberId), zone));
        }}
      >
        <SelectField
          id={id('loinc')}
          label={labels.loinc()}
          options={[{ value: '', label: t('cf.lab.chooseCode') }, ...LAB_CODES.map((c) => ({ value: c.loinc, label: `${c.display} (LOINC ${c.loinc})` }))]}
          value={values.loinc}
          onChange={(loinc) => { update({ loinc }); }}
          error={form.errorFor('loinc')}
        />
        {code?.kind === 'quantity' ? (
          <>
            <TextField id={id('value')} label={labels.value()} inputMode="decimal" width="short" autoComplete="off" value={values.value} onChange={(value) => { update({ value }); }} error={form.errorFor('value')} />
            <TextField id={id('referenceRangeHigh')} label={labels.referenceRangeHigh()} inputMode="decimal" width="short" autoComplete="off" value={values.referenceRangeHigh} onChange={(referenceRangeHigh) => { update({ referenceRangeHigh }); }} error={form.errorFor('referenceRangeHigh')} />
            {code.analyte === 'alt' || code.analyte === 'ast' ? (
              <TextField id={id('baselineValue')} label={labels.baselineValue()} inputMode="decimal" width="short" autoComplete="off" value={values.baselineValue} onChange={(baselineValue) => { update({ baselineValue }); }} error={form.errorFor('baselineValue')} />
            ) : null}
          </>
        ) : null}
        {code?.kind === 'presence' ? (
          <SelectField id={id('qualitative')} label={labels.qualitative()} options={[{ value: '', label: t('cf.event.chooseKind') }, ...QUALITATIVE.map((q) => ({ value: q, label: t(`cf.qualitative.${q}`) }))]} value={values.qualitative} onChange={(q) => { update({ qualitative: QUALITATIVE.find((v) => v === q) ?? '' }); }} error={form.errorFor('qualitative')} />
        ) : null}
        {pregnancy ? (
          <>
            <p className="field__hint">{t('cf.lab.pregnancyHint')}</p>
            <SelectField id={id('purpose')} label={labels.purpose()} options={[{ value: '', label: t('cf.event.chooseKind') }, ...LAB_PURPOSES.map((p) => ({ value: p, label: t(`cf.purpose.${p}`) }))]} value={values.purpose} onChange={(p) => { update({ purpose: LAB_PURPOSES.find((v) => v === p) ?? '' }); }} error={form.errorFor('purpose')} />
            <SelectField id={id('setting')} label={labels.setting()} options={[{ value: '', label: t('cf.event.chooseKind') }, ...LAB_SETTINGS.map((s) => ({ value: s, label: t(`cf.testSetting.${s}`) }))]} value={values.setting} onChange={(s) => { update({ setting: LAB_SETTINGS.find((v) => v === s) ?? '' }); }} error={form.errorFor('setting')} />
          </>
        ) : null}
        <TextField id={id('date')} label={labels.date()} type="date" width="medium" value={values.date} onChange={(date) => { update({ date }); }} error={form.errorFor('date')} />
        <TextField id={id('time')} label={labels.time()} hint={t('cf.event.timeHint')} inputMode="numeric" width="short" value={values.time} onChange={(time) => { update({ time }); }} error={form.errorFor('time')} />
        <SubmitButton saving={saving} label={t('cf.lab.submit')} />
      </form>
    </>
  );
}

export function RecordLabPage({ courseId, user }: { readonly courseId: string; readonly user: SessionUser }) {
  return <CourseForm courseId={courseId} title={t('cf.lab.title')}>{(course) => <LabForm course={course} user={user} />}</CourseForm>;
}

// ---- PHQ-9 (staff) ----

const PHQ9_CHOICES: readonly Phq9Answer[] = ['0', '1', '2', '3'];

function Phq9Form({ course, user }: { readonly course: CourseDetail; readonly user: SessionUser }) {
  const zone = zoneOf(course);
  const today = todayIn(zone);
  const [values, setValues] = useState<Phq9FormValues>(() => emptyPhq9Form(today, timeIn(zone)));
  const labels: Readonly<Record<Phq9Field, () => string>> = { answers: () => t('cf.phq9.answers'), date: () => t('cf.phq9.date'), time: () => t('cf.phq9.time') };
  const form = useFormProblems<Phq9Field>('phq9', (field) => labels[field](), (field) => (field === 'answers' ? radioId('phq9-item-1', '0') : undefined));
  const { saving, failure, result, submit } = useClinicalSubmit(form, ['answers', 'date', 'time'], coursePath(course, 'phq9'), parserFor(phq9ResponseSchema));
  if (result !== undefined) return <FactResult title={t('cf.phq9.recorded', { value: result.fact.valueText ?? '' })} fact={result} testId="phq9-result" />;
  return (
    <>
      <p>{t('cf.phq9.intro')}</p>
      <ErrorSummary items={form.items} focusKey={form.attempt} />
      {failure === undefined ? null : <WriteFailure error={failure} testId="phq9-failure" />}
      <form
        className="form"
        noValidate
        data-testid="phq9-form"
        onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
          event.preventDefault();
          submit(phq9RequestFrom(values, new Date(), today, actingFor(user, course.course.prescriberId), zone));
        }}
      >
        <p className="questionnaire-stem">{phq9Texts.stem}</p>
        {phq9Texts.items.map((text, index) => (
          <RadioGroup
            key={text}
            name={`phq9-item-${String(index + 1)}`}
            legend={t('cf.phq9.item', { number: index + 1, text })}
            options={[...PHQ9_CHOICES.map((value) => ({ value, label: phq9Texts.answers[Number(value) as 0 | 1 | 2 | 3] })), { value: 'none' as const, label: t('cf.phq9.noAnswer') }]}
            value={values.answers[index] === '' ? 'none' : values.answers[index]}
            onChange={(value) => {
              setValues((previous) => ({ ...previous, answers: previous.answers.map((a, i) => (i === index ? (value === 'none' ? '' : value) : a)) }));
            }}
            error={index === 0 ? form.errorFor('answers') : undefined}
          />
        ))}
        <TextField id="phq9-date" label={labels.date()} type="date" width="medium" value={values.date} onChange={(date) => { setValues((p) => ({ ...p, date })); }} error={form.errorFor('date')} />
        <TextField id="phq9-time" label={labels.time()} hint={t('cf.event.timeHint')} inputMode="numeric" width="short" value={values.time} onChange={(time) => { setValues((p) => ({ ...p, time })); }} error={form.errorFor('time')} />
        <SubmitButton saving={saving} label={t('cf.phq9.submit')} />
      </form>
    </>
  );
}

export function RecordPhq9Page({ courseId, user }: { readonly courseId: string; readonly user: SessionUser }) {
  return <CourseForm courseId={courseId} title={t('cf.phq9.title')}>{(course) => <Phq9Form course={course} user={user} />}</CourseForm>;
}

// ---- grading ----

const GRADES: Readonly<Record<'iga' | 'scars', readonly string[]>> = { iga: ['0', '1', '2', '3', '4'], scars: ['1', '2', '3', '4'] };

function gradingLabel(field: GradingField): string {
  if (field === 'scale') return t('cf.grading.scale');
  if (field === 'grade') return t('cf.grading.grade');
  if (field === 'assessedOn') return t('cf.grading.assessedOn');
  return t(`cf.grading.region.${field.slice('gags.'.length) as (typeof GAGS_REGIONS)[number]}`);
}

function GradingForm({ course, user }: { readonly course: CourseDetail; readonly user: SessionUser }) {
  const zone = zoneOf(course);
  const today = todayIn(zone);
  const [values, setValues] = useState<GradingFormValues>(() => emptyGradingForm(today));
  const form = useFormProblems<GradingField>('grading', gradingLabel, (field) =>
    field === 'scale' ? radioId('grading-scale', GRADING_SCALES[0]) : field === 'grade' ? radioId('grading-grade', values.scale === 'scars' ? '1' : '0') : field.startsWith('gags.') ? radioId(`grading-${field.replace('.', '-')}`, '0') : undefined,
  );
  const { saving, failure, result, submit } = useClinicalSubmit(form, ['scale', 'grade', 'assessedOn'], coursePath(course, 'gradings'), parserFor(recordedFactResponseSchema));
  if (result !== undefined) return <FactResult title={t('cf.grading.recorded')} fact={result} testId="grading-result" />;
  return (
    <>
      <ErrorSummary items={form.items} focusKey={form.attempt} />
      {failure === undefined ? null : <WriteFailure error={failure} testId="grading-failure" />}
      <form
        className="form"
        noValidate
        data-testid="grading-form"
        onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
          event.preventDefault();
          submit(gradingRequestFrom(values, today, actingFor(user, course.course.prescriberId)));
        }}
      >
        <RadioGroup name="grading-scale" legend={t('cf.grading.scale')} options={GRADING_SCALES.map((value) => ({ value, label: t(`cf.gradingScale.${value}`) }))} value={values.scale === '' ? undefined : values.scale} onChange={(scale) => { setValues((p) => ({ ...p, scale, grade: '' })); }} error={form.errorFor('scale')} />
        {values.scale === 'iga' || values.scale === 'scars' ? (
          <RadioGroup name="grading-grade" legend={t('cf.grading.grade')} options={GRADES[values.scale].map((value) => ({ value, label: value }))} value={values.grade === '' ? undefined : values.grade} onChange={(grade) => { setValues((p) => ({ ...p, grade })); }} error={form.errorFor('grade')} inline />
        ) : null}
        {values.scale === 'gags' ? (
          <>
            <p className="field__hint">{t('cf.grading.gagsHint')}</p>
            {GAGS_REGIONS.map((region) => (
              <RadioGroup
                key={region}
                name={`grading-gags-${region}`}
                legend={t(`cf.grading.region.${region}`)}
                options={['0', '1', '2', '3', '4'].map((value) => ({ value, label: value }))}
                value={values.gags[region] === '' ? undefined : values.gags[region]}
                onChange={(grade) => { setValues((p) => ({ ...p, gags: { ...p.gags, [region]: grade } })); }}
                error={form.errorFor(`gags.${region}`)}
                inline
              />
            ))}
          </>
        ) : null}
        <TextField id="grading-assessedOn" label={t('cf.grading.assessedOn')} type="date" width="medium" value={values.assessedOn} onChange={(assessedOn) => { setValues((p) => ({ ...p, assessedOn })); }} error={form.errorFor('assessedOn')} />
        <SubmitButton saving={saving} label={t('cf.grading.submit')} />
      </form>
    </>
  );
}

export function RecordGradingPage({ courseId, user }: { readonly courseId: string; readonly user: SessionUser }) {
  return <CourseForm courseId={courseId} title={t('cf.grading.title')}>{(course) => <GradingForm course={course} user={user} />}</CourseForm>;
}
