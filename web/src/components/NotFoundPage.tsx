import { t } from '../i18n/t.js';
import { AppLink } from './AppLink.js';
import { PageTitle } from './PageTitle.js';

export function NotFoundPage({ path }: { readonly path: string }) {
  return (
    <>
      <PageTitle>{t('page.notFound.title')}</PageTitle>
      <p className="path-text">{t('page.notFound.body', { path })}</p>
      <p>
        <AppLink to="/">{t('page.backHome')}</AppLink>
      </p>
    </>
  );
}
