import type { ProgramEventWire } from '../../../src/contracts/program-case.js';
import { basisOf, type BasisValues, type RiskCategory } from './enroll-form.js';
import { Checker, instantOf, type FormOutcome } from './form-fields.js';

/**
 * The programme events a clinic records through POST /api/courses/:courseId/events: every kind
 * of the programme case except those the server records itself (enrollment, course start and
 * stop, prescription, authorization, dispense) and the prescriber's or pharmacy's certifications.
 */
export const EVENT_KINDS = [
  'form_signed',
  'counselling',
  'contraception_started',
  'contraception_stopped',
  'abstinence_committed',
  'abstinence_ended',
  'contraception_exemption',
  'comprehension_questions',
  'pregnancy_test',
  'office_visit',
  'material_given',
  'assessment',
  'first_dose',
  'last_dose',
  'second_prescriber_agreement',
  'requalified',
  'risk_category_changed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

type Ev<K extends EventKind> = Extract<ProgramEventWire, { kind: K }>;
export type FormName = Ev<'form_signed'>['form'];
export type Signer = Ev<'form_signed'>['signedBy'][number];
export type Method = Ev<'contraception_started'>['method'];
export type Specimen = Ev<'pregnancy_test'>['specimen'];
export type TestSetting = Ev<'pregnancy_test'>['setting'];
export type TestResult = Ev<'pregnancy_test'>['result'];
export type TestPurpose = Ev<'pregnancy_test'>['purpose'];
export type Material = Ev<'material_given'>['material'];
export type AssessmentKind = Ev<'assessment'>['assessment'];
export type AssessmentSetting = Ev<'assessment'>['setting'];

export const FORMS_BY_JURISDICTION: Readonly<Record<'US' | 'EU' | 'UK', readonly FormName[]>> = {
  US: ['us_patient_information_consent', 'us_birth_defects_consent'],
  EU: ['eu_acknowledgement_form'],
  UK: ['uk_acknowledgement_of_risk_2023', 'uk_acknowledgement_of_risk_2026'],
};
export const SIGNERS: readonly Signer[] = ['patient', 'prescriber', 'guardian'];
export const METHODS: readonly Method[] = [
  'tubal_sterilization', 'partner_vasectomy', 'iud_copper', 'iud_hormonal', 'combined_oral_pill', 'patch', 'implant', 'injection', 'vaginal_ring',
  'progestin_only_pill', 'male_latex_condom', 'male_condom_non_latex', 'female_condom', 'diaphragm_with_spermicide', 'cervical_cap_with_spermicide',
  'vaginal_sponge_with_spermicide', 'other',
];
export const SPECIMENS: readonly Specimen[] = ['urine', 'serum'];
export const TEST_SETTINGS: readonly TestSetting[] = ['clia_lab', 'medical_setting', 'home'];
export const TEST_RESULTS: readonly TestResult[] = ['negative', 'positive', 'invalid', 'unknown'];
export const TEST_PURPOSES: readonly TestPurpose[] = ['screening', 'confirmation', 'monthly', 'end_of_treatment', 'post_treatment'];
export const MATERIALS: readonly Material[] = ['medication_guide', 'reminder_card', 'patient_booklet'];
export const ASSESSMENTS: readonly AssessmentKind[] = ['mental_health', 'sexual_function'];
export const ASSESSMENT_SETTINGS: readonly AssessmentSetting[] = ['in_person', 'remote'];

export interface EventFormValues extends BasisValues {
  readonly kind: EventKind | '';
  readonly on: string;
  readonly time: string;
  readonly form: FormName | '';
  readonly signedBy: readonly Signer[];
  readonly method: Method | '';
  readonly reason: string;
  readonly agreedByPrescriber: boolean;
  readonly agreedByPatient: boolean;
  readonly correct: string;
  readonly incorrect: string;
  readonly unanswered: string;
  readonly specimen: Specimen | '';
  readonly setting: TestSetting | '';
  readonly result: TestResult | '';
  readonly purpose: TestPurpose | '';
  readonly sensitivity: string;
  readonly material: Material | '';
  readonly assessment: AssessmentKind | '';
  readonly assessmentSetting: AssessmentSetting | '';
  readonly otherPrescriberId: string;
  readonly category: RiskCategory | '';
}

export type EventField = Exclude<keyof EventFormValues, 'signedBy'> | 'signedBy';

export function emptyEventForm(today: string, time: string): EventFormValues {
  return {
    kind: '',
    on: today,
    time,
    form: '',
    signedBy: [],
    method: '',
    reason: '',
    agreedByPrescriber: false,
    agreedByPatient: false,
    correct: '',
    incorrect: '0',
    unanswered: '0',
    specimen: '',
    setting: '',
    result: '',
    purpose: '',
    sensitivity: '',
    material: '',
    assessment: '',
    assessmentSetting: '',
    otherPrescriberId: '',
    category: '',
    basis: '',
    menopauseMonths: '',
    basisOther: '',
  };
}

/** Whether the kind is dated by an instant (date and time) rather than a day. */
export function usesTime(kind: EventKind | ''): boolean {
  return kind === 'comprehension_questions' || kind === 'pregnancy_test' || kind === 'requalified';
}

type EventBody = Record<string, unknown> & { readonly kind: EventKind };

function required<V extends string, F extends string>(check: Checker<F>, field: F, value: V | ''): V | undefined {
  return check.chosen(field, value);
}

/**
 * The event to post, with the fields of its kind only: a counselling is a day; a pregnancy
 * test its collection instant, specimen, setting, purpose and result; and so on.
 */
export function eventRequestFrom(values: EventFormValues, today: string, now: Date = new Date(), zone?: string): FormOutcome<EventBody, EventField> {
  const check = new Checker<EventField>();
  const kind = required(check, 'kind', values.kind);
  if (kind === undefined) return check.outcome(() => ({ kind: 'counselling' as const }));
  let at: string | undefined;
  let on: string | undefined;
  if (usesTime(kind)) {
    const day = check.date('on', values.on, today);
    if (!/^\d{2}:\d{2}$/.test(values.time)) check.add('time', 'required');
    else if (day !== undefined) {
      at = instantOf(day, values.time, zone);
      if (at === undefined) check.add('time', 'required');
      else if (new Date(at).getTime() > now.getTime()) check.add('time', 'future');
    }
  } else {
    on = check.date('on', values.on, today);
  }
  const build = (): EventBody => {
    const dated = { on: on ?? '' };
    switch (kind) {
      case 'form_signed':
        return { kind, ...dated, form: values.form, signedBy: [...values.signedBy] };
      case 'counselling':
      case 'abstinence_committed':
      case 'abstinence_ended':
      case 'office_visit':
      case 'first_dose':
      case 'last_dose':
        return { kind, ...dated };
      case 'contraception_started':
      case 'contraception_stopped':
        return { kind, ...dated, method: values.method };
      case 'contraception_exemption':
        return { kind, ...dated, reason: values.reason.trim(), agreedByPrescriber: values.agreedByPrescriber, agreedByPatient: values.agreedByPatient };
      case 'comprehension_questions': {
        const answers = [
          ...Array.from({ length: Number(values.correct) }, () => 'correct' as const),
          ...Array.from({ length: Number(values.incorrect) }, () => 'incorrect' as const),
          ...Array.from({ length: Number(values.unanswered) }, () => 'unanswered' as const),
        ];
        return { kind, at: at ?? '', items: answers.map((answer, index) => ({ questionId: `q${String(index + 1)}`, answer })) };
      }
      case 'pregnancy_test':
        return {
          kind,
          collectedAt: at ?? '',
          specimen: values.specimen,
          setting: values.setting,
          result: values.result,
          purpose: values.purpose,
          ...(values.sensitivity.trim() === '' ? {} : { sensitivityMiuPerMl: Number(values.sensitivity.trim().replace(',', '.')) }),
        };
      case 'material_given':
        return { kind, ...dated, material: values.material };
      case 'assessment':
        return { kind, ...dated, assessment: values.assessment, setting: values.assessmentSetting };
      case 'second_prescriber_agreement':
        return { kind, ...dated, prescriberId: values.otherPrescriberId.trim() };
      case 'requalified':
        return { kind, at: at ?? '', reason: values.reason.trim() };
      case 'risk_category_changed':
        return { kind, ...dated, assessment: { category: values.category, basis: values.category === 'cannot_get_pregnant' ? (basisOf(values, new Checker()) ?? []) : [] } };
      default: {
        const unreachable: never = kind;
        return unreachable;
      }
    }
  };
  switch (kind) {
    case 'form_signed':
      required(check, 'form', values.form);
      if (values.signedBy.length === 0) check.add('signedBy', 'notChosen');
      break;
    case 'contraception_started':
    case 'contraception_stopped':
      required(check, 'method', values.method);
      break;
    case 'contraception_exemption':
    case 'requalified':
      check.text('reason', values.reason, 500);
      break;
    case 'comprehension_questions': {
      const correct = check.whole('correct', values.correct, 0, 50);
      const incorrect = check.whole('incorrect', values.incorrect, 0, 50);
      const unanswered = check.whole('unanswered', values.unanswered, 0, 50);
      if (correct !== undefined && incorrect !== undefined && unanswered !== undefined && correct + incorrect + unanswered === 0) check.add('correct', 'notPositive');
      break;
    }
    case 'pregnancy_test':
      required(check, 'specimen', values.specimen);
      required(check, 'setting', values.setting);
      required(check, 'purpose', values.purpose);
      required(check, 'result', values.result);
      check.optionalDecimal('sensitivity', values.sensitivity, 1000);
      break;
    case 'material_given':
      required(check, 'material', values.material);
      break;
    case 'assessment':
      required(check, 'assessment', values.assessment);
      required(check, 'assessmentSetting', values.assessmentSetting);
      break;
    case 'second_prescriber_agreement':
      check.text('otherPrescriberId', values.otherPrescriberId, 100);
      break;
    case 'risk_category_changed':
      if (required(check, 'category', values.category) === 'cannot_get_pregnant') basisOf<EventField>(values, check);
      break;
    case 'counselling':
    case 'abstinence_committed':
    case 'abstinence_ended':
    case 'office_visit':
    case 'first_dose':
    case 'last_dose':
      break;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
  return check.outcome(build);
}
