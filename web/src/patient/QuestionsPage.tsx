import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { comprehensionResultSchema } from '../../../src/contracts/patient-export.js';
import { COMPREHENSION_QUESTIONS, type ComprehensionQuestion } from '../../../src/domain/comprehension/index.js';
import type { z } from 'zod';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { parserFor } from '../api/parse.js';
import { AppLink } from '../components/AppLink.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import { comprehensionTexts, type QuestionText } from '../content/en/comprehension.js';
import { learnTopics } from '../content/learn.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { RadioGroup, radioId, type RadioOption } from '../forms/RadioGroup.js';
import { t } from '../i18n/t.js';
import { learnTopicPath } from '../routing/routes.js';
import { useApiClient } from '../session/session-context.js';
import { openCourseId, useOwnCourse } from './own-course.js';

type Result = z.output<typeof comprehensionResultSchema>;
const parseResult = parserFor(comprehensionResultSchema);
const fieldName = (id: string): string => `question-${id}`;

function textOf(question: ComprehensionQuestion): QuestionText {
  return comprehensionTexts[question.id] as QuestionText;
}

function optionsOf(question: ComprehensionQuestion): RadioOption<string>[] {
  const text = textOf(question);
  return question.options.map((option) => ({ value: option, label: (text.options as Readonly<Record<string, string>>)[option] ?? option }));
}

function QuestionsForm({ courseId }: { readonly courseId: string }) {
  const client = useApiClient();
  const [choices, setChoices] = useState<Readonly<Record<string, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [submitted, setSubmitted] = useState(false);
  const [result, setResult] = useState<Result | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const missing = submitted ? COMPREHENSION_QUESTIONS.flatMap((q, index) => (choices[q.id] === undefined ? [{ q, number: index + 1 }] : [])) : [];
  const errors = missing.map(({ q, number }) => ({ message: t('patient.questions.missing', { number }), fieldId: radioId(fieldName(q.id), q.options[0]) }));

  useEffect(() => {
    if (result !== undefined) resultHeading.current?.focus();
  }, [result]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setSubmitted(true);
    setAttempt((n) => n + 1);
    if (COMPREHENSION_QUESTIONS.some((q) => choices[q.id] === undefined)) return;
    setSending(true);
    setFailure(undefined);
    const answers = COMPREHENSION_QUESTIONS.map((q) => ({ questionId: q.id, choice: choices[q.id] ?? null }));
    client.sendFor('POST', `/api/courses/${courseId}/comprehension-questions`, parseResult, { body: { answers } }).then(
      (answer) => {
        setSending(false);
        setResult(answer);
      },
      (error: unknown) => {
        setSending(false);
        setFailure(error instanceof ApiError ? apiErrorMessage(error) : String(error));
      },
    );
  };

  const gradeOf = (id: string): string | undefined => result?.items.find((i) => i.questionId === id)?.answer;

  return (
    <>
      <ErrorSummary items={errors} focusKey={attempt} />
      {result === undefined ? null : (
        <section className={result.allCorrect ? 'notice notice--success' : 'notice'} aria-labelledby="questions-result" data-testid="questions-result">
          <h2 id="questions-result" ref={resultHeading} tabIndex={-1} className="section-title">
            {t('patient.questions.saved')}
          </h2>
          <p>{result.allCorrect ? t('patient.questions.allCorrect') : t('patient.questions.someWrong')}</p>
          <p className="hint">{t('rule.id', { id: result.ruleId })}</p>
        </section>
      )}
      {failure === undefined ? null : (
        <p className="notice notice--error" role="alert" data-testid="questions-failed">
          {t('patient.save.failed', { reason: failure })}
        </p>
      )}
      <form className="form" noValidate onSubmit={onSubmit}>
        {COMPREHENSION_QUESTIONS.map((question, index) => {
          const grade = gradeOf(question.id);
          return (
            <div key={question.id} data-testid={`question-${question.id}`}>
              <RadioGroup
                name={fieldName(question.id)}
                legend={`${String(index + 1)}. ${textOf(question).text}`}
                options={optionsOf(question)}
                value={choices[question.id]}
                onChange={(value) => {
                  setChoices((previous) => ({ ...previous, [question.id]: value }));
                }}
                error={missing.some((m) => m.q.id === question.id) ? t('patient.questions.missing', { number: index + 1 }) : undefined}
              />
              {grade === undefined ? null : (
                <p className={grade === 'correct' ? 'notice notice--success' : 'notice notice--error'} data-testid={`grade-${question.id}`}>
                  <strong>{grade === 'correct' ? t('patient.questions.correct') : t('patient.questions.incorrect')}</strong> {textOf(question).why}
                </p>
              )}
            </div>
          );
        })}
        <button className="button" type="submit" disabled={sending}>
          {t('patient.questions.submit')}
        </button>
      </form>
    </>
  );
}

/** This month's comprehension questions, answered by the patient (PROG-QUESTIONS-PATIENT). */
export function QuestionsPage() {
  const own = useOwnCourse();
  return (
    <>
      <PageTitle>{t('patient.questions.title')}</PageTitle>
      <p className="lead">{t('patient.questions.intro')}</p>
      <p className="notice notice--quiet" data-testid="questions-after-test">
        {t('patient.questions.afterTest')}
      </p>
      <p>
        <AppLink to={learnTopicPath('pregnancy-and-contraception')}>{learnTopics['pregnancy-and-contraception'].title}</AppLink>
        {' · '}
        <AppLink to={learnTopicPath('safety-rules')}>{learnTopics['safety-rules'].title}</AppLink>
      </p>
      <LoadState query={own} testId="own-course">
        {(course) => {
          const courseId = openCourseId(course);
          return courseId === undefined ? <p>{t('patient.questions.noCourse')}</p> : <QuestionsForm courseId={courseId} />;
        }}
      </LoadState>
    </>
  );
}
