import { useState, type SubmitEvent } from 'react';
import { z } from 'zod';
import { pharmacySchema } from '../../../src/contracts/admin.js';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { parserFor } from '../api/parse.js';
import { useApiQuery } from '../api/use-api-query.js';
import { AppLink } from '../components/AppLink.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { formatLongDate } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { useApiClient } from '../session/session-context.js';
import { PharmacyFields, pharmacyBody, type PharmacyValues } from './PharmacyFields.js';

export const parsePharmacies = parserFor(z.array(pharmacySchema));
export const parsePharmacy = parserFor(pharmacySchema);
export type Pharmacy = z.output<typeof pharmacySchema>;

const dateOrNone = (value: string | null): string => (value === null ? t('admin.notSet') : formatLongDate(value));

/** One pharmacy's facts as a description list. */
export function PharmacyFacts({ pharmacy }: { readonly pharmacy: Pharmacy }) {
  return (
    <dl className="entry-card__facts">
      <div>
        <dt>{t('admin.pharmacies.certifiedOn')}</dt>
        <dd>{dateOrNone(pharmacy.certifiedOn)}</dd>
      </div>
      <div>
        <dt>{t('admin.pharmacies.activatedOn')}</dt>
        <dd>{dateOrNone(pharmacy.activatedOn)}</dd>
      </div>
      {pharmacy.activationValidThrough === null ? null : (
        <div>
          <dt>{t('admin.pharmacies.validThrough')}</dt>
          <dd>{formatLongDate(pharmacy.activationValidThrough)}</dd>
        </div>
      )}
      <div>
        <dt>{t('admin.pharmacies.pharmacists')}</dt>
        <dd>{pharmacy.pharmacists}</dd>
      </div>
    </dl>
  );
}

const EMPTY: PharmacyValues = { name: '', certifiedOn: '', activatedOn: '' };

function AddPharmacy({ onAdded }: { readonly onAdded: (pharmacy: Pharmacy) => void }) {
  const client = useApiClient();
  const [values, setValues] = useState<PharmacyValues>(EMPTY);
  const [nameMissing, setNameMissing] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [added, setAdded] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setFailure(undefined);
    setAdded(undefined);
    const missing = values.name.trim() === '';
    setNameMissing(missing);
    if (missing) return;
    setBusy(true);
    client.sendFor('POST', '/api/admin/pharmacies', parsePharmacy, { body: pharmacyBody(values) }).then(
      (pharmacy) => {
        setBusy(false);
        setValues(EMPTY);
        setAdded(pharmacy.name);
        onAdded(pharmacy);
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(error instanceof ApiError ? apiErrorMessage(error) : t('apiError.unexpected'));
      },
    );
  };

  const summary = [...(nameMissing ? [{ message: t('admin.pharmacies.nameMissing'), fieldId: 'pharmacy-new-name' }] : []), ...(failure === undefined ? [] : [{ message: failure }])];
  return (
    <section className="home-section" aria-labelledby="add-pharmacy-heading">
      <h2 id="add-pharmacy-heading" className="section-title">
        {t('admin.pharmacies.addHeading')}
      </h2>
      <ErrorSummary items={summary} focusKey={attempt} testId="pharmacy-errors" />
      {added === undefined ? null : (
        <p className="notice notice--success" role="status" data-testid="pharmacy-added">
          {t('admin.pharmacies.added', { name: added })}
        </p>
      )}
      <form className="form form--narrow" noValidate onSubmit={onSubmit} aria-labelledby="add-pharmacy-heading">
        <PharmacyFields idPrefix="pharmacy-new" values={values} onChange={(patch) => { setValues((previous) => ({ ...previous, ...patch })); }} nameError={nameMissing ? t('admin.pharmacies.nameMissing') : undefined} />
        <button type="submit" className="button" aria-disabled={busy ? true : undefined}>
          {busy ? t('admin.saving') : t('admin.pharmacies.add')}
        </button>
      </form>
    </section>
  );
}

/** The clinic's pharmacies with their programme dates, and a form to add one. */
export function PharmaciesPage() {
  const query = useApiQuery('/api/admin/pharmacies', parsePharmacies);
  return (
    <>
      <PageTitle>{t('admin.pharmacies.title')}</PageTitle>
      <p className="lead">{t('admin.pharmacies.intro')}</p>
      <LoadState query={query} testId="pharmacies">
        {(pharmacies) =>
          pharmacies.length === 0 ? (
            <p className="notice notice--quiet">{t('admin.pharmacies.none')}</p>
          ) : (
            <ul className="entry-list" data-testid="pharmacies-list">
              {pharmacies.map((pharmacy) => (
                <li key={pharmacy.id} className="entry-card" data-testid="pharmacy-entry">
                  <p className="entry-card__title">
                    <strong>{pharmacy.name}</strong>
                  </p>
                  <PharmacyFacts pharmacy={pharmacy} />
                  <p className="entry-card__action">
                    <AppLink to={screenPath('adminPharmacy', { pharmacyId: pharmacy.id })}>{t('admin.pharmacies.edit', { name: pharmacy.name })}</AppLink>
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
      <AddPharmacy onAdded={query.reload} />
    </>
  );
}
