import { t } from '../i18n/t.js';
import { roleAreas } from '../routing/routes.js';
import { AppLink } from './AppLink.js';
import { PageTitle } from './PageTitle.js';

export function HomePage() {
  return (
    <>
      <PageTitle>{t('app.name')}</PageTitle>
      <p className="lead">{t('app.tagline')}</p>
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
              <p className="badge">{t('page.comingSoonBadge')}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
