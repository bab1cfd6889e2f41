import { useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import type { BodyParser } from '../api/client.js';
import { t } from '../i18n/t.js';
import { useApiClient } from '../session/session-context.js';
import { openCourseId, useOwnCourse } from './own-course.js';

/** What the server answered about a saved check-in, in the patient's words. */
export interface SavedAnswer {
  /** Plain-language messages of the server, most urgent first. */
  readonly messages: readonly string[];
  readonly tasks: ReadonlyArray<{ readonly urgency: 'urgent' | 'soon' | 'routine' }>;
}

export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'noCourse' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly answer: SavedAnswer }
  | { readonly kind: 'failed'; readonly reason: string; readonly retry: () => void };

/**
 * Saves a check-in to the open course (POST /api/courses/:courseId/<segment>): the screen keeps
 * its own result either way; this says whether the record has it and what the server answered.
 */
export function useCheckInSave<R>(segment: 'phq9' | 'symptoms', parse: BodyParser<R>, toAnswer: (response: R) => SavedAnswer) {
  const own = useOwnCourse();
  const client = useApiClient();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  const save = (body: unknown): void => {
    if (own.state.status !== 'ready') {
      setState({ kind: 'failed', reason: t('load.loading'), retry: () => { save(body); } });
      return;
    }
    const courseId = openCourseId(own.state.data);
    if (courseId === undefined) {
      setState({ kind: 'noCourse' });
      return;
    }
    setState({ kind: 'saving' });
    client.sendFor('POST', `/api/courses/${courseId}/${segment}`, parse, { body }).then(
      (response) => {
        setState({ kind: 'saved', answer: toAnswer(response) });
      },
      (error: unknown) => {
        setState({ kind: 'failed', reason: error instanceof ApiError ? apiErrorMessage(error) : String(error), retry: () => { save(body); } });
      },
    );
  };
  return { state, save };
}

/** Whether the check-in is in the record, and the server's answer (its urgent advice first). */
export function CheckInSaveStatus({ state, testId }: { readonly state: SaveState; readonly testId: string }) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'noCourse':
      return (
        <p className="notice notice--quiet" data-testid={`${testId}-no-course`}>
          {t('patient.save.noCourse')}
        </p>
      );
    case 'saving':
      return (
        <p className="notice notice--quiet" role="status" data-testid={`${testId}-saving`}>
          {t('patient.save.saving')}
        </p>
      );
    case 'saved': {
      const urgent = state.answer.tasks.some((task) => task.urgency === 'urgent');
      const soon = !urgent && state.answer.tasks.some((task) => task.urgency === 'soon');
      return (
        <div className="notice notice--success" role="status" data-testid={`${testId}-saved`}>
          {urgent ? <p className="notice__strong">{t('patient.save.urgentTask')}</p> : null}
          {state.answer.messages.length > 0 ? (
            <>
              <p>{t('patient.save.serverSays')}</p>
              <ul data-testid={`${testId}-server-messages`}>
                {state.answer.messages.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p>{t('patient.save.saved')}</p>
          {soon ? <p>{t('patient.save.soonTask')}</p> : null}
        </div>
      );
    }
    case 'failed':
      return (
        <div className="notice notice--error" role="alert" data-testid={`${testId}-failed`}>
          <p>{t('patient.save.failed', { reason: state.reason })}</p>
          <button type="button" className="button button--secondary" onClick={state.retry}>
            {t('patient.save.retry')}
          </button>
        </div>
      );
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
