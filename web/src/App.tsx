import { useEffect, useRef } from 'react';
import { ComingSoonPage } from './components/ComingSoonPage.js';
import { HomePage } from './components/HomePage.js';
import { NotFoundPage } from './components/NotFoundPage.js';
import { PAGE_TITLE_ID } from './components/PageTitle.js';
import { SiteFooter } from './components/SiteFooter.js';
import { SiteHeader } from './components/SiteHeader.js';
import { MAIN_ID, SkipLink } from './components/SkipLink.js';
import { t } from './i18n/t.js';
import { pageFor, type Page } from './routing/routes.js';
import { usePathname } from './routing/use-location.js';

function documentTitle(page: Page): string {
  switch (page.kind) {
    case 'home':
      return t('app.name');
    case 'role':
      return t('document.title', { page: t(page.area.nameKey) });
    case 'not_found':
      return t('document.title', { page: t('page.notFound.title') });
    default: {
      const unreachable: never = page;
      return unreachable;
    }
  }
}

function PageContent({ page }: { readonly page: Page }) {
  switch (page.kind) {
    case 'home':
      return <HomePage />;
    case 'role':
      return <ComingSoonPage area={page.area} />;
    case 'not_found':
      return <NotFoundPage path={page.path} />;
    default: {
      const unreachable: never = page;
      return unreachable;
    }
  }
}

export function App() {
  const pathname = usePathname();
  const page = pageFor(pathname);
  const title = documentTitle(page);
  const shownPath = useRef(pathname);

  useEffect(() => {
    document.title = title;
    // After a client-side navigation (not the first load) focus moves to the new page's title,
    // so keyboard and screen-reader users start on the new content, as after a full page load.
    if (shownPath.current !== pathname) {
      shownPath.current = pathname;
      document.getElementById(PAGE_TITLE_ID)?.focus();
    }
  }, [pathname, title]);

  return (
    <>
      <SkipLink />
      <SiteHeader />
      <main id={MAIN_ID} className="site-main" tabIndex={-1}>
        <PageContent page={page} />
      </main>
      <SiteFooter />
    </>
  );
}
