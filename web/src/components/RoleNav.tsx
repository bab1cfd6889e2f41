import { AccountControls } from '../auth/AccountControls.js';
import { t } from '../i18n/t.js';
import { LEARN_PATH, roleAreas, type RoleArea } from '../routing/routes.js';
import { useSession, type SessionState } from '../session/session-context.js';
import { AppLink } from './AppLink.js';

/** Signed in: the areas of the person's role. Otherwise all four, each leading to sign-in. */
function visibleAreas(state: SessionState): readonly RoleArea[] {
  if (state.status !== 'signedIn') return roleAreas;
  return roleAreas.filter((area) => area.roles.includes(state.user.role));
}

export function RoleNav() {
  const { state } = useSession();
  return (
    <div className="role-nav">
      <div className="role-nav__bar">
        <nav aria-label={t('nav.label')}>
          <ul className="role-nav__list">
            {visibleAreas(state).map((area) => (
              <li key={area.id}>
                <AppLink to={area.path} className="role-nav__link">
                  {t(area.nameKey)}
                </AppLink>
              </li>
            ))}
            <li>
              <AppLink to={LEARN_PATH} className="role-nav__link">
                {t('nav.learn')}
              </AppLink>
            </li>
          </ul>
        </nav>
        <AccountControls />
      </div>
    </div>
  );
}
