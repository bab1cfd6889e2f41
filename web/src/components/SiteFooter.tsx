import { t } from '../i18n/t.js';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>{t('footer.notice')}</p>
      <p>{t('footer.licence')}</p>
    </footer>
  );
}
