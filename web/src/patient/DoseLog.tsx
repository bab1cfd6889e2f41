import { useState } from 'react';
import { courseDetailSchema } from '../../../src/contracts/course.js';
import { doseResponseSchema, factListSchema } from '../../../src/contracts/clinical-views.js';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { parserFor } from '../api/parse.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadState } from '../components/LoadState.js';
import { t } from '../i18n/t.js';
import { useApiClient } from '../session/session-context.js';
import { currentDailyMg, loggedOn, type DoseState } from './dose-log.js';

type Sending = { readonly kind: 'idle' } | { readonly kind: 'sending' } | { readonly kind: 'already' } | { readonly kind: 'failed'; readonly reason: string };

/**
 * One tap for today's dose: "I took today's dose" or "I missed it" (POST /doses, dose index 1).
 * What is logged already shows above the buttons; a tap on a day logged before gets the server's
 * 409, shown as "already recorded" (never a second dose); a failure says it was not saved.
 */
export function DoseLog({ courseId, today }: { readonly courseId: string; readonly today: string }) {
  const detail = useApiQuery(`/api/courses/${courseId}`, parserFor(courseDetailSchema));
  const doses = useApiQuery(`/api/courses/${courseId}/doses`, parserFor(factListSchema));
  const client = useApiClient();
  const [sending, setSending] = useState<Sending>({ kind: 'idle' });
  const [justLogged, setJustLogged] = useState<DoseState | undefined>(undefined);

  const log = async (mg: number, taken: boolean): Promise<void> => {
    setSending({ kind: 'sending' });
    try {
      await client.sendFor('POST', `/api/courses/${courseId}/doses`, parserFor(doseResponseSchema), { body: { date: today, mg, taken, doseIndex: 1 } });
      setJustLogged(taken ? 'taken' : 'missed');
      setSending({ kind: 'idle' });
      doses.reload();
    } catch (error: unknown) {
      if (error instanceof ApiError && error.status === 409) {
        setSending({ kind: 'already' });
        doses.reload();
      } else {
        setSending({ kind: 'failed', reason: error instanceof ApiError ? apiErrorMessage(error) : String(error) });
      }
    }
  };

  return (
    <section className="home-section patient-dose" aria-labelledby="dose-heading" data-testid="dose-log">
      <h2 id="dose-heading" className="section-title">
        {t('patient.dose.title')}
      </h2>
      <LoadState query={detail} testId="dose-detail">
        {(course) => {
          const mg = currentDailyMg(course.prescriptions);
          if (course.course.status !== 'active') return <p>{t('patient.dose.notActive')}</p>;
          if (mg === undefined) return <p>{t('patient.dose.noDose')}</p>;
          return (
            <LoadState query={doses} testId="dose-list">
              {(list) => {
                const logged = loggedOn(list.facts, today) ?? justLogged;
                return (
                  <>
                    <p>{t('patient.dose.amount', { mg })}</p>
                    {logged === undefined ? (
                      <p className="hint">{t('patient.dose.intro')}</p>
                    ) : (
                      <p className="notice notice--success" data-testid="dose-logged">
                        {logged === 'taken' ? t('patient.dose.loggedTaken', { mg }) : t('patient.dose.loggedMissed')}
                      </p>
                    )}
                    <div className="button-row">
                      <button
                        type="button"
                        className={logged === undefined ? 'button' : 'button button--secondary'}
                        disabled={sending.kind === 'sending'}
                        onClick={() => void log(mg, true)}
                        data-testid="dose-taken"
                      >
                        {t('patient.dose.taken')}
                      </button>
                      <button type="button" className="button button--secondary" disabled={sending.kind === 'sending'} onClick={() => void log(mg, false)} data-testid="dose-missed">
                        {t('patient.dose.missed')}
                      </button>
                    </div>
                    <div role="status" aria-live="polite" data-testid="dose-status">
                      {sending.kind === 'sending' ? <p>{t('patient.dose.sending')}</p> : null}
                      {sending.kind === 'already' ? <p className="notice notice--quiet">{t('patient.dose.already')}</p> : null}
                    </div>
                    {sending.kind === 'failed' ? (
                      <p className="notice notice--error" role="alert" data-testid="dose-failed">
                        {t('patient.dose.failed', { reason: sending.reason })}
                      </p>
                    ) : null}
                  </>
                );
              }}
            </LoadState>
          );
        }}
      </LoadState>
    </section>
  );
}
