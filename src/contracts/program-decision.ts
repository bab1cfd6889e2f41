import { z } from 'zod';
import type { Decision, PlanAnswer } from '../domain/program/index.js';

/** Wire schema of a programme decision (output of `isocourse rules check`, later the HTTP API). */
const isoDate = z.string().describe('YYYY-MM-DD in the pack zone');
const ruleId = z.string().describe('rule id: US1..US14, EU1..EU6, UK1..UK3, DECISION-<n>') as z.ZodType<Decision['unmet'][number]['ruleId']>;
const actor = z.enum(['clinic', 'patient', 'pharmacy']);

export const unmetSchema = z.object({
  code: z.string().describe('stable snake_case code'),
  ruleId,
  staffMessage: z.string(),
  patientMessage: z.string(),
  earliestDate: isoDate.optional().describe('earliest day the requirement can be met (DECISION 9)'),
});

export const nextStepSchema = z.object({
  who: actor,
  code: z.string(),
  ruleId,
  text: z.string(),
  from: isoDate.optional(),
  by: isoDate.optional(),
});

export const decisionSchema = z.object({
  outcome: z.enum(['allowed', 'blocked']),
  pack: z.object({
    id: z.enum(['us-ipledge-2021', 'us-ipledge-2026', 'eu-ppp-2018', 'uk-mhra-2023', 'uk-mhra-2026']),
    version: z.string(),
    jurisdiction: z.enum(['US', 'EU', 'EU-FR', 'EU-IT', 'UK']),
    zone: z.string(),
  }),
  action: z.object({
    kind: z.enum(['enroll', 'record_pregnancy_test', 'write_prescription', 'issue_authorization', 'dispense', 'start_course', 'finish_course']),
    at: z.string(),
  }),
  actionDate: isoDate.describe('the date that chose the pack'),
  unmet: z.array(unmetSchema).describe('every unmet requirement; empty exactly when allowed'),
  window: z
    .object({ firstInstant: z.string(), lastInstant: z.string(), lastDayToCollect: isoDate.describe('US: the DND date') })
    .optional()
    .describe('validity of an allowed authorization'),
  warnings: z.array(z.object({ code: z.string(), ruleId, staffMessage: z.string(), patientMessage: z.string() })),
  nextSteps: z.array(nextStepSchema),
  courseEnd: z
    .object({
      lastDoseOn: isoDate.optional(),
      endOfTreatmentTest: z.object({ from: isoDate, by: isoDate, done: z.boolean() }).optional(),
      postTreatmentTest: z.object({ from: isoDate, done: z.boolean() }).optional(),
      contraceptionUntil: isoDate.optional(),
      noBloodDonationUntil: isoDate.optional(),
    })
    .optional(),
}) satisfies z.ZodType<Decision>;

const packSchema = decisionSchema.shape.pack;
const planStepSchema = z.object({
  who: actor,
  code: z.string(),
  ruleId,
  text: z.string(),
  earliest: isoDate.optional().describe('not before this day'),
  latest: isoDate.optional().describe('at the latest on this day'),
  on: isoDate.optional().describe('the day the plan proposes'),
  fact: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('pregnancy_test'), on: isoDate, purpose: z.enum(['screening', 'confirmation', 'monthly', 'end_of_treatment', 'post_treatment']), setting: z.enum(['clia_lab', 'medical_setting', 'home']) }),
      z.object({ kind: z.literal('contraception_started'), on: isoDate }),
      z.object({ kind: z.literal('comprehension_questions'), on: isoDate }),
      z.object({ kind: z.literal('counselling'), on: isoDate }),
      z.object({ kind: z.literal('office_visit'), on: isoDate }),
      z.object({ kind: z.literal('prescription'), on: isoDate }),
      z.object({ kind: z.literal('authorization'), on: isoDate }),
      z.object({ kind: z.literal('pickup'), on: isoDate }),
    ])
    .optional()
    .describe('the fact this step creates'),
});

export const planAnswerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pickup_plan'),
    pack: packSchema,
    intendedPickup: isoDate,
    feasible: z.boolean().describe('the intended day works if the steps are followed'),
    plannedPickup: isoDate.optional().describe('the intended day or the earliest feasible one'),
    obstacles: z.array(unmetSchema).describe('requirements no plan can meet by itself'),
    steps: z.array(planStepSchema),
  }),
  z.object({ kind: z.literal('course_calendar'), pack: packSchema, entries: z.array(planStepSchema) }),
]) satisfies z.ZodType<PlanAnswer>;
