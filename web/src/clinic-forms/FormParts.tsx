import { useState, type ReactNode } from 'react';
import { courseDetailSchema } from '../../../src/contracts/course.js';
import { decisionSchema } from '../../../src/contracts/program-decision.js';
import type { z } from 'zod';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { parserFor } from '../api/parse.js';
import { useApiQuery } from '../api/use-api-query.js';
import { AppLink } from '../components/AppLink.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import type { SummaryItem } from '../forms/ErrorSummary.js';
import { formatLongDate } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import type { FieldProblem } from './form-fields.js';

export type CourseDetail = z.output<typeof courseDetailSchema>;
export type Decision = z.output<typeof decisionSchema>;

/** The course's chart. */
export function chartPath(courseId: string): `/${string}` {
  return screenPath('clinicChart', { courseId });
}

/** The id of a form field's input: `${form}-${field}` (dots become dashes). */
export function fieldIdOf(form: string, field: string): string {
  return `${form}-${field.replace(/\./g, '-')}`;
}

/** Words for a field problem, naming the field by its label in lower case where it starts a sentence mid-way. */
export function problemText(problem: FieldProblem, label: string): string {
  const field = label;
  switch (problem.code) {
    case 'required':
      return t('cf.problem.required', { field: field.toLowerCase() });
    case 'notChosen':
      return t('cf.problem.choose', { field });
    case 'notANumber':
      return t('cf.problem.notANumber', { field: field.toLowerCase() });
    case 'notPositive':
      return t('cf.problem.notPositive', { field });
    case 'notWhole':
      return t('cf.problem.notWhole', { field: field.toLowerCase() });
    case 'invalidDate':
      return t('cf.problem.invalidDate', { field: field.toLowerCase() });
    case 'future':
      return t('cf.problem.future', { field });
    case 'tooLarge':
      return t('cf.problem.tooLarge', { field, limit: problem.limit ?? 0 });
    case 'tooSmall':
      return t('cf.problem.tooSmall', { field, limit: problem.limit ?? 0 });
    case 'tooLong':
      return t('cf.problem.tooLong', { field, limit: problem.limit ?? 0 });
    case 'notMultiple':
      return t('cf.problem.notMultiple', { limit: problem.limit ?? 0 });
    default: {
      const unreachable: never = problem.code;
      return unreachable;
    }
  }
}

/**
 * A form's problems after a submission: the local checks, or the server's field errors
 * (JSON pointers mapped to the form's fields), each linked to its input from the summary.
 */
export function useFormProblems<F extends string>(form: string, labelOf: (field: F) => string, anchor: (field: F) => string | undefined = () => undefined) {
  const [problems, setProblems] = useState<readonly FieldProblem<F>[]>([]);
  const [serverItems, setServerItems] = useState<readonly SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const errorFor = (field: F): string | undefined => {
    const problem = problems.find((p) => p.field === field);
    return problem === undefined ? undefined : problemText(problem, labelOf(field));
  };
  const items: SummaryItem[] = [...problems.map((p) => ({ message: problemText(p, labelOf(p.field)), fieldId: anchor(p.field) ?? fieldIdOf(form, p.field) })), ...serverItems];
  return {
    problems,
    errorFor,
    items,
    attempt,
    /** Starts a submission: clears the previous one's problems. */
    begin(local: readonly FieldProblem<F>[]): void {
      setProblems(local);
      setServerItems([]);
      setAttempt((n) => n + 1);
    },
    /** The server refused with field errors: each one in the summary, linked when it names a known field. */
    serverRefused(error: ApiError, fields: readonly F[]): void {
      setServerItems(
        error.errors.map((e) => {
          const name = e.pointer.replace(/^\/(event\/)?/, '').split('/')[0] ?? '';
          const field = fields.find((f) => f === name);
          return { message: e.detail, fieldId: field === undefined ? undefined : (anchor(field) ?? fieldIdOf(form, field)) };
        }),
      );
      setAttempt((n) => n + 1);
    },
    idOf: (field: F): string => fieldIdOf(form, field),
  };
}

/** The programme decision in a refused answer (`rule_blocked`), when there is one. */
export function blockedDecision(error: unknown): Decision | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const parsed = decisionSchema.safeParse(error.extensions.decision);
  return parsed.success ? parsed.data : undefined;
}

export function DecisionView({ decision, testId = 'decision' }: { readonly decision: Decision; readonly testId?: string }) {
  const pack = decision.pack.id;
  return (
    <section className="result decision" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`} className="result-card__title">
        {t('cf.decision.heading')}
      </h2>
      <p data-testid={`${testId}-outcome`}>{decision.outcome === 'allowed' ? t('cf.decision.allowed', { pack }) : t('cf.decision.blocked', { pack })}</p>
      {decision.unmet.length === 0 ? null : (
        <ul className="warning-list" data-testid={`${testId}-unmet`}>
          {decision.unmet.map((u) => (
            <li className="warning" key={`${u.ruleId}:${u.code}`} data-rule={u.ruleId}>
              <p className="warning__title">{u.staffMessage}</p>
              <p>
                <span className="rule-id">{t('rule.id', { id: u.ruleId })}</span>
                {u.earliestDate === undefined ? null : <> · {t('cf.decision.earliest', { date: formatLongDate(u.earliestDate) })}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {decision.warnings.length === 0 ? null : (
        <>
          <h3 className="section-title">{t('cf.decision.warnings')}</h3>
          <ul className="warning-list">
            {decision.warnings.map((w) => (
              <li className="warning" key={`${w.ruleId}:${w.code}`}>
                <p>{w.staffMessage}</p>
                <p className="rule-id">{t('rule.id', { id: w.ruleId })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {decision.nextSteps.length === 0 ? null : (
        <>
          <h3 className="section-title">{t('cf.decision.nextSteps')}</h3>
          <ul className="step-list">
            {decision.nextSteps.map((s) => (
              <li key={`${s.ruleId}:${s.code}:${s.who}`}>
                <strong>{t(`cf.decision.stepWho.${s.who}`)}:</strong> {s.text}
                {s.from === undefined ? null : <> ({t('cf.decision.from', { date: formatLongDate(s.from) })})</>}
                {s.by === undefined ? null : <> ({t('cf.decision.by', { date: formatLongDate(s.by) })})</>} <span className="rule-id">{t('rule.id', { id: s.ruleId })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A failed write: the plain-words message, and the programme's reasons when it refused. */
export function WriteFailure({ error, testId = 'write-failure' }: { readonly error: unknown; readonly testId?: string }) {
  const decision = blockedDecision(error);
  const message = error instanceof ApiError ? apiErrorMessage(error) : t('apiError.unexpected');
  return (
    <div data-testid={testId}>
      {decision === undefined ? (
        <p className="notice notice--error" role="alert">
          {message}
        </p>
      ) : (
        <DecisionView decision={decision} testId={`${testId}-decision`} />
      )}
    </div>
  );
}

const OPEN_STATUSES = new Set(['qualifying', 'active', 'paused']);

/**
 * The frame of a course form: reads the course (audited), names the patient, links back to the
 * chart, and says so when the course is closed instead of offering a form that must fail.
 */
export function CourseForm({ courseId, title, children }: { readonly courseId: string; readonly title: string; readonly children: (course: CourseDetail, reload: () => void) => ReactNode }) {
  const query = useApiQuery(`/api/courses/${encodeURIComponent(courseId)}`, parserFor(courseDetailSchema));
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <LoadState query={query} testId="course">
        {(course) => (
          <>
            <p className="lead" data-testid="course-for">
              {t('cf.course.for', { name: course.patient.displayName })} · {t('cf.course.status', { status: t(`cf.courseStatus.${course.course.status}`) })}
            </p>
            <p>
              <AppLink to={chartPath(courseId)}>{t('cf.course.backToChart')}</AppLink>
            </p>
            {OPEN_STATUSES.has(course.course.status) ? (
              children(course, query.reload)
            ) : (
              <p className="notice" data-testid="course-closed">
                {t('cf.course.closed', { status: t(`cf.courseStatus.${course.course.status}`) })}
              </p>
            )}
          </>
        )}
      </LoadState>
    </>
  );
}

/** The clinic's time zone, as the programme decisions of this course name it: the days every form counts in. */
export function zoneOf(course: CourseDetail): string | undefined {
  for (const d of course.decisions) {
    const parsed = decisionSchema.safeParse(d.decision);
    if (parsed.success) return parsed.data.pack.zone;
  }
  return undefined;
}

/** The jurisdiction of the clinic, as the programme decisions of this course name it. */
export function jurisdictionOf(course: CourseDetail): string | undefined {
  for (const d of course.decisions) {
    const parsed = decisionSchema.safeParse(d.decision);
    if (parsed.success) return parsed.data.pack.jurisdiction;
  }
  return undefined;
}
