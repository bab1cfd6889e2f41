import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { authorizationSchema } from '../../../src/contracts/course.js';
import { pharmacyWorklistSchema } from '../../../src/contracts/worklist.js';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { parserFor } from '../api/parse.js';
import { useApiQuery } from '../api/use-api-query.js';
import { AppLink } from '../components/AppLink.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { RadioGroup, radioId } from '../forms/RadioGroup.js';
import { TextField } from '../forms/TextField.js';
import { formatLongDate } from '../i18n/format.js';
import { t, type PlainMessageKey } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { useApiClient, useSignedInUser } from '../session/session-context.js';

const parseWorklist = parserFor(pharmacyWorklistSchema);
const parseAuthorization = parserFor(authorizationSchema);

const REASONS = ['notCollected', 'wrongQuantity', 'patientDeclined', 'other'] as const;
type Reason = (typeof REASONS)[number];
const reasonKey: Readonly<Record<Reason, PlainMessageKey>> = {
  notCollected: 'pharmacy.reverse.reason.notCollected',
  wrongQuantity: 'pharmacy.reverse.reason.wrongQuantity',
  patientDeclined: 'pharmacy.reverse.reason.patientDeclined',
  other: 'pharmacy.reverse.reason.other',
};

interface Target {
  readonly authorizationId: string;
  readonly number: string;
  readonly patientName: string;
  readonly lastDayToCollect: string;
}

function ReverseForm({ target }: { readonly target: Target }) {
  const client = useApiClient();
  const [reason, setReason] = useState<Reason | undefined>(undefined);
  const [other, setOther] = useState('');
  const [problems, setProblems] = useState<readonly ('reason' | 'other')[]>([]);
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [done, setDone] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const focusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (confirming !== undefined || done) focusRef.current?.focus();
  }, [confirming, done]);

  const onContinue = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found: ('reason' | 'other')[] = [];
    if (reason === undefined) found.push('reason');
    if (reason === 'other' && other.trim() === '') found.push('other');
    setProblems(found);
    if (found.length > 0 || reason === undefined) return;
    setConfirming(reason === 'other' ? other.trim() : t(reasonKey[reason]));
  };

  const onConfirm = (text: string): void => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    client.sendFor('POST', `/api/authorizations/${encodeURIComponent(target.authorizationId)}/reversal`, parseAuthorization, { body: { reason: text } }).then(
      () => {
        setBusy(false);
        setDone(true);
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(error instanceof ApiError ? apiErrorMessage(error) : t('apiError.unexpected'));
      },
    );
  };

  if (done) {
    return (
      <div className="notice notice--success" ref={focusRef} tabIndex={-1} role="status" data-testid="reverse-done">
        <p>{t('pharmacy.reverse.done', { number: target.number })}</p>
        <p>
          <AppLink to={screenPath('pharmacyWorklist')}>{t('pharmacy.reverse.back')}</AppLink>
        </p>
      </div>
    );
  }

  if (confirming !== undefined) {
    return (
      <div className="confirm" ref={focusRef} tabIndex={-1} role="group" aria-labelledby="confirm-heading" data-testid="reverse-confirm">
        <h2 id="confirm-heading" className="section-title">
          {t('pharmacy.reverse.confirmHeading', { number: target.number, name: target.patientName })}
        </h2>
        <p>{t('pharmacy.reverse.confirmBody', { reason: confirming })}</p>
        <div className="button-row">
          <button
            type="button"
            className="button"
            aria-disabled={busy ? true : undefined}
            onClick={() => {
              onConfirm(confirming);
            }}
          >
            {busy ? t('pharmacy.reverse.busy') : t('pharmacy.reverse.confirm')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setConfirming(undefined);
            }}
          >
            {t('pharmacy.reverse.cancel')}
          </button>
        </div>
        {failure === undefined ? null : (
          <p className="notice notice--error" role="alert">
            {failure}
          </p>
        )}
      </div>
    );
  }

  const summary = [
    ...(problems.includes('reason') ? [{ message: t('pharmacy.reverse.reasonMissing'), fieldId: radioId('reverse-reason', REASONS[0]) }] : []),
    ...(problems.includes('other') ? [{ message: t('pharmacy.reverse.otherMissing'), fieldId: 'reverse-other' }] : []),
  ];
  return (
    <>
      <ErrorSummary items={summary} focusKey={attempt} />
      <form className="form form--narrow" noValidate onSubmit={onContinue} aria-label={t('pharmacy.reverse.title')}>
        <RadioGroup
          name="reverse-reason"
          legend={t('pharmacy.reverse.reason')}
          options={REASONS.map((value) => ({ value, label: t(reasonKey[value]) }))}
          value={reason}
          onChange={setReason}
          error={problems.includes('reason') ? t('pharmacy.reverse.reasonMissing') : undefined}
        />
        {reason === 'other' ? (
          <TextField id="reverse-other" label={t('pharmacy.reverse.otherText')} value={other} onChange={setOther} error={problems.includes('other') ? t('pharmacy.reverse.otherMissing') : undefined} />
        ) : null}
        <button type="submit" className="button">
          {t('pharmacy.reverse.continue')}
        </button>
      </form>
    </>
  );
}

/** Reverses an open authorization on this pharmacy's list, after a reason and a confirmation. */
export function ReversePage({ authorizationId }: { readonly authorizationId: string }) {
  const user = useSignedInUser();
  const query = useApiQuery(user.pharmacyId === null ? undefined : `/api/pharmacies/${encodeURIComponent(user.pharmacyId)}/worklist`, parseWorklist);
  return (
    <>
      <PageTitle>{t('pharmacy.reverse.title')}</PageTitle>
      <p className="lead">{t('pharmacy.reverse.intro')}</p>
      {user.pharmacyId === null ? (
        <p className="notice">{t('pharmacy.worklist.noPharmacy')}</p>
      ) : (
        <LoadState query={query} testId="reverse">
          {(worklist) => {
            const entry = [...worklist.toReverse, ...worklist.waiting].find((candidate) => candidate.authorizationId === authorizationId);
            if (entry === undefined) return <p className="notice">{t('pharmacy.reverse.notFound')}</p>;
            return (
              <>
                <dl className="figures">
                  <div className="figures__item">
                    <dt>{t('pharmacy.worklist.number')}</dt>
                    <dd>{entry.number}</dd>
                  </div>
                  <div className="figures__item">
                    <dt>{t('pharmacy.worklist.patient')}</dt>
                    <dd>{entry.patientName}</dd>
                  </div>
                  <div className="figures__item">
                    <dt>{t('pharmacy.worklist.lastDay')}</dt>
                    <dd>{formatLongDate(entry.lastDayToCollect)}</dd>
                  </div>
                </dl>
                <ReverseForm target={entry} />
              </>
            );
          }}
        </LoadState>
      )}
    </>
  );
}
