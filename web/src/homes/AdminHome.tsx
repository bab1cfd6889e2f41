import type { SessionUser } from '../api/auth-api.js';
import { PageTitle } from '../components/PageTitle.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { SignedInAs, ToolList } from './HomeParts.js';

export function AdminHome({ user }: { readonly user: SessionUser }) {
  return (
    <>
      <PageTitle>{t('role.admin.name')}</PageTitle>
      <SignedInAs user={user} />
      <ToolList
        tools={[
          { to: screenPath('adminClinic'), nameKey: 'home.admin.clinicTool', summaryKey: 'home.admin.clinicSummary' },
          { to: screenPath('adminUsers'), nameKey: 'home.admin.usersTool', summaryKey: 'home.admin.usersSummary' },
          { to: screenPath('adminPharmacies'), nameKey: 'home.admin.pharmaciesTool', summaryKey: 'home.admin.pharmaciesSummary' },
          { to: screenPath('adminAudit'), nameKey: 'home.admin.auditTool', summaryKey: 'home.admin.auditSummary' },
        ]}
      />
    </>
  );
}
