import { t } from '../i18n/t.js';

const HEADING_TAG = { 2: 'h2', 3: 'h3', 4: 'h4' } as const;

/**
 * Where to get help now, the same words everywhere they are needed (education page, mood
 * check-in, symptom check-in). Generic first (the local emergency number works everywhere), then
 * the two helplines we can name honestly, each marked with its country.
 */
export function CrisisHelp({ headingLevel = 2, testId = 'crisis-help' }: { readonly headingLevel?: 2 | 3 | 4; readonly testId?: string }) {
  const Heading = HEADING_TAG[headingLevel];
  return (
    <section className="crisis" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <Heading id={`${testId}-title`} className="crisis__title">
        {t('crisis.title')}
      </Heading>
      <p className="crisis__emergency">{t('crisis.emergency')}</p>
      <ul className="crisis__lines">
        <li>
          <span className="country-tag">{t('country.US')}</span> {t('crisis.us')}{' '}
          <a href="tel:988" className="crisis__number">
            {t('crisis.usNumber')}
          </a>
        </li>
        <li>
          <span className="country-tag">{t('country.UK')}</span> {t('crisis.uk')}{' '}
          <a href="tel:116123" className="crisis__number">
            {t('crisis.ukNumber')}
          </a>
        </li>
        <li>
          <span className="country-tag">{t('country.elsewhere')}</span> {t('crisis.elsewhere')}
        </li>
      </ul>
      <p>{t('crisis.afterwards')}</p>
    </section>
  );
}
