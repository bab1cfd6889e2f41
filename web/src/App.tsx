import { useEffect, useRef } from 'react';
import type { SessionUser } from './api/auth-api.js';
import { AdminScreen } from './admin/AdminScreen.js';
import { SignInPage } from './auth/SignInPage.js';
import { ClinicScreen } from './clinic/ClinicScreen.js';
import { HomePage } from './components/HomePage.js';
import { NotFoundPage } from './components/NotFoundPage.js';
import { PAGE_TITLE_ID } from './components/PageTitle.js';
import { SiteFooter } from './components/SiteFooter.js';
import { SiteHeader } from './components/SiteHeader.js';
import { MAIN_ID, SkipLink } from './components/SkipLink.js';
import { learnTopics } from './content/learn.js';
import { t } from './i18n/t.js';
import { LearnIndexPage } from './learn/LearnIndexPage.js';
import { LearnTopicPage } from './learn/LearnTopicPage.js';
import { pageFor, type Page, type Screen, type ScreenParams } from './routing/routes.js';
import { PatientScreen } from './patient/PatientScreen.js';
import { PharmacyScreen } from './pharmacy/PharmacyScreen.js';
import { lastNavigationKind, usePathname } from './routing/use-location.js';
import { ScreenGate } from './session/ScreenGate.js';
import { SessionProvider, useSession, type SessionState } from './session/session-context.js';

function pageName(page: Page, session: SessionState): string | undefined {
  switch (page.kind) {
    case 'home':
      return undefined;
    case 'signIn':
      return t('signIn.title');
    case 'learnIndex':
      return t('learn.title');
    case 'learnTopic':
      return learnTopics[page.topicId].title;
    case 'screen':
      return session.status === 'signedIn' && !page.screen.roles.includes(session.user.role)
        ? t('notForRole.title')
        : t(page.screen.titleKey);
    case 'not_found':
      return t('page.notFound.title');
    default: {
      const unreachable: never = page;
      return unreachable;
    }
  }
}

/** The screen's own component: each area switches over its own screens. */
function ScreenContent({ screen, params, user }: { readonly screen: Screen; readonly params: ScreenParams; readonly user: SessionUser }) {
  switch (screen.area) {
    case 'clinic':
      return <ClinicScreen id={screen.id} params={params} user={user} />;
    case 'patient':
      return <PatientScreen id={screen.id} params={params} user={user} />;
    case 'pharmacy':
      return <PharmacyScreen id={screen.id} params={params} user={user} />;
    case 'admin':
      return <AdminScreen id={screen.id} params={params} user={user} />;
    default: {
      const unreachable: never = screen;
      return unreachable;
    }
  }
}

function PageContent({ page }: { readonly page: Page }) {
  switch (page.kind) {
    case 'home':
      return <HomePage />;
    case 'signIn':
      return <SignInPage />;
    case 'learnIndex':
      return <LearnIndexPage />;
    case 'learnTopic':
      return <LearnTopicPage topicId={page.topicId} />;
    case 'screen':
      return <ScreenGate screen={page.screen}>{(user) => <ScreenContent screen={page.screen} params={page.params} user={user} />}</ScreenGate>;
    case 'not_found':
      return <NotFoundPage path={page.path} />;
    default: {
      const unreachable: never = page;
      return unreachable;
    }
  }
}

function Shell() {
  const pathname = usePathname();
  const { state } = useSession();
  const page = pageFor(pathname);
  const name = pageName(page, state);
  const title = name === undefined ? t('app.name') : t('document.title', { page: name });
  const shownPath = useRef(pathname);

  useEffect(() => {
    document.title = title;
  }, [title]);

  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    // After a client-side navigation focus moves to the new page's title, so keyboard and
    // screen-reader users start on the new content, as after a full page load. A redirect on a
    // fresh load (nothing focused yet) leaves focus alone, so Tab still starts at the skip link.
    if (lastNavigationKind() === 'redirect' && document.activeElement === document.body) return;
    document.getElementById(PAGE_TITLE_ID)?.focus();
  }, [pathname]);

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

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}
