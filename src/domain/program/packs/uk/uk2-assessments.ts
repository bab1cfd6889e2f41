import { addMonths, compareDates } from '../../../calendar/index.js';
import { ASSESSMENTS, type AssessmentKind } from '../../events.js';
import type { Findings } from '../../findings.js';
import { eventsOf } from '../../timeline.js';
import type { PppState, PrescriptionContext } from '../eu/ppp-model.js';

/**
 * UK2 [C]: mental health and sexual function assessed before starting and monitored during
 * treatment; the first appointment in person, later follow-ups may be remote.
 * DECISION-UK2-MONITORING: before every prescription, each of the two assessments is recorded
 * within the calendar month before the prescription date (prescription date - 1 month <= assessment
 * day <= prescription date, DECISION 1 for the month); before the initial prescription of a course
 * each must have been done in person.
 */
export const UK2_ASSESSMENT_MONTHS_BEFORE_PRESCRIPTION = 1;

const LABEL: Readonly<Record<AssessmentKind, string>> = { mental_health: 'mental health', sexual_function: 'sexual function' };

export function checkAssessments(state: PppState, f: Findings, p: PrescriptionContext): void {
  const from = addMonths(p.rx.writtenOn, -UK2_ASSESSMENT_MONTHS_BEFORE_PRESCRIPTION);
  const stillInTime = compareDates(state.clinicDay, p.rx.writtenOn) <= 0;
  for (const kind of ASSESSMENTS) {
    const inWindow = eventsOf(state.timeline, 'assessment').filter(
      (a) => a.assessment === kind && compareDates(a.on, from) >= 0 && compareDates(a.on, p.rx.writtenOn) <= 0,
    );
    const ok = p.initialOfCourse ? inWindow.some((a) => a.setting === 'in_person') : inWindow.length > 0;
    if (ok) continue;
    const label = LABEL[kind];
    const remoteOnly = p.initialOfCourse && inWindow.length > 0;
    f.require({
      code: remoteOnly ? `${kind}_assessment_not_in_person` : `${kind}_assessment_missing`,
      ruleId: 'UK2',
      staff: `${p.initialOfCourse ? 'Before starting' : 'During treatment'}, ${label} is assessed${p.initialOfCourse ? ' in person' : ''} between ${from.toString()} and the prescription date ${p.rx.writtenOn.toString()}${
        remoteOnly ? '; only remote assessments are recorded, and the first appointment is in person' : '; none is recorded'
      }.${stillInTime ? '' : ' A new prescription is needed after the assessment.'}`,
      patient: `Your prescriber must ask you about your ${label}${p.initialOfCourse ? ' at an in-person appointment' : ''} before this prescription.`,
      earliest: state.clinicDay,
      step: {
        who: 'clinic',
        text: `Assess ${label}${p.initialOfCourse ? ' in person' : ' (in person or remotely)'} and record it${stillInTime ? '' : ', then write a new prescription'}.`,
        from: state.clinicDay.toString(),
      },
    });
  }
}
