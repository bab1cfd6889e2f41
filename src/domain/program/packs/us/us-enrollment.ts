import { addDays, addMonths, maxDate } from '../../../calendar/index.js';
import type { Decision, NextStep } from '../../decision.js';
import type { FormKind, PrescriptionFacts } from '../../events.js';
import { Findings } from '../../findings.js';
import { eventsOf } from '../../timeline.js';
import type { UsDecisionContext } from './us-decision-context.js';
import {
  checkEnrolled,
  checkOpenCourse,
  checkPendingResults,
  checkPositiveTests,
  checkPrescriberCertified,
  checkPrescriptionLimits,
  checkRiskCategory,
} from './us-checks.js';
import { US3_SCREENING_TO_CONFIRMATION_DAYS, US4_CONTRACEPTION_MONTHS_BEFORE } from './us-rules.js';
import { openCourse, type UsState } from './us-state.js';

function checkForm(state: UsState, f: Findings, form: FormKind, label: string): void {
  const signed = eventsOf(state.timeline, 'form_signed').some((e) => e.form === form && e.signedBy.includes('patient'));
  if (signed) return;
  f.require({
    code: `${form}_missing`,
    ruleId: 'US2',
    staff: `The ${label} is not signed by the patient.`,
    patient: `Please read and sign the ${label}.`,
    earliest: state.clinicDay,
    step: { who: 'patient', text: `Sign the ${label}.`, from: state.clinicDay.toString() },
  });
}

/** The pre-treatment sequence for a patient who can get pregnant, from today (US3-US6). */
export function preTreatmentSteps(state: UsState): NextStep[] {
  const today = state.clinicDay;
  const confirmation = maxDate(addDays(today, US3_SCREENING_TO_CONFIRMATION_DAYS), addMonths(today, US4_CONTRACEPTION_MONTHS_BEFORE));
  const setting = state.variant.testSettings === 'medical_setting_then_home_with_opt_in' ? 'in a medical setting' : 'in a CLIA-certified lab';
  return [
    { who: 'clinic', code: 'screening_test', ruleId: 'US3', text: `Screening pregnancy test ${setting}.`, from: today.toString() },
    { who: 'patient', code: 'start_two_methods', ruleId: 'US5', text: 'Start two methods of contraception (one primary), or commit to abstinence.', from: today.toString() },
    {
      who: 'clinic',
      code: 'confirmation_test',
      ruleId: 'US4',
      text: `Confirmation test ${setting}, at least 19 days after screening and after one month of two methods (ideally in the first 5 days of menses for regular cycles).`,
      from: confirmation.toString(),
    },
    { who: 'patient', code: 'comprehension_questions', ruleId: 'US6', text: 'Answer the comprehension questions after the confirmation test.', from: confirmation.toString() },
  ];
}

export function decideEnroll(state: UsState, ctx: UsDecisionContext, prescriberId: string): Decision {
  const f = new Findings();
  checkPrescriberCertified(state, f, prescriberId, state.actionDay);
  checkRiskCategory(state, f);
  checkForm(state, f, 'us_patient_information_consent', 'Patient Information / Informed Consent');
  if (state.risk.category !== 'cannot_get_pregnant') {
    checkForm(state, f, 'us_birth_defects_consent', 'Informed Consent about Birth Defects');
  }
  if (eventsOf(state.timeline, 'counselling').length === 0) {
    f.require({
      code: 'enrollment_counselling_missing',
      ruleId: 'US10',
      staff: 'No counselling is documented for the enrollment.',
      patient: 'Your prescriber must counsel you about the risks before you are enrolled.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Counsel the patient and document it.', from: state.clinicDay.toString() },
    });
  }
  checkPositiveTests(state, f);
  checkPendingResults(state, f);
  if (eventsOf(state.timeline, 'enrollment').length > 0) {
    f.warn('already_enrolled', 'US2', 'The patient is already enrolled.', 'You are already enrolled.');
  }
  const steps: NextStep[] =
    state.risk.category === 'can_get_pregnant'
      ? preTreatmentSteps(state)
      : [{ who: 'clinic', code: 'start_course', ruleId: 'US2', text: 'Start the course and write the first prescription.', from: state.clinicDay.toString() }];
  return f.toDecision({ pack: ctx.pack, action: state.programCase.action, actionDate: state.actionDay, allowedSteps: steps });
}

export function decideStartCourse(state: UsState, ctx: UsDecisionContext, prescriberId: string): Decision {
  const f = new Findings();
  checkEnrolled(state, f);
  checkRiskCategory(state, f);
  checkPrescriberCertified(state, f, prescriberId, state.actionDay);
  const open = openCourse(state);
  if (open !== undefined) {
    f.require({
      code: 'course_already_open',
      ruleId: 'DECISION-SECOND-COURSE',
      staff: `A course started on ${open.startedOn.toString()} is still open; finish or stop it first.`,
      patient: 'Your current course must be finished before a new one starts.',
    });
  }
  checkPositiveTests(state, f);
  checkPendingResults(state, f);
  if (state.courses.length > 0) {
    f.warn(
      'second_course_full_sequence',
      'DECISION-SECOND-COURSE',
      'A new course needs the full pre-treatment sequence again (screening, one month of two methods, confirmation).',
      'A new course starts with the same steps as your first one.',
    );
  }
  const steps = state.risk.category === 'can_get_pregnant' ? preTreatmentSteps(state) : [];
  return f.toDecision({ pack: ctx.pack, action: state.programCase.action, actionDate: state.actionDay, allowedSteps: steps });
}

export function decideWritePrescription(state: UsState, ctx: UsDecisionContext, rx: PrescriptionFacts): Decision {
  const f = new Findings();
  checkRiskCategory(state, f);
  checkEnrolled(state, f);
  checkOpenCourse(state, f);
  checkPrescriberCertified(state, f, rx.prescriberId, rx.writtenOn);
  checkPrescriptionLimits(state, f, rx);
  checkPositiveTests(state, f);
  checkPendingResults(state, f);
  return f.toDecision({
    pack: ctx.pack,
    action: state.programCase.action,
    actionDate: state.actionDay,
    allowedSteps: [
      {
        who: 'clinic',
        code: 'request_authorization',
        ruleId: 'US6',
        text: 'Record the prescription and request the authorization inside the current window.',
        from: rx.writtenOn.toString(),
      },
    ],
  });
}
