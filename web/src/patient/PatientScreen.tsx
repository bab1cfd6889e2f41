import { PatientHome } from '../homes/PatientHome.js';
import { Phq9Page } from '../mood/Phq9Page.js';
import type { AreaScreenProps } from '../routing/screen-props.js';
import type { PatientScreenId } from '../routing/screens-patient.js';
import { SymptomCheckPage } from '../symptoms/SymptomCheckPage.js';
import { ProgressPage } from './ProgressPage.js';
import { QuestionsPage } from './QuestionsPage.js';

/** The patient area's screens, by id (routing/screens-patient.ts lists their addresses). */
export function PatientScreen(props: AreaScreenProps<PatientScreenId>) {
  switch (props.id) {
    case 'patientHome':
      return <PatientHome user={props.user} />;
    case 'patientProgress':
      return <ProgressPage />;
    case 'patientQuestions':
      return <QuestionsPage />;
    case 'moodCheck':
      return <Phq9Page />;
    case 'symptomCheck':
      return <SymptomCheckPage />;
    default: {
      const unreachable: never = props.id;
      return unreachable;
    }
  }
}
