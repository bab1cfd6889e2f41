import { z } from 'zod';
import { decisionSchema } from './program-decision.js';
import { riskAssessmentSchema } from './program-case.js';

const isoDate = z.iso.date().describe('calendar date YYYY-MM-DD');

export const baselineSchema = z
  .strictObject({
    acneHistory: z.string().max(4000).optional(),
    previousTreatments: z.array(z.string().max(200)).max(50).default([]),
    medicalHistory: z.string().max(4000).optional(),
    mentalHealthHistory: z.string().max(4000).optional(),
    conditions: z.array(z.string().max(200)).max(50).default([]),
    allergies: z.array(z.string().max(200)).max(50).default([]),
    medications: z.array(z.string().max(200)).max(100).default([]).describe('current medicines and supplements'),
  })
  .meta({ id: 'Baseline' });

export const enrollRequestSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(200).describe('name shown to the clinic'),
    birthDate: isoDate,
    risk: riskAssessmentSchema,
    prescriberId: z.uuid().optional().describe('the prescriber a designee enrolls for'),
    product: z.string().min(1).max(50).optional().describe('product id from the catalogue, e.g. us-generic'),
    targetMgPerKg: z.number().int().min(1).max(1000).default(120),
    baselineWeightKg: z.number().positive().max(700).optional(),
    baseline: baselineSchema.prefault({}),
  })
  .meta({ id: 'EnrollRequest' });

export const courseStatusSchema = z.enum(['qualifying', 'active', 'paused', 'completed', 'stopped']);

export const interactionFindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['absolute', 'caution']),
  reason: z.string(),
});

export const courseSummarySchema = z
  .object({
    id: z.string(),
    patientId: z.string(),
    sequence: z.number().int(),
    status: courseStatusSchema,
    prescriberId: z.string().nullable(),
    product: z.string().nullable(),
    targetMgPerKg: z.number().nullable(),
    baselineWeightKg: z.string().nullable(),
    stopReason: z.string().nullable(),
  })
  .meta({ id: 'CourseSummary' });

export const enrollResponseSchema = z
  .object({
    patientId: z.string(),
    course: courseSummarySchema,
    interactions: z.array(interactionFindingSchema),
    decision: decisionSchema.describe('the programme decision on enrollment (what is still missing to qualify)'),
  })
  .meta({ id: 'EnrollResponse' });

export const recordEventRequestSchema = z
  .strictObject({
    event: z.record(z.string(), z.unknown()).describe('a programme event without its id (the server assigns it): { kind, ... } as in the programme case'),
    prescriberId: z.uuid().optional().describe('the prescriber a designee records for'),
  })
  .meta({ id: 'RecordEventRequest' });

export const recordEventResponseSchema = z
  .object({
    eventId: z.string(),
    kind: z.string(),
    decision: decisionSchema.optional().describe('for a pregnancy test: whether it is valid for its purpose'),
    courseStatus: courseStatusSchema,
    reversedAuthorizations: z.array(z.string()).describe('authorizations reversed because of a positive test'),
  })
  .meta({ id: 'RecordEventResponse' });

export const prescriptionRequestSchema = z
  .strictObject({
    writtenOn: isoDate,
    product: z.string().min(1).max(50),
    strengthMg: z.number().int().positive().max(100),
    quantity: z.number().int().positive().max(1000),
    dailyMg: z.number().int().positive().max(400),
    refills: z.number().int().nonnegative().max(12),
    prescriberId: z.uuid().optional().describe('the prescriber a designee writes for'),
    acknowledgeInteractions: z.boolean().optional().describe('the prescriber reviewed the baseline contraindications and prescribes anyway'),
  })
  .meta({ id: 'PrescriptionRequest' });

export const doseWarningSchema = z.object({ code: z.string(), ruleId: z.string(), message: z.string() });

export const prescriptionResponseSchema = z
  .object({
    prescriptionId: z.string(),
    decision: decisionSchema,
    doseWarnings: z.array(doseWarningSchema).describe('dose against the usual range and maximum, food instruction'),
    interactions: z.array(interactionFindingSchema).describe('baseline interactions and contraindications'),
  })
  .meta({ id: 'PrescriptionResponse' });

export const authorizationSchema = z
  .object({
    id: z.string(),
    number: z.string().describe('the number the pharmacy verifies'),
    prescriptionId: z.string(),
    status: z.enum(['open', 'dispensed', 'reversed']),
    firstInstant: z.string(),
    lastInstant: z.string(),
    lastDayToCollect: z.string().describe('US: the DND date'),
    packId: z.string(),
  })
  .meta({ id: 'Authorization' });

export const issueAuthorizationResponseSchema = z
  .object({ authorization: authorizationSchema, decision: decisionSchema })
  .meta({ id: 'IssueAuthorizationResponse' });

export const blockedProblemSchema = z.object({ code: z.literal('rule_blocked'), decision: decisionSchema });

export const dispenseRequestSchema = z
  .strictObject({
    quantity: z.number().int().positive().max(1000),
    medicationGuideGiven: z.boolean().describe('the Medication Guide was given with this dispense (US13)'),
    rmaNumber: z.string().trim().min(1).max(50).optional().describe('iPLEDGE RMA number (US)'),
    dndDate: isoDate.optional().describe('iPLEDGE Do Not Dispense To Patient After date (US)'),
    pharmacistChecklistCompleted: z.boolean().optional().describe('EU/UK pharmacist checklist (EU5)'),
  })
  .meta({ id: 'DispenseRequest' });

export const dispenseResponseSchema = z
  .object({ dispenseId: z.string(), authorization: authorizationSchema, decision: decisionSchema })
  .meta({ id: 'DispenseResponse' });

export const reverseRequestSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) }).meta({ id: 'ReverseRequest' });

export const verifyRequestSchema = z
  .strictObject({ number: z.string().trim().min(1).max(50), birthDate: isoDate })
  .meta({ id: 'VerifyAuthorizationRequest' });

export const verifyResponseSchema = z
  .object({
    authorization: authorizationSchema,
    patientName: z.string().describe('the patient the pharmacist hands the medicine to (the number and date of birth matched)'),
    product: z.string(),
    strengthMg: z.number(),
    quantity: z.number(),
    dailyMg: z.number(),
    mayDispenseNow: z.boolean(),
    decision: decisionSchema,
  })
  .meta({ id: 'VerifyAuthorizationResponse' });

export const courseStatusChangeSchema = z
  .strictObject({
    status: z.enum(['paused', 'active', 'completed', 'stopped']).describe('paused, active (resume), completed or stopped'),
    reason: z.string().trim().min(1).max(500).optional().describe('required to stop'),
    on: isoDate.describe('day it takes effect'),
  })
  .meta({ id: 'CourseStatusChange' });

export const courseDetailSchema = z
  .object({
    course: courseSummarySchema,
    patient: z.object({
      id: z.string(),
      displayName: z.string(),
      birthDate: z.string().nullable(),
      riskCategory: riskAssessmentSchema.shape.category.nullable().describe('the current risk category (null when the record holds none)'),
    }),
    events: z.array(z.object({ id: z.string(), kind: z.string(), occurredAt: z.string(), payload: z.unknown() })),
    prescriptions: z.array(prescriptionRequestSchema.omit({ prescriberId: true, acknowledgeInteractions: true }).extend({ id: z.string(), prescriberId: z.string() })),
    authorizations: z.array(authorizationSchema),
    decisions: z.array(z.object({ id: z.string(), action: z.string(), decidedAt: z.string(), outcome: z.string(), decision: z.unknown() })),
  })
  .meta({ id: 'CourseDetail' });

export type EnrollRequest = z.output<typeof enrollRequestSchema>;
export type PrescriptionRequest = z.output<typeof prescriptionRequestSchema>;
export type DispenseRequest = z.output<typeof dispenseRequestSchema>;
export type CourseStatusChange = z.output<typeof courseStatusChangeSchema>;
export type AuthorizationDto = z.infer<typeof authorizationSchema>;
