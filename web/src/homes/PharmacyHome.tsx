import type { SessionUser } from '../api/auth-api.js';
import { PageTitle } from '../components/PageTitle.js';
import { t } from '../i18n/t.js';
import { LEARN_PATH, screenPath } from '../routing/routes.js';
import { SignedInAs, ToolList } from './HomeParts.js';

export function PharmacyHome({ user }: { readonly user: SessionUser }) {
  return (
    <>
      <PageTitle>{t('role.pharmacy.name')}</PageTitle>
      <SignedInAs user={user} />
      <ToolList
        tools={[
          { to: screenPath('pharmacyLookup'), nameKey: 'home.pharmacy.lookupTool', summaryKey: 'home.pharmacy.lookupSummary' },
          { to: screenPath('pharmacyWorklist'), nameKey: 'home.pharmacy.worklistTool', summaryKey: 'home.pharmacy.worklistSummary' },
          { to: LEARN_PATH, nameKey: 'home.learnTool', summaryKey: 'home.pharmacy.learnSummary' },
        ]}
      />
    </>
  );
}
