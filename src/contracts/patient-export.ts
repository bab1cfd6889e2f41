import { z } from 'zod';
import { clinicalFactSchema, photoSchema } from './clinical-views.js';
import { authorizationSchema, courseSummarySchema } from './course.js';

/**
 * GET /api/me/export: all of the signed-in patient's own data, as one JSON document they can
 * keep (their right of access). Internal clinic notes and other people's data are never in it.
 */
const isoDate = z.iso.date();

export const patientExportSchema = z
  .object({
    format: z.literal('isocourse-patient-export/1').describe('the version of this document'),
    exportedAt: z.string().describe('when the export was made'),
    patient: z.object({ id: z.string(), displayName: z.string(), birthDate: isoDate.nullable(), risk: z.unknown().describe('the pregnancy-risk category as recorded') }),
    courses: z.array(courseSummarySchema),
    events: z.array(z.object({ id: z.string(), courseId: z.string(), kind: z.string(), occurredAt: z.string(), recordedAt: z.string(), payload: z.unknown() })).describe('programme events, oldest first'),
    prescriptions: z.array(
      z.object({ id: z.string(), courseId: z.string(), writtenOn: isoDate, product: z.string(), strengthMg: z.number(), quantity: z.number(), dailyMg: z.number(), refills: z.number() }),
    ),
    authorizations: z.array(authorizationSchema),
    dispenses: z.array(
      z.object({ id: z.string(), authorizationId: z.string(), prescriptionId: z.string(), quantity: z.number(), medicationGuideGiven: z.boolean(), dndDate: isoDate.nullable(), dispensedAt: z.string() }),
    ),
    facts: z.array(clinicalFactSchema.extend({ courseId: z.string() })).describe('doses, weights, labs, PHQ-9, symptom reports, gradings and the notes visible to the patient'),
    photos: z.array(photoSchema.extend({ courseId: z.string() })).describe('photo metadata; each image is read through its own route'),
  })
  .meta({ id: 'PatientExport' });

/** POST /api/courses/:courseId/comprehension-questions: the patient's own answers (PROG-QUESTIONS-PATIENT). */
export const comprehensionAnswersSchema = z
  .strictObject({
    answers: z
      .array(z.strictObject({ questionId: z.string().min(1).max(60), choice: z.string().min(1).max(60).nullable().describe('the option chosen, or null when not answered') }))
      .max(20)
      .describe('one answer per question of the bank (src/domain/comprehension); a question left out counts as unanswered'),
  })
  .meta({ id: 'ComprehensionAnswers' });

export const comprehensionResultSchema = z
  .object({
    eventId: z.string().describe('the comprehension_questions programme event recorded'),
    ruleId: z.string(),
    allCorrect: z.boolean(),
    items: z.array(z.object({ questionId: z.string(), answer: z.enum(['correct', 'incorrect', 'unanswered']) })),
  })
  .meta({ id: 'ComprehensionResult' });

export type ComprehensionAnswersRequest = z.output<typeof comprehensionAnswersSchema>;
