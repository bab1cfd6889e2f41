import type { SessionUser } from '../api/auth-api.js';
import { AppLink } from '../components/AppLink.js';
import { t, type PlainMessageKey } from '../i18n/t.js';
import { roleNameKey } from '../session/roles.js';

/** The person's name and role, as the first thing on their home page. */
export function SignedInAs({ user }: { readonly user: SessionUser }) {
  return (
    <p className="lead" data-testid="home-who">
      {t('home.signedInAs', { name: user.displayName, role: t(roleNameKey[user.role]) })}
    </p>
  );
}

export interface Tool {
  readonly to: string;
  readonly nameKey: PlainMessageKey;
  readonly summaryKey: PlainMessageKey;
}

/** The tools that work today, each a link with one sentence on what it does. */
export function ToolList({ tools }: { readonly tools: readonly Tool[] }) {
  return (
    <section className="home-section" aria-labelledby="tools-heading">
      <h2 id="tools-heading" className="section-title">
        {t('home.toolsHeading')}
      </h2>
      <ul className="tool-list">
        {tools.map((tool) => (
          <li key={tool.to} className="tool-card">
            <h3 className="tool-card__name">
              <AppLink to={tool.to}>{t(tool.nameKey)}</AppLink>
            </h3>
            <p className="tool-card__summary">{t(tool.summaryKey)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What this area will hold once the course service exists. Said in words, with no sample data
 * that anyone could take for a real patient or a real deadline.
 */
export function ComingSoonList({ items }: { readonly items: readonly PlainMessageKey[] }) {
  return (
    <section className="home-section" aria-labelledby="coming-soon-heading">
      <h2 id="coming-soon-heading" className="section-title">
        {t('home.comingSoonHeading')}
      </h2>
      <p className="notice" data-testid="coming-soon">
        {t('home.comingSoonBody')}
      </p>
      <ul className="coming-soon-list">
        {items.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </section>
  );
}
