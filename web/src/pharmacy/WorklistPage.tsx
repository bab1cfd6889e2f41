import type { z } from 'zod';
import { pharmacyWorklistSchema } from '../../../src/contracts/worklist.js';
import { parserFor } from '../api/parse.js';
import { useApiQuery } from '../api/use-api-query.js';
import { AppLink } from '../components/AppLink.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import { formatClockTime, formatLongDate, formatNumber } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { useSignedInUser } from '../session/session-context.js';
import { productName } from './authorization-number.js';

const parseWorklist = parserFor(pharmacyWorklistSchema);
type Entry = z.output<typeof pharmacyWorklistSchema>['waiting'][number];

function EntryList({ entries, kind, testId }: { readonly entries: readonly Entry[]; readonly kind: 'dispense' | 'reverse'; readonly testId: string }) {
  return (
    <ul className="entry-list" data-testid={testId}>
      {entries.map((entry) => (
        <li key={entry.authorizationId} className="entry-card" data-testid={`${testId}-${entry.number}`}>
          <p className="entry-card__title">
            <strong>{entry.patientName}</strong> · <span className="path-text">{entry.number}</span>
          </p>
          <dl className="entry-card__facts">
            <div>
              <dt>{t('pharmacy.worklist.lastDay')}</dt>
              <dd>{formatLongDate(entry.lastDayToCollect)}</dd>
            </div>
            <div>
              <dt>{t('pharmacy.worklist.medicine')}</dt>
              <dd>{t('pharmacy.worklist.medicineValue', { product: productName(entry.product), quantity: formatNumber(entry.quantity), strength: formatNumber(entry.strengthMg) })}</dd>
            </div>
          </dl>
          <p className="entry-card__action">
            {kind === 'dispense' ? (
              <AppLink to={screenPath('pharmacyLookupNumber', { number: entry.number })}>{t('pharmacy.worklist.dispense', { number: entry.number })}</AppLink>
            ) : (
              <AppLink to={screenPath('pharmacyReverse', { authorizationId: entry.authorizationId })}>{t('pharmacy.worklist.reverse', { number: entry.number })}</AppLink>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The pharmacy's worklist (WL-PHARMACY): what was looked up here and still waits. */
export function WorklistPage() {
  const user = useSignedInUser();
  const query = useApiQuery(user.pharmacyId === null ? undefined : `/api/pharmacies/${encodeURIComponent(user.pharmacyId)}/worklist`, parseWorklist);
  return (
    <>
      <PageTitle>{t('pharmacy.worklist.title')}</PageTitle>
      <p className="lead">{t('pharmacy.worklist.intro')}</p>
      {user.pharmacyId === null ? (
        <p className="notice">{t('pharmacy.worklist.noPharmacy')}</p>
      ) : (
        <LoadState query={query} testId="pharmacy-worklist">
          {(worklist) => (
            <>
              <p className="small-print">{t('pharmacy.worklist.asOf', { time: formatClockTime(new Date(worklist.asOf)) })}</p>
              <section className="home-section" aria-labelledby="waiting-heading">
                <h2 id="waiting-heading" className="section-title">
                  {t('pharmacy.worklist.waiting')}
                </h2>
                {worklist.waiting.length === 0 ? <p className="notice notice--quiet">{t('pharmacy.worklist.waitingNone')}</p> : <EntryList entries={worklist.waiting} kind="dispense" testId="waiting" />}
              </section>
              <section className="home-section" aria-labelledby="reverse-heading">
                <h2 id="reverse-heading" className="section-title">
                  {t('pharmacy.worklist.toReverse')}
                </h2>
                {worklist.toReverse.length === 0 ? <p className="notice notice--quiet">{t('pharmacy.worklist.toReverseNone')}</p> : <EntryList entries={worklist.toReverse} kind="reverse" testId="to-reverse" />}
              </section>
              {worklist.truncated ? <p className="notice">{t('pharmacy.worklist.truncated')}</p> : null}
            </>
          )}
        </LoadState>
      )}
    </>
  );
}
