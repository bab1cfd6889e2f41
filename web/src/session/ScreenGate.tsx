import { useEffect, type ReactNode } from 'react';
import type { SessionUser } from '../api/auth-api.js';
import { AppLink } from '../components/AppLink.js';
import { PageTitle } from '../components/PageTitle.js';
import { t } from '../i18n/t.js';
import { areaById, type Screen } from '../routing/routes.js';
import { navigate, usePathname, useSearch } from '../routing/use-location.js';
import { signInPathFor } from './return-path.js';
import { homePathFor, roleNameKey } from './roles.js';
import { useSession } from './session-context.js';

function CheckingSession() {
  return (
    <p className="notice notice--quiet" role="status" data-testid="session-checking">
      {t('session.checking')}
    </p>
  );
}

function SessionUnavailable({ onRetry }: { readonly onRetry: () => void }) {
  return (
    <>
      <PageTitle>{t('session.unavailable.title')}</PageTitle>
      <p className="lead">{t('session.unavailable.body')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('session.unavailable.retry')}
      </button>
    </>
  );
}

/** A signed-in person on a page of another role: say so, say who it is for, show the way home. */
export function NotForYourRole({ screen, user }: { readonly screen: Screen; readonly user: SessionUser }) {
  return (
    <>
      <PageTitle>{t('notForRole.title')}</PageTitle>
      <p className="lead" data-testid="not-for-role">
        {t('notForRole.body', { page: t(screen.titleKey), area: t(areaById(screen.area).nameKey), role: t(roleNameKey[user.role]) })}
      </p>
      <h2 className="section-title">{t('notForRole.forWhom')}</h2>
      <ul className="plain-list">
        {screen.roles.map((role) => (
          <li key={role}>{t(roleNameKey[role])}</li>
        ))}
      </ul>
      <p>{t('notForRole.askAdmin')}</p>
      <p>
        <AppLink to={homePathFor(user.role)}>{t('notForRole.goHome')}</AppLink>
      </p>
    </>
  );
}

/**
 * The door of every role screen: waits for the session check, sends a signed-out person to
 * sign-in (and back here afterwards), tells a person of another role that the page is not for
 * them, and only then renders the screen.
 */
export function ScreenGate({ screen, children }: { readonly screen: Screen; readonly children: (user: SessionUser) => ReactNode }) {
  const { state, recheck } = useSession();
  const pathname = usePathname();
  const search = useSearch();
  const signedOut = state.status === 'signedOut';

  useEffect(() => {
    if (signedOut) navigate(signInPathFor(pathname + search), { redirect: true });
  }, [signedOut, pathname, search]);

  switch (state.status) {
    case 'checking':
    case 'signedOut':
      return <CheckingSession />;
    case 'unavailable':
      return <SessionUnavailable onRetry={recheck} />;
    case 'signedIn':
      return screen.roles.includes(state.user.role) ? children(state.user) : <NotForYourRole screen={screen} user={state.user} />;
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
