import type { Instant, LocalDate } from '../calendar/index.js';
import type { ContraceptionMethod } from './contraception-methods.js';
import type { PregnancyTestFacts } from './pregnancy-tests.js';
import type { RiskAssessment } from './risk.js';

/**
 * The dated facts of a patient's programme history, a discriminated union on `kind`. Date-only
 * facts (`on`) are calendar dates in the clinic's zone; facts whose time matters (`at`) are
 * instants with an offset. Every event has an `id` unique in the case, so that later events and
 * decisions can point at it.
 */
interface Base {
  readonly id: string;
}

export const FORMS = [
  'us_patient_information_consent',
  'us_birth_defects_consent',
  'eu_acknowledgement_form',
  'uk_acknowledgement_of_risk_2023',
  'uk_acknowledgement_of_risk_2026',
] as const;
export type FormKind = (typeof FORMS)[number];
export const SIGNERS = ['patient', 'prescriber', 'guardian'] as const;
export type Signer = (typeof SIGNERS)[number];

export const MATERIALS = ['medication_guide', 'reminder_card', 'patient_booklet'] as const;
export type Material = (typeof MATERIALS)[number];

export const ASSESSMENTS = ['mental_health', 'sexual_function'] as const;
export type AssessmentKind = (typeof ASSESSMENTS)[number];

export const COURSE_STOP_REASONS = ['completed', 'pregnancy', 'adverse_effect', 'patient_decision', 'other'] as const;
export type CourseStopReason = (typeof COURSE_STOP_REASONS)[number];

export const ANSWERS = ['correct', 'incorrect', 'unanswered'] as const;
export type Answer = (typeof ANSWERS)[number];

export interface PrescriptionFacts {
  readonly id: string;
  readonly writtenOn: LocalDate;
  readonly prescriberId: string;
  readonly product: string;
  /** Capsule strength in mg (whole mg: every marketed strength is). */
  readonly strengthMg: number;
  /** Number of capsules. */
  readonly quantity: number;
  /** Prescribed daily dose in mg. Days' supply = quantity x strength / daily mg (US1). */
  readonly dailyMg: number;
  readonly refills: number;
}

export interface DispenseFacts {
  readonly id: string;
  readonly authorizationId: string;
  readonly pharmacyId: string;
  /** Capsules handed over. */
  readonly quantity: number;
  /** iPLEDGE Risk Management Authorization number obtained for this dispense (US13). */
  readonly rmaNumber?: string | undefined;
  /** iPLEDGE "Do Not Dispense To Patient After" date (US13), a New York calendar date. */
  readonly dndDate?: LocalDate | undefined;
  readonly medicationGuideGiven?: boolean | undefined;
  /** EU/UK pharmacist checklist completed at this dispense (EU5). */
  readonly pharmacistChecklistCompleted?: boolean | undefined;
}

export type ProgramEvent =
  | (Base & { readonly kind: 'enrollment'; readonly on: LocalDate; readonly prescriberId: string; readonly registryId?: string | undefined })
  | (Base & { readonly kind: 'prescriber_certified'; readonly on: LocalDate; readonly prescriberId: string; readonly until?: LocalDate | undefined })
  | (Base & { readonly kind: 'pharmacy_certified'; readonly on: LocalDate; readonly pharmacyId: string; readonly until?: LocalDate | undefined })
  /** Yearly re-activation of an iPLEDGE pharmacy (US2). */
  | (Base & { readonly kind: 'pharmacy_activated'; readonly on: LocalDate; readonly pharmacyId: string })
  | (Base & { readonly kind: 'form_signed'; readonly on: LocalDate; readonly form: FormKind; readonly signedBy: readonly Signer[] })
  | (Base & { readonly kind: 'counselling'; readonly on: LocalDate; readonly prescriberId?: string | undefined })
  | (Base & { readonly kind: 'contraception_started'; readonly on: LocalDate; readonly method: ContraceptionMethod })
  | (Base & { readonly kind: 'contraception_stopped'; readonly on: LocalDate; readonly method: ContraceptionMethod })
  | (Base & { readonly kind: 'abstinence_committed'; readonly on: LocalDate })
  | (Base & { readonly kind: 'abstinence_ended'; readonly on: LocalDate })
  /** UK3: prescriber and patient agree there is no expected risk of pregnancy; reason kept. */
  | (Base & {
      readonly kind: 'contraception_exemption';
      readonly on: LocalDate;
      readonly reason: string;
      readonly agreedByPrescriber: boolean;
      readonly agreedByPatient: boolean;
    })
  | (Base & {
      readonly kind: 'comprehension_questions';
      readonly at: Instant;
      readonly items: ReadonlyArray<{ readonly questionId: string; readonly answer: Answer }>;
    })
  | (Base & { readonly kind: 'pregnancy_test' } & Omit<PregnancyTestFacts, 'id'>)
  | (Base & { readonly kind: 'prescription' } & Omit<PrescriptionFacts, 'id'>)
  | (Base & {
      readonly kind: 'authorization_issued';
      readonly at: Instant;
      readonly prescriptionId: string;
      /** Last calendar day (pack zone) to collect: the DND date in the US. */
      readonly lastDayToCollect: LocalDate;
    })
  | (Base & { readonly kind: 'authorization_reversed'; readonly at: Instant; readonly authorizationId: string; readonly reason?: string | undefined })
  | (Base & { readonly kind: 'dispense'; readonly at: Instant } & Omit<DispenseFacts, 'id'>)
  | (Base & { readonly kind: 'first_dose'; readonly on: LocalDate })
  | (Base & { readonly kind: 'last_dose'; readonly on: LocalDate })
  | (Base & { readonly kind: 'course_started'; readonly on: LocalDate })
  | (Base & { readonly kind: 'course_stopped'; readonly on: LocalDate; readonly reason: CourseStopReason })
  /** The clinic re-qualifies the patient after a positive test (US14): lifts that block only. */
  | (Base & { readonly kind: 'requalified'; readonly at: Instant; readonly reason: string })
  | (Base & { readonly kind: 'risk_category_changed'; readonly on: LocalDate; readonly assessment: RiskAssessment })
  | (Base & { readonly kind: 'office_visit'; readonly on: LocalDate; readonly prescriberId?: string | undefined })
  | (Base & { readonly kind: 'material_given'; readonly on: LocalDate; readonly material: Material })
  | (Base & {
      readonly kind: 'assessment';
      readonly on: LocalDate;
      readonly assessment: AssessmentKind;
      readonly setting: 'in_person' | 'remote';
    })
  /** UK1 (uk-mhra-2023): agreement of a second, independent prescriber for an under-18. */
  | (Base & { readonly kind: 'second_prescriber_agreement'; readonly on: LocalDate; readonly prescriberId: string });

export type EventKind = ProgramEvent['kind'];
export type EventOf<K extends EventKind> = Extract<ProgramEvent, { kind: K }>;
