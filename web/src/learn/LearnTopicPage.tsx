import { AppLink } from '../components/AppLink.js';
import { PageTitle } from '../components/PageTitle.js';
import { learnTopics } from '../content/learn.js';
import { t } from '../i18n/t.js';
import { LEARN_PATH, LEARN_TOPIC_IDS, learnTopicPath, type LearnTopicId } from '../routing/routes.js';
import { Block } from './LearnBlocks.js';

export function LearnTopicPage({ topicId }: { readonly topicId: LearnTopicId }) {
  const topic = learnTopics[topicId];
  const index = LEARN_TOPIC_IDS.indexOf(topicId);
  const next = LEARN_TOPIC_IDS[index + 1];
  return (
    <article className="content">
      <p className="breadcrumb">
        <AppLink to={LEARN_PATH}>{t('learn.backToList')}</AppLink>
      </p>
      <PageTitle>{topic.title}</PageTitle>
      <p className="lead">{topic.summary}</p>
      {topic.sections.length > 2 ? (
        <nav className="toc" aria-label={t('learn.onThisPage')}>
          <p className="toc__title">{t('learn.onThisPage')}</p>
          <ul className="toc__list">
            {topic.sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.heading}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {topic.sections.map((section) => (
        <section key={section.id} id={section.id} className="content__section" aria-labelledby={`${section.id}-heading`}>
          <h2 id={`${section.id}-heading`} className="section-title">
            {section.heading}
          </h2>
          {section.blocks.map((block, position) => (
            // blocks never move within a section, so their position is a stable key
            <Block key={`${section.id}-${String(position)}`} block={block} />
          ))}
        </section>
      ))}
      <section className="content__sources" aria-labelledby="sources-heading">
        <h2 id="sources-heading" className="section-title section-title--small">
          {t('learn.sources')}
        </h2>
        <ul className="content__list">
          {topic.sources.map((source) => (
            <li key={source}>{source}</li>
          ))}
        </ul>
        <p className="small-print">{t('learn.disclaimer')}</p>
      </section>
      {next === undefined ? null : (
        <p className="next-topic">
          {t('learn.next')} <AppLink to={learnTopicPath(next)}>{learnTopics[next].title}</AppLink>
        </p>
      )}
    </article>
  );
}
