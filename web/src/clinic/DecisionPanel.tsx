import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { z } from 'zod';
import { planAnswerSchema, type decisionSchema } from '../../../src/contracts/program-decision.js';
import { programCheckResponseSchema } from '../../../src/contracts/worklist.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { ApiError } from '../api/api-error.js';
import { parserFor } from '../api/parse.js';
import { TextField } from '../forms/TextField.js';
import { formatLongDate } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import { useApiClient } from '../session/session-context.js';
import { courseApiPath, currentPrescription, type CourseDetail } from './chart-data.js';
import { ChartSection } from './ChartSection.js';
import { programmeToday } from './today.js';
import { UnmetList, whoText, itemDates } from './WorkItems.js';

type Decision = z.output<typeof decisionSchema>;
type PlanAnswer = z.output<typeof planAnswerSchema>;
type CheckAction = 'issue_authorization' | 'finish_course';

const parseDecision = parserFor(programCheckResponseSchema);
const parsePlan = parserFor(planAnswerSchema);

type CheckState = { readonly status: 'loading' } | { readonly status: 'error'; readonly message: string } | { readonly status: 'ready'; readonly decision: Decision };

const asApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : new ApiError({ kind: 'unexpected', status: 0, code: 'unexpected_response' }));

/** Asks the programme engine whether `action` is allowed now (POST /check: it records nothing). */
function useProgrammeCheck(courseId: string, action: CheckAction, prescriptionId: string | undefined): CheckState {
  const client = useApiClient();
  const [state, setState] = useState<CheckState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const body = action === 'issue_authorization' ? { action, prescriptionId } : { action };
    client.sendFor('POST', courseApiPath(courseId, 'check'), parseDecision, { body, signal: controller.signal }).then(
      (decision) => {
        if (!controller.signal.aborted) setState({ status: 'ready', decision });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: apiErrorMessage(asApiError(error)) });
      },
    );
    return () => {
      controller.abort();
    };
  }, [client, courseId, action, prescriptionId]);
  return state;
}

const ACTION_KEYS = { issue_authorization: 'chart.decision.action.issue_authorization', finish_course: 'chart.decision.action.finish_course' } as const;

function DecisionCard({ courseId, action, prescriptionId }: { readonly courseId: string; readonly action: CheckAction; readonly prescriptionId: string | undefined }) {
  const state = useProgrammeCheck(courseId, action, prescriptionId);
  const title = t(ACTION_KEYS[action]);
  switch (state.status) {
    case 'loading':
      return (
        <p className="notice notice--quiet" role="status">
          {t('load.loading')}
        </p>
      );
    case 'error':
      return (
        <div className="notice notice--error" role="alert">
          <p>{state.message}</p>
        </div>
      );
    case 'ready': {
      const { decision } = state;
      const allowed = decision.outcome === 'allowed';
      return (
        <div className={allowed ? 'decision decision--allowed' : 'decision decision--blocked'} data-testid={`decision-${action}`}>
          <h3 className="decision__title">{title}</h3>
          <p className="decision__outcome" data-testid="decision-outcome">
            <strong>{allowed ? t('chart.decision.allowed') : t('chart.decision.blocked')}</strong>{' '}
            {t('chart.decision.asOf', { date: formatLongDate(decision.actionDate), pack: decision.pack.id })}
          </p>
          {decision.window === undefined ? null : <p>{t('chart.decision.window', { date: formatLongDate(decision.window.lastDayToCollect) })}</p>}
          {decision.unmet.length === 0 ? null : (
            <>
              <p className="decision__subtitle">{t('chart.decision.reasons', { count: decision.unmet.length })}</p>
              <UnmetList unmet={decision.unmet} testId="decision-reasons" />
            </>
          )}
          {decision.nextSteps.length === 0 ? null : (
            <>
              <p className="decision__subtitle">{t('chart.decision.nextSteps')}</p>
              <ul className="work-list" data-testid="decision-next-steps">
                {decision.nextSteps.map((step) => {
                  const dates = itemDates(step);
                  return (
                    <li key={step.code} className="work-item">
                      <span className="work-item__who">{whoText(step.who)}:</span> {step.text}
                      {dates === undefined ? null : <span className="work-item__dates"> {dates}.</span>} <span className="rule-id">{t('rule.id', { id: step.ruleId })}</span>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {decision.warnings.length === 0 ? null : (
            <ul className="warning-list">
              {decision.warnings.map((w) => (
                <li key={w.code} className="warning">
                  <p>{w.staffMessage}</p>
                  <p className="rule-id">{t('rule.id', { id: w.ruleId })}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    }
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/**
 * The programme decision panel: whether the next authorization may be issued now (for the
 * current prescription) and, for a course under treatment, whether it may be finished; every
 * reason with its rule, the earliest day it can be met, what to do and who does it.
 */
export function DecisionPanel({ detail }: { readonly detail: CourseDetail }) {
  const prescription = currentPrescription(detail);
  const open = detail.course.status === 'qualifying' || detail.course.status === 'active' || detail.course.status === 'paused';
  return (
    <ChartSection id="chart-decision" title={t('chart.decision.heading')} testId="chart-decision">
      {!open ? (
        <p>{t('chart.decision.closed')}</p>
      ) : prescription === undefined ? (
        <p data-testid="decision-no-prescription">{t('chart.decision.noPrescription')}</p>
      ) : (
        <>
          <p className="field__hint">{t('chart.decision.forPrescription', { date: formatLongDate(prescription.writtenOn), daily: prescription.dailyMg })}</p>
          <DecisionCard courseId={detail.course.id} action="issue_authorization" prescriptionId={prescription.id} />
        </>
      )}
      {detail.course.status === 'active' ? <DecisionCard courseId={detail.course.id} action="finish_course" prescriptionId={undefined} /> : null}
    </ChartSection>
  );
}

function PlanResult({ plan }: { readonly plan: PlanAnswer }) {
  switch (plan.kind) {
    case 'pickup_plan':
      return (
        <>
          <p className={plan.feasible ? 'decision__outcome decision--allowed' : 'decision__outcome decision--blocked'} data-testid="plan-outcome">
            {plan.feasible
              ? t('chart.planner.feasible', { date: formatLongDate(plan.intendedPickup) })
              : plan.plannedPickup === undefined
                ? t('chart.planner.notFeasible', { date: formatLongDate(plan.intendedPickup) })
                : t('chart.planner.earliest', { date: formatLongDate(plan.intendedPickup), earliest: formatLongDate(plan.plannedPickup) })}
          </p>
          {plan.obstacles.length === 0 ? null : (
            <>
              <p className="decision__subtitle">{t('chart.planner.obstacles')}</p>
              <UnmetList unmet={plan.obstacles} testId="plan-obstacles" />
            </>
          )}
          <PlanSteps steps={plan.steps} />
        </>
      );
    case 'course_calendar':
      return <PlanSteps steps={plan.entries} />;
    default: {
      const unreachable: never = plan;
      return unreachable;
    }
  }
}

function PlanSteps({ steps }: { readonly steps: Extract<PlanAnswer, { kind: 'course_calendar' }>['entries'] }) {
  if (steps.length === 0) return <p>{t('chart.planner.noSteps')}</p>;
  return (
    <>
      <p className="decision__subtitle">{t('chart.planner.checklist')}</p>
      <ol className="plan-steps" data-testid="plan-steps">
        {steps.map((step, index) => (
          <li key={`${step.code}-${String(index)}`} className="plan-step">
            <p className="plan-step__when">{step.on === undefined ? (itemDates({ from: step.earliest, by: step.latest }) ?? t('chart.planner.anyDay')) : formatLongDate(step.on)}</p>
            <p>
              <span className="work-item__who">{whoText(step.who)}:</span> {step.text} <span className="rule-id">{t('rule.id', { id: step.ruleId })}</span>
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

type PlanState = { readonly status: 'idle' } | { readonly status: 'loading' } | { readonly status: 'error'; readonly message: string } | { readonly status: 'ready'; readonly plan: PlanAnswer };

/** The planner: an intended pickup day in, the dated checklist (or the earliest feasible day) out. */
export function PlannerPanel({ detail }: { readonly detail: CourseDetail }) {
  const courseId = detail.course.id;
  const client = useApiClient();
  const [day, setDay] = useState(() => programmeToday(detail));
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [state, setState] = useState<PlanState>({ status: 'idle' });
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.status === 'ready' || state.status === 'error') resultRef.current?.focus();
  }, [state.status]);
  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      setFieldError(t('chart.planner.dateError'));
      return;
    }
    setFieldError(undefined);
    setState({ status: 'loading' });
    client.sendFor('POST', courseApiPath(courseId, 'plan'), parsePlan, { body: { intendedPickup: day } }).then(
      (plan) => {
        setState({ status: 'ready', plan });
      },
      (error: unknown) => {
        setState({ status: 'error', message: apiErrorMessage(asApiError(error)) });
      },
    );
  };
  return (
    <ChartSection id="chart-planner" title={t('chart.planner.heading')} testId="chart-planner">
      <p>{t('chart.planner.intro')}</p>
      <form className="form form--narrow planner-form" onSubmit={onSubmit} noValidate>
        <TextField id="planner-date" label={t('chart.planner.dateLabel')} hint={t('chart.planner.dateHint')} type="date" value={day} onChange={setDay} error={fieldError} width="medium" />
        <button type="submit" className="button" disabled={state.status === 'loading'}>
          {t('chart.planner.submit')}
        </button>
      </form>
      {state.status === 'loading' ? (
        <p className="notice notice--quiet" role="status">
          {t('load.loading')}
        </p>
      ) : null}
      {state.status === 'error' || state.status === 'ready' ? (
        <div className="plan-result" data-testid="plan-result">
          <h3 className="decision__title" ref={resultRef} tabIndex={-1}>
            {t('chart.planner.resultHeading')}
          </h3>
          {state.status === 'error' ? (
            <p className="notice notice--error" role="alert">
              {state.message}
            </p>
          ) : (
            <PlanResult plan={state.plan} />
          )}
        </div>
      ) : null}
    </ChartSection>
  );
}
