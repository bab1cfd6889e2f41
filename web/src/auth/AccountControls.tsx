import { useState } from 'react';
import { AppLink } from '../components/AppLink.js';
import { t } from '../i18n/t.js';
import { SIGN_IN_PATH } from '../routing/routes.js';
import { navigate } from '../routing/use-location.js';
import { roleNameKey } from '../session/roles.js';
import { useSession } from '../session/session-context.js';

/**
 * Who is signed in, and the way out; or the way in. Nothing is shown while the session is being
 * checked, so the header never flashes "Sign in" at someone who is signed in.
 */
export function AccountControls() {
  const session = useSession();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const { state } = session;

  if (state.status === 'checking') return null;
  if (state.status !== 'signedIn') {
    return (
      <div className="account">
        <AppLink to={SIGN_IN_PATH} className="account__link">
          {t('account.signIn')}
        </AppLink>
      </div>
    );
  }

  const onSignOut = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await session.signOut(() => {
        navigate(SIGN_IN_PATH);
      });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="account">
      <p className="account__who" data-testid="signed-in-as">
        {t('account.signedInAs', { name: state.user.displayName, role: t(roleNameKey[state.user.role]) })}
      </p>
      <button
        type="button"
        className="account__button"
        aria-disabled={busy}
        onClick={() => {
          void onSignOut();
        }}
      >
        {t('account.signOut')}
      </button>
      {failed ? (
        <p className="account__error" role="alert">
          {t('account.signOutFailed')}
        </p>
      ) : null}
    </div>
  );
}
