import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { verifyResponseSchema } from '../../../src/contracts/course.js';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { parserFor } from '../api/parse.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorSummary, type SummaryItem } from '../forms/ErrorSummary.js';
import { TextField } from '../forms/TextField.js';
import { t } from '../i18n/t.js';
import { useApiClient } from '../session/session-context.js';
import { AUTHORIZATION_NUMBER_EXAMPLE, checkAuthorizationNumber } from './authorization-number.js';
import { DispenseForm } from './DispenseForm.js';
import { VerifyResult, type Verified } from './VerifyResult.js';

const parseVerified = parserFor(verifyResponseSchema);

function numberError(input: string): string | undefined {
  const check = checkAuthorizationNumber(input);
  if (check.ok) return undefined;
  switch (check.problem) {
    case 'missing':
      return t('pharmacy.lookup.numberMissing');
    case 'lookalike':
      return t('pharmacy.lookup.numberLookalike');
    case 'format':
      return t('pharmacy.lookup.numberFormat', { example: AUTHORIZATION_NUMBER_EXAMPLE });
    default: {
      const unreachable: never = check.problem;
      return unreachable;
    }
  }
}

/**
 * The counter: the number and the date of birth, then the programme's answer and, when it may be
 * dispensed, the dispense form. A wrong pair says only that nothing matches.
 */
export function LookupPage({ initialNumber }: { readonly initialNumber?: string | undefined }) {
  const client = useApiClient();
  const [number, setNumber] = useState(initialNumber ?? '');
  const [birthDate, setBirthDate] = useState('');
  const [errors, setErrors] = useState<{ readonly number?: string | undefined; readonly birthDate?: string | undefined }>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [verified, setVerified] = useState<Verified | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (verified !== undefined) resultRef.current?.querySelector<HTMLElement>('#verify-heading')?.focus();
  }, [verified]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (busy) return;
    const found = { number: numberError(number), birthDate: birthDate === '' ? t('pharmacy.lookup.birthDateMissing') : undefined };
    setErrors(found);
    setFailure(undefined);
    setAttempt((n) => n + 1);
    const check = checkAuthorizationNumber(number);
    if (!check.ok || found.birthDate !== undefined) {
      setVerified(undefined);
      return;
    }
    setNumber(check.number);
    setBusy(true);
    client.sendFor('POST', '/api/authorizations/verify', parseVerified, { body: { number: check.number, birthDate } }).then(
      (answer) => {
        setVerified(answer);
        setBusy(false);
      },
      (error: unknown) => {
        setVerified(undefined);
        setBusy(false);
        // a wrong number and a wrong date of birth get the same answer: nothing is revealed
        if (error instanceof ApiError && error.status === 404) setFailure(t('pharmacy.lookup.noMatch'));
        else setFailure(error instanceof ApiError ? apiErrorMessage(error) : t('apiError.unexpected'));
      },
    );
  };

  const summary: SummaryItem[] = [
    ...(errors.number === undefined ? [] : [{ message: errors.number, fieldId: 'lookup-number' }]),
    ...(errors.birthDate === undefined ? [] : [{ message: errors.birthDate, fieldId: 'lookup-birth-date' }]),
  ];

  return (
    <>
      <PageTitle>{t('pharmacy.lookup.title')}</PageTitle>
      <p className="lead">{t('pharmacy.lookup.intro')}</p>
      <ErrorSummary items={summary} focusKey={attempt} />
      <form className="form form--narrow" noValidate onSubmit={onSubmit} aria-label={t('pharmacy.lookup.title')}>
        <TextField
          id="lookup-number"
          label={t('pharmacy.lookup.number')}
          hint={t('pharmacy.lookup.numberHint', { example: AUTHORIZATION_NUMBER_EXAMPLE })}
          value={number}
          onChange={setNumber}
          error={errors.number}
          autoComplete="off"
          spellCheck={false}
          width="medium"
        />
        <TextField
          id="lookup-birth-date"
          label={t('pharmacy.lookup.birthDate')}
          hint={t('pharmacy.lookup.birthDateHint')}
          type="date"
          value={birthDate}
          onChange={setBirthDate}
          error={errors.birthDate}
          autoComplete="off"
          width="medium"
        />
        <button type="submit" className="button" aria-disabled={busy ? true : undefined}>
          {busy ? t('pharmacy.lookup.busy') : t('pharmacy.lookup.submit')}
        </button>
      </form>
      {failure === undefined ? null : (
        <p className="notice notice--error" role="alert" data-testid="lookup-failure">
          {failure}
        </p>
      )}
      {verified === undefined ? null : (
        <div ref={resultRef}>
          <VerifyResult verified={verified} />
          {verified.mayDispenseNow ? <DispenseForm key={verified.authorization.id} verified={verified} /> : null}
        </div>
      )}
    </>
  );
}
