import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { PlanCase, ProgramCase } from '../domain/program/index.js';

/**
 * The wire schema of a programme case (`isocourse rules check` / `rules plan`, later the HTTP
 * API). Dates are `YYYY-MM-DD`, instants ISO 8601 with an offset; both become Temporal values.
 * Objects are strict: a misspelt field is an error naming it, never silently ignored.
 * Vocabulary lists mirror the domain types; the type check at the end keeps them in step.
 */
const date = (description: string) =>
  z.iso
    .date()
    .transform((s) => Temporal.PlainDate.from(s))
    .describe(`${description} (YYYY-MM-DD)`);
const instant = (description: string) =>
  z.iso
    .datetime({ offset: true })
    .transform((s) => Temporal.Instant.from(s))
    .describe(`${description} (ISO 8601 with offset, e.g. 2026-03-01T09:30:00-05:00)`);
const id = (description: string) => z.string().min(1).describe(description);
const text = (description: string) => z.string().min(1).describe(description);
const positiveInt = (description: string) => z.number().int().positive().describe(description);

function isTimeZone(zone: string): boolean {
  try {
    new Temporal.ZonedDateTime(0n, zone);
    return true;
  } catch {
    return false;
  }
}

const method = z.enum([
  'tubal_sterilization', 'partner_vasectomy', 'iud_copper', 'iud_hormonal', 'combined_oral_pill', 'patch', 'implant',
  'injection', 'vaginal_ring', 'progestin_only_pill', 'male_latex_condom', 'male_condom_non_latex', 'female_condom',
  'diaphragm_with_spermicide', 'cervical_cap_with_spermicide', 'vaginal_sponge_with_spermicide', 'other',
]).describe('contraception method (each pack classifies it: US primary/secondary, EU/UK effectiveness)');

const riskBasis = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('total_hysterectomy').describe('uterus and both ovaries removed') }),
  z.strictObject({ kind: z.literal('hysterectomy').describe('uterus removed') }),
  z.strictObject({ kind: z.literal('bilateral_oophorectomy') }),
  z.strictObject({
    kind: z.literal('post_menopausal'),
    consecutiveMonths: z.number().int().nonnegative().describe('consecutive months without menses at confirmation'),
  }),
  z.strictObject({ kind: z.literal('tubal_ligation').describe('a primary method in the US, never alone a reason for "cannot get pregnant"') }),
  z.strictObject({ kind: z.literal('pre_menarche') }),
  z.strictObject({ kind: z.literal('no_uterus_from_birth') }),
  z.strictObject({ kind: z.literal('other'), description: text('what the basis is') }),
]);

const riskAssessment = z.strictObject({
  category: z.enum(['can_get_pregnant', 'cannot_get_pregnant', 'unknown']).describe('risk category; unknown always blocks (DECISION 8)'),
  basis: z.array(riskBasis).default([]).describe('why the category was chosen'),
  confirmedBy: z.enum(['prescriber', 'health_professional', 'patient_report']).optional().describe('who confirmed the category'),
  confirmedOn: date('day the category was confirmed').optional(),
});

const pregnancyTest = {
  collectedAt: instant('specimen collection instant; its day in the clinic zone is Day 1 of the 7-day window'),
  specimen: z.enum(['urine', 'serum']).describe('urine or serum test'),
  loinc: z.string().regex(/^\d{1,7}-\d$/).optional().describe('LOINC code of the test (hCG codes only)'),
  setting: z.enum(['clia_lab', 'medical_setting', 'home']).describe('where the test was done and read'),
  homeEvidence: z
    .strictObject({
      photoRef: z.string().optional().describe('reference of the photo of the test'),
      brand: z.string().optional(),
      readAt: instant('when the result was read').optional(),
      readBy: z.string().optional().describe('who read the result'),
    })
    .optional()
    .describe('evidence kept for a home test (2026 pack, US11)'),
  sensitivityMiuPerMl: z.number().positive().optional().describe('lowest hCG level detected, mIU/mL; must be 25 or lower'),
  result: z.enum(['negative', 'positive', 'unknown', 'invalid']).describe('unknown = not recorded yet (blocks); invalid = unreadable'),
  purpose: z.enum(['screening', 'confirmation', 'monthly', 'end_of_treatment', 'post_treatment']),
};

const prescription = {
  writtenOn: date('day the prescription was written'),
  prescriberId: id('prescriber who wrote it'),
  product: text('product id, e.g. us-generic-isotretinoin'),
  strengthMg: positiveInt('capsule strength in mg'),
  quantity: positiveInt('number of capsules'),
  dailyMg: positiveInt('prescribed daily dose in mg'),
  refills: z.number().int().nonnegative().describe('refills written (any refill is refused, DECISION 7)'),
};

const dispense = {
  authorizationId: id('authorization the dispense is made against'),
  pharmacyId: id('dispensing pharmacy'),
  quantity: positiveInt('capsules handed over'),
  rmaNumber: z.string().optional().describe('iPLEDGE Risk Management Authorization number (US13)'),
  dndDate: date('iPLEDGE "Do Not Dispense To Patient After" date').optional(),
  medicationGuideGiven: z.boolean().optional().describe('Medication Guide given with this dispense (US13)'),
  pharmacistChecklistCompleted: z.boolean().optional().describe('EU/UK pharmacist checklist completed (EU5)'),
};

const e = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.strictObject({ id: id('event id, unique in the case'), kind: z.literal(kind), ...shape });
const on = date('day of the event (clinic zone)');

const event = z.discriminatedUnion('kind', [
  e('enrollment', { on, prescriberId: id('enrolling prescriber'), registryId: z.string().optional() }),
  e('prescriber_certified', { on, prescriberId: id('prescriber'), until: date('last day of certification').optional() }),
  e('pharmacy_certified', { on, pharmacyId: id('pharmacy'), until: date('last day of certification').optional() }),
  e('pharmacy_activated', { on, pharmacyId: id('pharmacy (yearly iPLEDGE activation, US2)') }),
  e('form_signed', {
    on,
    form: z.enum(['us_patient_information_consent', 'us_birth_defects_consent', 'eu_acknowledgement_form', 'uk_acknowledgement_of_risk_2023', 'uk_acknowledgement_of_risk_2026']),
    signedBy: z.array(z.enum(['patient', 'prescriber', 'guardian'])).min(1),
  }),
  e('counselling', { on, prescriberId: z.string().optional() }),
  e('contraception_started', { on, method }),
  e('contraception_stopped', { on, method }),
  e('abstinence_committed', { on }),
  e('abstinence_ended', { on }),
  e('contraception_exemption', { on, reason: text('why no pregnancy risk is expected (UK3)'), agreedByPrescriber: z.boolean(), agreedByPatient: z.boolean() }),
  e('comprehension_questions', {
    at: instant('when the patient answered'),
    items: z.array(z.strictObject({ questionId: id('question'), answer: z.enum(['correct', 'incorrect', 'unanswered']) })),
  }),
  e('pregnancy_test', pregnancyTest),
  e('prescription', prescription),
  e('authorization_issued', { at: instant('when issued'), prescriptionId: id('prescription'), lastDayToCollect: date('last day to collect (US: DND date)') }),
  e('authorization_reversed', { at: instant('when reversed'), authorizationId: id('authorization'), reason: z.string().optional() }),
  e('dispense', { at: instant('when handed over'), ...dispense }),
  e('first_dose', { on }),
  e('last_dose', { on }),
  e('course_started', { on }),
  e('course_stopped', { on, reason: z.enum(['completed', 'pregnancy', 'adverse_effect', 'patient_decision', 'other']) }),
  e('requalified', { at: instant('when the clinic re-qualified the patient after a positive test'), reason: text('why') }),
  e('risk_category_changed', { on, assessment: riskAssessment }),
  e('office_visit', { on, prescriberId: z.string().optional() }),
  e('material_given', { on, material: z.enum(['medication_guide', 'reminder_card', 'patient_booklet']) }),
  e('assessment', { on, assessment: z.enum(['mental_health', 'sexual_function']), setting: z.enum(['in_person', 'remote']) }),
  e('second_prescriber_agreement', { on, prescriberId: id('second, independent prescriber (UK1, 2023 pack)') }),
]);

const at = instant('instant of the action being judged');
const action = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('enroll'), at, prescriberId: id('enrolling prescriber') }),
  z.strictObject({ kind: z.literal('record_pregnancy_test'), at, test: z.strictObject({ id: id('test id'), ...pregnancyTest }) }),
  z.strictObject({ kind: z.literal('write_prescription'), at, prescription: z.strictObject({ id: id('prescription id'), ...prescription }) }),
  z.strictObject({ kind: z.literal('issue_authorization'), at, prescriptionId: id('recorded prescription to authorize') }),
  z.strictObject({ kind: z.literal('dispense'), at, dispense: z.strictObject({ id: id('dispense id'), ...dispense }) }),
  z.strictObject({ kind: z.literal('start_course'), at, prescriberId: id('prescriber opening the course') }),
  z.strictObject({ kind: z.literal('finish_course'), at }),
]).describe('the action judged at its instant; events dated later are ignored');

const settings = z
  .strictObject({
    usModificationDate: date('date E from which us-ipledge-2026 applies; default 2026-08-08').prefault('2026-08-08'),
    enforcementDiscretionHomeTests: z.boolean().default(false).describe('2021 pack: tolerate home / non-CLIA tests (FDA, Oct 2023)'),
    homeTestOptIn: z
      .strictObject({ optedIn: z.boolean(), antiFalsificationProcedure: z.string().optional() })
      .default({ optedIn: false })
      .describe('2026 pack: prescriber opt-in to home tests during/after treatment'),
  })
  .prefault({});

const facts = {
  jurisdiction: z.enum(['US', 'EU', 'EU-FR', 'EU-IT', 'UK']).describe('programme family; the pack follows from it and the action date'),
  clinic: z.strictObject({
    id: z.string().optional(),
    timeZone: z.string().refine(isTimeZone, 'not an IANA time zone').describe('IANA zone of the clinic'),
    prescribers: z
      .array(z.strictObject({ id: id('prescriber id'), specialty: z.enum(['dermatologist', 'general_practitioner', 'other']) }))
      .default([]),
    settings,
  }),
  patient: z.strictObject({
    id: z.string().optional(),
    birthDate: date('birth date').optional(),
    risk: riskAssessment.describe('risk category at enrollment'),
  }),
  events: z.array(event).describe('dated facts, any order'),
};

export const programCaseSchema = z.strictObject({ ...facts, action });

const planRequest = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('pickup'),
      at: instant('now: facts dated later are ignored, nothing is planned earlier'),
      intendedPickup: date('day the patient wants to collect (New York day for the US)'),
      pharmacyId: z.string().min(1).optional().describe('dispensing pharmacy; when given its dispense is checked too'),
    }),
    z.strictObject({
      kind: z.literal('first_course'),
      screeningOn: date('day of the screening test that opens the calendar'),
      months: z.number().int().min(1).max(12).optional().describe('monthly prescriptions to lay out (default 5)'),
    }),
  ])
  .describe('what to plan: a pickup (checklist or earliest feasible day) or the calendar of a first course');

export const planCaseSchema = z.strictObject({ ...facts, request: planRequest });

export type ProgramCaseWire = z.input<typeof programCaseSchema>;

/** Compile-time guarantee that a parsed case is exactly what the engine reads. */
type Assert<T extends true> = T;
export type ParsedCaseIsDomainCase = Assert<z.output<typeof programCaseSchema> extends ProgramCase ? true : false>;
export type ParsedPlanIsDomainPlan = Assert<z.output<typeof planCaseSchema> extends PlanCase ? true : false>;

/** One programme event as stored in the course record and posted to the API. */
export const programEventSchema = event;
/** A patient's risk category with its basis (enrollment, category changes). */
export const riskAssessmentSchema = riskAssessment;
export type ProgramEventWire = z.input<typeof event>;
export type RiskAssessmentWire = z.input<typeof riskAssessment>;
