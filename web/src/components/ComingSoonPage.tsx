import { t } from '../i18n/t.js';
import type { RoleArea } from '../routing/routes.js';
import { AppLink } from './AppLink.js';
import { PageTitle } from './PageTitle.js';

/** An area that is not built yet says so plainly: no sample data that could be mistaken for real. */
export function ComingSoonPage({ area }: { readonly area: RoleArea }) {
  return (
    <>
      <PageTitle>{t(area.nameKey)}</PageTitle>
      <p className="lead">{t(area.summaryKey)}</p>
      <p className="notice" data-testid="coming-soon">
        {t('page.comingSoon')}
      </p>
      <p>
        <AppLink to="/">{t('page.backHome')}</AppLink>
      </p>
    </>
  );
}
