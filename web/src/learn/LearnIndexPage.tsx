import { AppLink } from '../components/AppLink.js';
import { PageTitle } from '../components/PageTitle.js';
import { learnTopics } from '../content/learn.js';
import { t } from '../i18n/t.js';
import { LEARN_TOPIC_IDS, learnTopicPath } from '../routing/routes.js';

export function LearnIndexPage() {
  return (
    <>
      <PageTitle>{t('learn.title')}</PageTitle>
      <p className="lead">{t('learn.intro')}</p>
      <ul className="topic-list">
        {LEARN_TOPIC_IDS.map((id) => (
          <li key={id} className="topic-card">
            <h2 className="topic-card__name">
              <AppLink to={learnTopicPath(id)}>{learnTopics[id].title}</AppLink>
            </h2>
            <p className="topic-card__summary">{learnTopics[id].summary}</p>
          </li>
        ))}
      </ul>
      <p className="small-print">{t('learn.disclaimer')}</p>
    </>
  );
}
