import { t } from '../i18n/t.js';
import { roleAreas } from '../routing/routes.js';
import { AppLink } from './AppLink.js';

export function RoleNav() {
  return (
    <nav className="role-nav" aria-label={t('nav.label')}>
      <ul className="role-nav__list">
        {roleAreas.map((area) => (
          <li key={area.id}>
            <AppLink to={area.path} className="role-nav__link">
              {t(area.nameKey)}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
