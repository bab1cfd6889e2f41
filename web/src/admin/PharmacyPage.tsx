import { useState, type SubmitEvent } from 'react';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { useApiQuery } from '../api/use-api-query.js';
import { AppLink } from '../components/AppLink.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { useApiClient } from '../session/session-context.js';
import { parsePharmacies, parsePharmacy, PharmacyFacts, type Pharmacy } from './PharmaciesPage.js';
import { PharmacyFields, pharmacyBody, type PharmacyValues } from './PharmacyFields.js';

function EditPharmacy({ initial }: { readonly initial: Pharmacy }) {
  const client = useApiClient();
  const [pharmacy, setPharmacy] = useState(initial);
  const [values, setValues] = useState<PharmacyValues>({ name: initial.name, certifiedOn: initial.certifiedOn ?? '', activatedOn: initial.activatedOn ?? '' });
  const [nameMissing, setNameMissing] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setFailure(undefined);
    setSaved(false);
    const missing = values.name.trim() === '';
    setNameMissing(missing);
    if (missing) return;
    setBusy(true);
    client.sendFor('PATCH', `/api/admin/pharmacies/${encodeURIComponent(pharmacy.id)}`, parsePharmacy, { body: pharmacyBody(values) }).then(
      (answer) => {
        setBusy(false);
        setSaved(true);
        setPharmacy(answer);
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(error instanceof ApiError ? apiErrorMessage(error) : t('apiError.unexpected'));
      },
    );
  };
  const summary = [...(nameMissing ? [{ message: t('admin.pharmacies.nameMissing'), fieldId: 'pharmacy-edit-name' }] : []), ...(failure === undefined ? [] : [{ message: failure }])];
  return (
    <>
      <p className="lead">
        <strong>{pharmacy.name}</strong>
      </p>
      <PharmacyFacts pharmacy={pharmacy} />
      <ErrorSummary items={summary} focusKey={attempt} />
      {saved ? (
        <p className="notice notice--success" role="status">
          {t('admin.saved')}
        </p>
      ) : null}
      <form className="form form--narrow" noValidate onSubmit={onSubmit} aria-label={t('admin.pharmacy.title')}>
        <PharmacyFields idPrefix="pharmacy-edit" values={values} onChange={(patch) => { setValues((previous) => ({ ...previous, ...patch })); }} nameError={nameMissing ? t('admin.pharmacies.nameMissing') : undefined} />
        <button type="submit" className="button" aria-disabled={busy ? true : undefined}>
          {busy ? t('admin.saving') : t('admin.save')}
        </button>
      </form>
      <p>
        <AppLink to={screenPath('adminPharmacies')}>{t('admin.backToList')}</AppLink>
      </p>
    </>
  );
}

/** Change one pharmacy's name, certification or yearly activation date. */
export function PharmacyPage({ pharmacyId }: { readonly pharmacyId: string }) {
  const query = useApiQuery('/api/admin/pharmacies', parsePharmacies);
  return (
    <>
      <PageTitle>{t('admin.pharmacy.title')}</PageTitle>
      <LoadState query={query} testId="pharmacy">
        {(pharmacies) => {
          const pharmacy = pharmacies.find((candidate) => candidate.id === pharmacyId);
          return pharmacy === undefined ? <p className="notice">{t('admin.pharmacy.notFound')}</p> : <EditPharmacy key={pharmacy.id} initial={pharmacy} />;
        }}
      </LoadState>
    </>
  );
}
