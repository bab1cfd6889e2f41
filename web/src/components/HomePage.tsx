import { t } from '../i18n/t.js';
import { LEARN_PATH, roleAreas, SIGN_IN_PATH } from '../routing/routes.js';
import { homePathFor } from '../session/roles.js';
import { useSession } from '../session/session-context.js';
import { AppLink } from './AppLink.js';
import { PageTitle } from './PageTitle.js';

export function HomePage() {
  const { state } = useSession();
  return (
    <>
      <PageTitle>{t('app.name')}</PageTitle>
      <p className="lead">{t('app.tagline')}</p>
      {state.status === 'signedIn' ? (
        <p className="call-to-action">
          <AppLink to={homePathFor(state.user.role)} className="button">
            {t('home.goToYourArea')}
          </AppLink>
        </p>
      ) : state.status === 'checking' ? null : (
        <p className="call-to-action">
          <AppLink to={SIGN_IN_PATH} className="button">
            {t('home.signIn')}
          </AppLink>
        </p>
      )}
      <section className="areas" aria-labelledby="learn-heading">
        <h2 id="learn-heading">{t('home.learnHeading')}</h2>
        <p>{t('home.learnIntro')}</p>
        <p>
          <AppLink to={LEARN_PATH}>{t('home.learnLink')}</AppLink>
        </p>
      </section>
      <section className="areas" aria-labelledby="areas-heading">
        <h2 id="areas-heading">{t('home.areasHeading')}</h2>
        <p>{t('home.areasIntro')}</p>
        <ul className="area-list">
          {roleAreas.map((area) => (
            <li key={area.id} className="area-card">
              <h3 className="area-card__name">
                <AppLink to={area.path}>{t(area.nameKey)}</AppLink>
              </h3>
              <p className="area-card__summary">{t(area.summaryKey)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
