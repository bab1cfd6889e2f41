import { t } from '../i18n/t.js';

export const MAIN_ID = 'main';

/** The first thing Tab reaches: jumps keyboard and screen-reader users past the header. */
export function SkipLink() {
  return (
    <a className="skip-link" href={`#${MAIN_ID}`}>
      {t('app.skipToContent')}
    </a>
  );
}
