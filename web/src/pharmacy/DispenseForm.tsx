import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { dispenseResponseSchema } from '../../../src/contracts/course.js';
import type { z } from 'zod';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { parserFor } from '../api/parse.js';
import { AppLink } from '../components/AppLink.js';
import { CheckField } from '../forms/CheckField.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { TextField } from '../forms/TextField.js';
import { formatNumber } from '../i18n/format.js';
import { t, type PlainMessageKey } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { useApiClient } from '../session/session-context.js';
import { daysSupply, parseQuantity } from './authorization-number.js';
import { CHECKLIST_ITEMS, dispenseRequest, type DispenseField, type DispenseFormValues } from './dispense-form.js';
import { isUs, type Verified } from './VerifyResult.js';

const parseDispensed = parserFor(dispenseResponseSchema);
type Dispensed = z.output<typeof dispenseResponseSchema>;

const problemKey: Readonly<Record<DispenseField, PlainMessageKey>> = {
  quantity: 'pharmacy.dispense.quantityInvalid',
  rmaNumber: 'pharmacy.dispense.rmaMissing',
  dndDate: 'pharmacy.dispense.dndMissing',
  medicationGuideGiven: 'pharmacy.dispense.guideMissing',
  checklist: 'pharmacy.dispense.checklistMissing',
};

const fieldIds: Readonly<Record<DispenseField, string>> = {
  quantity: 'dispense-quantity',
  rmaNumber: 'dispense-rma',
  dndDate: 'dispense-dnd',
  medicationGuideGiven: 'dispense-guide',
  checklist: 'dispense-check-0',
};

const checklistKey: Readonly<Record<(typeof CHECKLIST_ITEMS)[number], PlainMessageKey>> = {
  prescriptionDate: 'pharmacy.dispense.checklist.prescriptionDate',
  pregnancyTest: 'pharmacy.dispense.checklist.pregnancyTest',
  supply: 'pharmacy.dispense.checklist.supply',
  card: 'pharmacy.dispense.checklist.card',
};

/**
 * Records the dispense of an authorization the programme allows now. One Idempotency-Key per form
 * load: a repeated press, or a retry after the connection dropped, records one dispense only.
 */
export function DispenseForm({ verified }: { readonly verified: Verified }) {
  const client = useApiClient();
  const us = isUs(verified);
  const [values, setValues] = useState<DispenseFormValues>({
    quantity: String(verified.quantity),
    rmaNumber: '',
    dndDate: verified.authorization.lastDayToCollect,
    medicationGuideGiven: false,
    checklist: CHECKLIST_ITEMS.map(() => false),
  });
  const [problems, setProblems] = useState<readonly DispenseField[]>([]);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<Dispensed | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const idempotencyKey = useRef(crypto.randomUUID());
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (done !== undefined) doneRef.current?.focus();
  }, [done]);

  const update = (patch: Partial<DispenseFormValues>): void => {
    setValues((previous) => ({ ...previous, ...patch }));
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setFailure(undefined);
    const outcome = dispenseRequest(values, us);
    if (!outcome.ok) {
      setProblems(outcome.problems);
      return;
    }
    setProblems([]);
    setBusy(true);
    client
      .sendFor('POST', `/api/authorizations/${encodeURIComponent(verified.authorization.id)}/dispenses`, parseDispensed, {
        body: outcome.request,
        headers: { 'idempotency-key': idempotencyKey.current },
      })
      .then(
        (answer) => {
          setDone(answer);
          setBusy(false);
        },
        (error: unknown) => {
          setBusy(false);
          // the server answered: this key is spent or released, and a corrected form is a new request
          if (error instanceof ApiError && error.kind === 'problem') idempotencyKey.current = crypto.randomUUID();
          if (error instanceof ApiError && error.code === 'rule_blocked') setFailure(t('pharmacy.dispense.blocked'));
          else setFailure(error instanceof ApiError ? apiErrorMessage(error) : t('apiError.unexpected'));
        },
      );
  };

  if (done !== undefined) {
    return (
      <div className="notice notice--success dispense-done" ref={doneRef} tabIndex={-1} role="status" data-testid="dispense-done">
        <p>
          <strong>{t('pharmacy.dispense.done', { name: verified.patientName })}</strong>
        </p>
        <dl className="figures">
          <div className="figures__item">
            <dt>{t('pharmacy.dispense.record')}</dt>
            <dd data-testid="dispense-record">{done.dispenseId}</dd>
          </div>
          {us ? (
            <div className="figures__item">
              <dt>{t('pharmacy.dispense.rmaRecorded')}</dt>
              <dd data-testid="dispense-rma">{values.rmaNumber.trim()}</dd>
            </div>
          ) : null}
          <div className="figures__item">
            <dt>{t('pharmacy.dispense.status')}</dt>
            <dd>{t(`pharmacy.status.${done.authorization.status}`)}</dd>
          </div>
        </dl>
        <p>
          <AppLink to={screenPath('pharmacyLookup')}>{t('pharmacy.dispense.another')}</AppLink>
        </p>
      </div>
    );
  }

  const errorFor = (field: DispenseField): string | undefined => (problems.includes(field) ? t(problemKey[field]) : undefined);
  const quantity = parseQuantity(values.quantity);
  const days = quantity === undefined ? undefined : daysSupply(quantity, verified.strengthMg, verified.dailyMg);

  return (
    <section className="dispense" aria-labelledby="dispense-heading">
      <h2 id="dispense-heading" className="section-title">
        {t('pharmacy.dispense.heading')}
      </h2>
      <ErrorSummary items={problems.map((field) => ({ message: t(problemKey[field]), fieldId: fieldIds[field] }))} focusKey={attempt} testId="dispense-errors" />
      <form className="form form--narrow" noValidate onSubmit={onSubmit} aria-labelledby="dispense-heading">
        <TextField
          id="dispense-quantity"
          label={t('pharmacy.dispense.quantity')}
          hint={t('pharmacy.dispense.quantityHint', { quantity: formatNumber(verified.quantity), daily: formatNumber(verified.dailyMg), days: days ?? '–' })}
          inputMode="numeric"
          width="short"
          value={values.quantity}
          onChange={(quantityText) => {
            update({ quantity: quantityText });
          }}
          error={errorFor('quantity')}
        />
        {us ? (
          <>
            <TextField
              id="dispense-rma"
              label={t('pharmacy.dispense.rma')}
              hint={t('pharmacy.dispense.rmaHint')}
              width="medium"
              autoComplete="off"
              spellCheck={false}
              value={values.rmaNumber}
              onChange={(rmaNumber) => {
                update({ rmaNumber });
              }}
              error={errorFor('rmaNumber')}
            />
            <TextField
              id="dispense-dnd"
              type="date"
              label={t('pharmacy.dispense.dnd')}
              hint={t('pharmacy.dispense.dndHint')}
              width="medium"
              value={values.dndDate}
              onChange={(dndDate) => {
                update({ dndDate });
              }}
              error={errorFor('dndDate')}
            />
            <CheckField
              id="dispense-guide"
              label={t('pharmacy.dispense.guide')}
              hint={t('pharmacy.dispense.guideHint')}
              checked={values.medicationGuideGiven}
              onChange={(medicationGuideGiven) => {
                update({ medicationGuideGiven });
              }}
              error={errorFor('medicationGuideGiven')}
            />
          </>
        ) : (
          <fieldset className={problems.includes('checklist') ? 'radio-group radio-group--error' : 'radio-group'}>
            <legend className="radio-group__legend">{t('pharmacy.dispense.checklistLegend')}</legend>
            {errorFor('checklist') === undefined ? null : (
              <p className="field__error">
                <span className="visually-hidden">{t('form.errorPrefix')} </span>
                {errorFor('checklist')}
              </p>
            )}
            {CHECKLIST_ITEMS.map((item, index) => (
              <CheckField
                key={item}
                id={`dispense-check-${String(index)}`}
                label={t(checklistKey[item])}
                checked={values.checklist[index] === true}
                onChange={(ticked) => {
                  update({ checklist: values.checklist.map((old, i) => (i === index ? ticked : old)) });
                }}
              />
            ))}
          </fieldset>
        )}
        <button type="submit" className="button" aria-disabled={busy ? true : undefined}>
          {busy ? t('pharmacy.dispense.busy') : t('pharmacy.dispense.submit')}
        </button>
      </form>
      {failure === undefined ? null : (
        <p className="notice notice--error" role="alert" data-testid="dispense-failure">
          {failure}
        </p>
      )}
    </section>
  );
}
