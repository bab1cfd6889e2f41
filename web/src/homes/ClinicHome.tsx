import type { SessionUser } from '../api/auth-api.js';
import { AppLink } from '../components/AppLink.js';
import { PageTitle } from '../components/PageTitle.js';
import { t } from '../i18n/t.js';
import { LEARN_PATH, screenById } from '../routing/routes.js';
import { ComingSoonList, SignedInAs, ToolList, type Tool } from './HomeParts.js';

const doseCalculator = screenById('doseCalculator');
const worklist = screenById('clinicWorklist');
const enrollPatient = screenById('enrollPatient');

/** Prescribers, designees and clinic administrators. */
export function ClinicHome({ user }: { readonly user: SessionUser }) {
  const prescribing = doseCalculator.roles.includes(user.role);
  const tools: Tool[] = [
    { to: worklist.path, nameKey: 'worklist.title', summaryKey: 'home.clinic.worklistSummary' },
    ...(prescribing ? [{ to: doseCalculator.path, nameKey: 'dose.title', summaryKey: 'home.clinic.doseSummary' } as const] : []),
    ...(enrollPatient.roles.includes(user.role) ? [{ to: enrollPatient.path, nameKey: 'cf.enroll.title', summaryKey: 'cf.enroll.homeSummary' } as const] : []),
    { to: LEARN_PATH, nameKey: 'home.learnTool', summaryKey: 'home.clinic.learnSummary' },
  ];
  return (
    <>
      <PageTitle>{t('role.clinic.name')}</PageTitle>
      <SignedInAs user={user} />
      <p className="call-to-action">
        <AppLink to={worklist.path} className="button">
          {t('home.clinic.openWorklist')}
        </AppLink>
      </p>
      <ToolList tools={tools} />
      {prescribing ? null : <p data-testid="dose-for-prescribers">{t('home.clinic.doseForPrescribers')}</p>}
      <ComingSoonList items={['home.clinic.soon.forms']} />
    </>
  );
}
