import { t } from '../i18n/t.js';
import { AppLink } from './AppLink.js';
import { RoleNav } from './RoleNav.js';
import { ServerStatus } from './ServerStatus.js';

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <AppLink to="/" className="brand" label={t('app.homeLink')}>
          <img className="brand__mark" src="/favicon.svg" alt="" width="28" height="28" />
          <span className="brand__name">{t('app.name')}</span>
        </AppLink>
        <ServerStatus />
      </div>
      <RoleNav />
    </header>
  );
}
