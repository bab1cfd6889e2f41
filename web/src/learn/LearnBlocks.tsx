import { AppLink } from '../components/AppLink.js';
import type { ContentLink, LearnBlock } from '../content/learn-types.js';
import { learnTopics } from '../content/learn.js';
import { t } from '../i18n/t.js';
import { learnTopicPath } from '../routing/routes.js';
import { CrisisHelp } from './CrisisHelp.js';

function linkTarget(link: ContentLink): string {
  return 'topic' in link ? learnTopicPath(link.topic) : link.path;
}

function linkTitle(link: ContentLink): string {
  return 'topic' in link ? learnTopics[link.topic].title : link.text;
}

const toneTitleClass = { urgent: 'callout--urgent', important: 'callout--important', tip: 'callout--tip' } as const;

/** One block of an education page; every kind of the content type has its own markup. */
export function Block({ block }: { readonly block: LearnBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return <p className="content__text">{block.text}</p>;
    case 'list':
      return (
        <ul className="content__list">
          {block.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      );
    case 'steps':
      return (
        <ol className="content__steps">
          {block.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      );
    case 'terms':
      return (
        <dl className="content__terms">
          {block.items.map((item) => (
            <div key={item.term} className="content__term">
              <dt>{item.term}</dt>
              <dd>{item.text}</dd>
            </div>
          ))}
        </dl>
      );
    case 'callout':
      return (
        <div className={`callout ${toneTitleClass[block.tone]}`}>
          <p className="callout__title">{block.title}</p>
          {block.text === undefined ? null : <p className="callout__text">{block.text}</p>}
          {block.items === undefined ? null : (
            <ul className="callout__list">
              {block.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </div>
      );
    case 'byCountry':
      return (
        <div className="by-country">
          {block.entries.map((entry) => (
            // a group, not a region: a page with rules for three countries in three sections would
            // otherwise fill the landmark list with nine "regions"
            <div key={entry.country} className="by-country__entry" role="group" aria-label={entry.name}>
              <p className="by-country__name">
                <span className="country-tag">{t(`country.${entry.country}`)}</span> {entry.name}
              </p>
              <ul className="content__list">
                {entry.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      );
    case 'crisisHelp':
      return <CrisisHelp headingLevel={3} />;
    case 'links':
      return (
        <ul className="content__links">
          {block.links.map((link) => (
            <li key={linkTarget(link)}>
              <AppLink to={linkTarget(link)}>{'topic' in link ? linkTitle(link) : link.text}</AppLink>
            </li>
          ))}
        </ul>
      );
    default: {
      const unreachable: never = block;
      return unreachable;
    }
  }
}
