import { useEffect, useRef } from 'react';
import type { SessionUser } from './api/auth-api.js';
import { SignInPage } from './auth/SignInPage.js';
import { HomePage } from './components/HomePage.js';
import { NotFoundPage } from './components/NotFoundPage.js';
import { PAGE_TITLE_ID } from './components/PageTitle.js';
import { SiteFooter } from './components/SiteFooter.js';
import { SiteHeader } from './components/SiteHeader.js';
import { MAIN_ID, SkipLink } from './components/SkipLink.js';
import { learnTopics } from './content/learn.js';
import { DoseCalculatorPage } from './dosing/DoseCalculatorPage.js';
import { AdminHome } from './homes/AdminHome.js';
import { ClinicHome } from './homes/ClinicHome.js';
import { PatientHome } from './homes/PatientHome.js';
import { PharmacyHome } from './homes/PharmacyHome.js';
import { t } from './i18n/t.js';
import { LearnIndexPage } from './learn/LearnIndexPage.js';
import { LearnTopicPage } from './learn/LearnTopicPage.js';
import { Phq9Page } from './mood/Phq9Page.js';
import { pageFor, type Page, type ScreenId } from './routing/routes.js';
import { lastNavigationKind, usePathname } from './routing/use-location.js';
import { ScreenGate } from './session/ScreenGate.js';
import { SessionProvider, useSession, type SessionState } from './session/session-context.js';
import { SymptomCheckPage } from './symptoms/SymptomCheckPage.js';

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

function ScreenContent({ id, user }: { readonly id: ScreenId; readonly user: SessionUser }) {
  switch (id) {
    case 'clinicHome':
      return <ClinicHome user={user} />;
    case 'doseCalculator':
      return <DoseCalculatorPage />;
    case 'patientHome':
      return <PatientHome user={user} />;
    case 'moodCheck':
      return <Phq9Page />;
    case 'symptomCheck':
      return <SymptomCheckPage />;
    case 'pharmacyHome':
      return <PharmacyHome user={user} />;
    case 'adminHome':
      return <AdminHome user={user} />;
    default: {
      const unreachable: never = id;
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
      return <ScreenGate screen={page.screen}>{(user) => <ScreenContent id={page.screen.id} user={user} />}</ScreenGate>;
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
