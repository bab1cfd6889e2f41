import type { SessionUser } from '../api/auth-api.js';
import { PageTitle } from '../components/PageTitle.js';
import { t } from '../i18n/t.js';
import { ComingSoonList, SignedInAs } from './HomeParts.js';

export function AdminHome({ user }: { readonly user: SessionUser }) {
  return (
    <>
      <PageTitle>{t('role.admin.name')}</PageTitle>
      <SignedInAs user={user} />
      <ComingSoonList items={['home.admin.soon.settings', 'home.admin.soon.users', 'home.admin.soon.pharmacies', 'home.admin.soon.audit']} />
    </>
  );
}
