import { z } from 'zod';
import { courseStatusSchema, courseSummarySchema, authorizationSchema } from './course.js';
import { decisionSchema, unmetSchema } from './program-decision.js';

/** Wire schemas of the worklists, the patient's next steps and the programme check (issue 5 item 4). */
const isoDate = z.iso.date().describe('calendar date YYYY-MM-DD');
const who = z.enum(['clinic', 'patient', 'pharmacy']);

export const clinicWorklistQuerySchema = z
  .strictObject({
    status: z
      .string()
      .max(100)
      .optional()
      .transform((s, ctx) => {
        if (s === undefined || s === '') return [];
        const parts = s.split(',').map((p) => p.trim());
        const parsed = z.array(courseStatusSchema).safeParse(parts);
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: 'a comma-separated list of qualifying, active, paused, completed, stopped' });
          return z.NEVER;
        }
        return [...new Set(parsed.data)];
      })
      .describe('only these course statuses, comma-separated (default: open courses and any course with an open red flag)'),
    filter: z.enum(['due', 'overdue', 'blocked', 'flagged']).optional().describe('only courses with something due, overdue, a blocked next authorization, or a red flag'),
    limit: z.coerce.number().int().min(1).max(100).default(25).describe('page size, 1 to 100 (default 25)'),
    cursor: z.string().min(1).max(1000).optional().describe('nextCursor of the previous page'),
  })
  // no schema id: query parameters are listed one by one in the OpenAPI document
  .describe('clinic worklist query parameters');

export const workItemSchema = z
  .object({
    code: z.string().describe('stable snake_case code'),
    ruleId: z.string().describe('WL-* worklist rule or the programme rule of the step'),
    who,
    text: z.string(),
    from: isoDate.optional().describe('first day it can be done'),
    by: isoDate.optional().describe('last day it should be done'),
  })
  .meta({ id: 'WorkItem' });

export const redFlagSchema = z
  .object({ taskId: z.string(), kind: z.string().describe('e.g. positive_pregnancy_test, phq9_item9, lab_grade_3'), text: z.string(), createdAt: z.string() })
  .meta({ id: 'RedFlag' });

export const clinicWorklistEntrySchema = z
  .object({
    courseId: z.string(),
    patientId: z.string(),
    patientName: z.string(),
    status: courseStatusSchema,
    product: z.string().nullable(),
    sequence: z.number().int(),
    flags: z.array(redFlagSchema).describe('open urgent tasks (WL-FLAG), oldest first'),
    overdue: z.array(workItemSchema).describe('past their last day'),
    due: z.array(workItemSchema).describe('to do now'),
    upcoming: z.array(workItemSchema).describe('not yet: their first day is ahead'),
    blocked: z
      .object({ packId: z.string(), basis: z.enum(['recorded_prescription', 'prospective_prescription']), unmet: z.array(unmetSchema) })
      .nullable()
      .describe('what the programme engine says blocks the next authorization, with codes and earliest dates (WL-NEXT-AUTH)'),
    problem: z.object({ code: z.string(), message: z.string() }).nullable().describe('the record could not be judged'),
  })
  .meta({ id: 'ClinicWorklistEntry' });

export const clinicWorklistSchema = z
  .object({
    asOf: z.string().describe('the instant the worklist was computed'),
    today: isoDate.nullable().describe('today in the programme zone of the clinic'),
    items: z.array(clinicWorklistEntrySchema),
    nextCursor: z.string().nullable().describe('pass as cursor for the next page; null at the end'),
    scanned: z.number().int().describe('courses judged for this page'),
  })
  .meta({ id: 'ClinicWorklist' });

export const patientTaskSchema = z
  .object({
    code: z.string(),
    ruleId: z.string(),
    text: z.string().describe('plain language for the patient'),
    from: isoDate.optional(),
    by: isoDate.optional().describe('deadline'),
    timing: z.enum(['overdue', 'due', 'upcoming']),
  })
  .meta({ id: 'PatientTask' });

export const nextStepsSchema = z
  .object({
    asOf: z.string(),
    today: isoDate.nullable(),
    course: z.object({ id: z.string(), status: courseStatusSchema, sequence: z.number().int() }).nullable().describe('the open course, or null'),
    tasks: z.array(patientTaskSchema).describe('overdue first, then due, then upcoming; earliest deadline first'),
    notes: z.array(z.object({ code: z.string(), ruleId: z.string(), text: z.string() })),
  })
  .meta({ id: 'NextSteps' });

export const ownCourseSchema = z
  .object({
    course: courseSummarySchema.nullable(),
    patient: z.object({ id: z.string(), displayName: z.string() }),
    startedOn: isoDate.nullable(),
    firstDoseOn: isoDate.nullable(),
    lastDoseOn: isoDate.nullable(),
    stoppedOn: isoDate.nullable(),
    authorizations: z.array(authorizationSchema),
    dispenses: z.number().int(),
  })
  .meta({ id: 'OwnCourse' });

const pharmacyEntrySchema = z.object({
  authorizationId: z.string(),
  number: z.string(),
  patientName: z.string(),
  lastDayToCollect: isoDate,
  lastInstant: z.string().describe('the window closes at this instant'),
  verifiedAt: z.string().nullable(),
  product: z.string(),
  strengthMg: z.number(),
  quantity: z.number(),
  dailyMg: z.number(),
});

export const pharmacyWorklistSchema = z
  .object({
    asOf: z.string(),
    waiting: z.array(pharmacyEntrySchema).describe('verified here, open, window not closed: last day to collect first'),
    toReverse: z.array(pharmacyEntrySchema).describe('verified here, open, window closed: reverse and return the stock (US13)'),
    truncated: z.boolean(),
  })
  .meta({ id: 'PharmacyWorklist' });

export const programCheckRequestSchema = z
  .strictObject({
    action: z.enum(['issue_authorization', 'finish_course', 'start_course']),
    prescriptionId: z.uuid().optional().describe('required for issue_authorization'),
  })
  .refine((r) => r.action !== 'issue_authorization' || r.prescriptionId !== undefined, { message: 'required for issue_authorization', path: ['prescriptionId'] })
  .meta({ id: 'ProgramCheckRequest' });

export const planRequestSchema = z
  .strictObject({
    intendedPickup: isoDate.describe('the day the patient wants to collect (New York day for the US)'),
    pharmacyId: z.uuid().optional().describe('the dispensing pharmacy; when given its dispense is checked too'),
  })
  .meta({ id: 'PlanPickupRequest' });

export const programCheckResponseSchema = decisionSchema;

export type ClinicWorklistQueryWire = z.output<typeof clinicWorklistQuerySchema>;
export type ProgramCheckRequest = z.output<typeof programCheckRequestSchema>;
export type PlanPickupRequest = z.output<typeof planRequestSchema>;
