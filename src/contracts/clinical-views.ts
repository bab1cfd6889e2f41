import { z } from 'zod';
import { courseStatusSchema } from './course.js';
import { decisionSchema } from './program-decision.js';

/** Response bodies of the clinical facts of a course (docs/adr/0010-clinical-facts.md). */
export const codingSchema = z
  .object({ system: z.string().describe('code system URI (http://loinc.org, http://snomed.info/sct, ...)'), code: z.string(), display: z.string() })
  .meta({ id: 'Coding' });

export const clinicalFactSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['dose', 'weight', 'lab', 'phq9', 'symptoms', 'grading', 'note']),
    occurredAt: z.string().describe('when it happened (specimen collected, questionnaire answered, ...)'),
    effectiveOn: z.string().nullable().describe('calendar day of a date-only fact'),
    code: codingSchema.describe('the primary code: LOINC, SNOMED CT or a local isocourse system'),
    codings: z.array(codingSchema).describe('further codings (RxNorm SCD of a dose, LOINC of PHQ-9 items, ...)'),
    value: z.number().nullable().describe('the numeric value in `unit`'),
    valueText: z.string().nullable().describe('a qualitative value: taken | missed, positive | negative, complete | incomplete, a band, ...'),
    unit: z.string().nullable().describe('UCUM unit of the value'),
    referenceRangeHigh: z.number().nullable().describe("the lab's upper limit of normal"),
    data: z.unknown().describe('the fact as recorded (validated request)'),
    result: z.unknown().describe("the clinical engine's result (grade, score, triage), with rule ids"),
    alert: z.enum(['urgent', 'soon', 'routine']).nullable().describe('the most urgent task this fact created'),
    visibleToPatient: z.boolean(),
    programEventId: z.string().nullable().describe('the programme event recorded with it (a lab-reported pregnancy test)'),
    recordedAt: z.string(),
    recordedBy: z.string(),
    recordedByRole: z.string().describe('patient for patient-reported facts'),
    onBehalfOf: z.string().nullable(),
  })
  .meta({ id: 'ClinicalFact' });

export const createdTaskSchema = z
  .object({ kind: z.string(), urgency: z.enum(['urgent', 'soon', 'routine']), ruleIds: z.array(z.string()).describe('the rule that created the task, then the rules that flagged it') })
  .meta({ id: 'CreatedTask' });

const recorded = { fact: clinicalFactSchema, tasks: z.array(createdTaskSchema).describe('clinician tasks this fact created (red flags)') };

export const recordedFactResponseSchema = z.object(recorded).meta({ id: 'RecordedClinicalFact' });

export const doseResponseSchema = z
  .object({ ...recorded, advice: z.string().nullable().describe('what the patient does about a missed dose') })
  .meta({ id: 'RecordedDose' });

export const labResponseSchema = z
  .object({
    ...recorded,
    programme: z
      .object({ eventId: z.string(), decision: decisionSchema.optional(), courseStatus: courseStatusSchema, reversedAuthorizations: z.array(z.string()) })
      .nullable()
      .describe('for a pregnancy test: the programme event, its decision, and the positive-test pathway (US14)'),
  })
  .meta({ id: 'RecordedLab' });

export const phq9ResponseSchema = z
  .object({ ...recorded, patientMessages: z.array(z.string()).describe('plain-language messages for the patient') })
  .meta({ id: 'RecordedPhq9' });

export const symptomResponseSchema = z
  .object({
    ...recorded,
    overallAction: z.enum(['none', 'record', 'contactPrescriber', 'stopAndUrgent']),
    whatToDo: z.array(z.string()).describe('what the patient does now, most urgent first'),
  })
  .meta({ id: 'RecordedSymptomReport' });

export const factListSchema = z.object({ facts: z.array(clinicalFactSchema) }).meta({ id: 'ClinicalFactList' });

export const cumulativeDoseSchema = z
  .object({
    ruleId: z.string(),
    basisRuleId: z.string().describe('CLIN-CUMULATIVE-BASIS: which weight mg/kg is on'),
    code: codingSchema,
    totalMg: z.number().describe('mg actually taken (missed doses never count)'),
    mgPerKg: z.number(),
    unit: z.literal('mg/kg'),
    basis: z.object({ kind: z.enum(['baseline', 'rebased']), weightKg: z.number(), date: z.string().optional() }),
    baselineWeightKg: z.number(),
    baselineMgPerKg: z.number(),
    dosesCounted: z.number(),
    daysWithDose: z.number(),
    missedEntries: z.number(),
    firstDoseDate: z.string().nullable(),
    lastDoseDate: z.string().nullable(),
    weightHistory: z.array(z.object({ date: z.string(), weightKg: z.number() })),
    target: z.object({ targetMgPerKg: z.number(), targetMg: z.number(), remainingMg: z.number(), reached: z.boolean() }).nullable(),
    conventionalEquivalent: z
      .object({ ruleId: z.string(), label: z.string(), totalMg: z.number(), mgPerKg: z.number() })
      .nullable()
      .describe('Absorica LD only: conventional-equivalent mg, an assumption [U]'),
    product: z.string().nullable(),
  })
  .meta({ id: 'CumulativeDose' });

export const photoSchema = z
  .object({
    id: z.string(),
    contentType: z.enum(['image/jpeg', 'image/png']),
    byteSize: z.number(),
    sha256: z.string(),
    takenOn: z.string().nullable(),
    bodySite: z.string().nullable(),
    caption: z.string().nullable(),
    recordedAt: z.string(),
    recordedByRole: z.string(),
  })
  .meta({ id: 'ProgressPhoto' });

export const photoListSchema = z.object({ photos: z.array(photoSchema) }).meta({ id: 'ProgressPhotoList' });
