import { useEffect, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { checklistFor, triageCheckIn, type SymptomDefinition } from '../../../src/domain/symptoms/index.js';
import { PageTitle } from '../components/PageTitle.js';
import { symptomOptionText, symptomText } from '../content/assessments.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { RadioGroup, radioId } from '../forms/RadioGroup.js';
import { symptomResponseSchema } from '../../../src/contracts/clinical-views.js';
import { parserFor } from '../api/parse.js';
import { t } from '../i18n/t.js';
import { CheckInSaveStatus, useCheckInSave } from '../patient/CheckInSave.js';
import { SymptomAdvice } from './SymptomAdvice.js';

// Whether this patient can get pregnant is not known to the web app yet (the course service will
// tell): an unknown category keeps the pregnancy questions, as the domain's checklist does.
const checklist: readonly SymptomDefinition[] = checklistFor({});
const fieldName = (symptomId: string): string => `symptom-${symptomId}`;
const parseReport = parserFor(symptomResponseSchema);

function options(symptom: SymptomDefinition): { value: string; label: string }[] {
  return symptom.options.map((option) => ({ value: option.id, label: symptomOptionText(symptom.id, option.id)?.label ?? option.label }));
}

/**
 * The symptom check-in (clinical-rules.md s3), triaged by the domain (src/domain/symptoms) at once,
 * and saved to the open course (POST /symptoms): the server's advice, most urgent first, is shown.
 */
export function SymptomCheckPage() {
  const [answers, setAnswers] = useState<Readonly<Record<string, string>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const saving = useCheckInSave('symptoms', parseReport, (r) => ({ messages: r.whatToDo, tasks: r.tasks }));

  const answered = checklist.filter((symptom) => answers[symptom.id] !== undefined);
  const result = useMemo(() => {
    const given = checklist.flatMap((symptom) => {
      const answer = answers[symptom.id];
      return answer === undefined ? [] : [{ symptomId: symptom.id, answer }];
    });
    return triageCheckIn({ answers: given });
  }, [answers]);
  const nothingAnswered = answered.length === 0;

  useEffect(() => {
    if (attempt > 0 && !nothingAnswered) resultHeading.current?.focus();
    // only a submission moves focus
  }, [attempt]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setSubmitted(true);
    setAttempt((n) => n + 1);
    const given = Object.entries(answers).map(([symptomId, answer]) => ({ symptomId, answer }));
    if (given.length > 0) saving.save({ answers: given });
  };

  const firstSymptom = checklist[0];
  const errors =
    submitted && nothingAnswered && firstSymptom !== undefined
      ? [{ message: t('symptoms.error.noneAnswered'), fieldId: radioId(fieldName(firstSymptom.id), 'no') }]
      : [];

  return (
    <>
      <PageTitle>{t('symptoms.title')}</PageTitle>
      <p className="lead">{t('symptoms.intro')}</p>
      <p className="notice notice--quiet">{t('symptoms.emergency')}</p>
      <p data-testid="symptoms-saving-intro">{t('symptoms.savedWhen')}</p>
      <ErrorSummary items={errors} focusKey={attempt} />
      {submitted && !nothingAnswered ? (
        <SymptomAdvice result={result} unanswered={checklist.length - answered.length} headingRef={resultHeading} />
      ) : null}
      {submitted && !nothingAnswered ? <CheckInSaveStatus state={saving.state} testId="symptoms-save" /> : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <p className="questionnaire-stem">{t('symptoms.stem')}</p>
        {checklist.map((symptom, index) => (
          <RadioGroup
            key={symptom.id}
            name={fieldName(symptom.id)}
            legend={`${String(index + 1)}. ${symptomText(symptom.id)?.question ?? symptom.question}`}
            hint={symptom.audience === 'canGetPregnant' ? t('symptoms.pregnancyHint') : undefined}
            options={options(symptom)}
            inline={symptom.options.length === 2}
            value={answers[symptom.id]}
            onChange={(value) => {
              setAnswers((previous) => ({ ...previous, [symptom.id]: value }));
            }}
            testId={fieldName(symptom.id)}
          />
        ))}
        <button className="button" type="submit">
          {t('symptoms.submit')}
        </button>
      </form>
    </>
  );
}
