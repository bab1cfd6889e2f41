import type { SessionUser } from '../api/auth-api.js';
import { AppLink } from '../components/AppLink.js';
import { PageTitle } from '../components/PageTitle.js';
import { t } from '../i18n/t.js';
import { LEARN_PATH, learnTopicPath, screenById } from '../routing/routes.js';
import { ComingSoonList, SignedInAs, ToolList } from './HomeParts.js';

export function PatientHome({ user }: { readonly user: SessionUser }) {
  return (
    <>
      <PageTitle>{t('role.patient.name')}</PageTitle>
      <SignedInAs user={user} />
      <p className="notice notice--quiet">
        {t('home.patient.helpNow')} <AppLink to={learnTopicPath('mood-and-help')}>{t('home.patient.helpNowLink')}</AppLink>
      </p>
      <ToolList
        tools={[
          { to: screenById('symptomCheck').path, nameKey: 'symptoms.title', summaryKey: 'home.patient.symptomsSummary' },
          { to: screenById('moodCheck').path, nameKey: 'phq9.title', summaryKey: 'home.patient.moodSummary' },
          { to: LEARN_PATH, nameKey: 'home.learnTool', summaryKey: 'home.patient.learnSummary' },
        ]}
      />
      <ComingSoonList
        items={['home.patient.soon.thisMonth', 'home.patient.soon.doseLog', 'home.patient.soon.questions', 'home.patient.soon.progress', 'home.patient.soon.download']}
      />
    </>
  );
}
