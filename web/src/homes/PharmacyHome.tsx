import type { SessionUser } from '../api/auth-api.js';
import { PageTitle } from '../components/PageTitle.js';
import { t } from '../i18n/t.js';
import { LEARN_PATH } from '../routing/routes.js';
import { ComingSoonList, SignedInAs, ToolList } from './HomeParts.js';

export function PharmacyHome({ user }: { readonly user: SessionUser }) {
  return (
    <>
      <PageTitle>{t('role.pharmacy.name')}</PageTitle>
      <SignedInAs user={user} />
      <ToolList tools={[{ to: LEARN_PATH, nameKey: 'home.learnTool', summaryKey: 'home.pharmacy.learnSummary' }]} />
      <ComingSoonList items={['home.pharmacy.soon.lookup', 'home.pharmacy.soon.dispense', 'home.pharmacy.soon.list']} />
    </>
  );
}
