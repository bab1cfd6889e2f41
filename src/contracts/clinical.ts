import { z } from 'zod';
import { PHQ9_ANSWER_CODES, PHQ9_DIFFICULTY_INPUTS, PHQ9_ITEMS } from '../domain/mood/index.js';

/**
 * Request bodies of the clinical facts of a course (docs/adr/0010-clinical-facts.md). Objects are
 * strict: a misspelt field is a 400 naming it. Codes the engines judge (LOINC, UCUM, symptom ids)
 * are checked by the engines, which name the field too.
 */
const isoDate = (description: string) => z.iso.date().describe(`${description} (YYYY-MM-DD)`);
const instant = (description: string) => z.iso.datetime({ offset: true }).describe(`${description} (ISO 8601 with offset)`);
const prescriberId = z.uuid().optional().describe('the prescriber a designee records for (optional, except for a pregnancy test)');

export const doseRequestSchema = z
  .strictObject({
    date: isoDate('day the dose was due'),
    mg: z.number().int().min(1).max(400).describe('whole mg of this administration; for a missed dose, the mg that was due'),
    taken: z.boolean().describe('true when taken, false when missed (a missed dose is skipped, never doubled)'),
    doseIndex: z.number().int().min(1).max(2).default(1).describe('1 or 2: which of the two divided doses of the day (CLIN-DOSE-LOG)'),
    prescriberId,
  })
  .meta({ id: 'DoseRequest' });

/** Weights with at most 2 decimals, so the stored numeric is exactly what was typed. */
const twoDecimals = (v: number): boolean => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

export const weightRequestSchema = z
  .strictObject({
    date: isoDate('day the weight was measured'),
    weightKg: z.number().positive().max(700).refine(twoDecimals, 'at most 2 decimals').describe('body weight in kg (LOINC 29463-7, UCUM kg)'),
    prescriberId,
  })
  .meta({ id: 'WeightRequest' });

export const cumulativeQuerySchema = z
  .strictObject({ rebaseOn: isoDate('re-base mg/kg on the weight recorded on this day (explicit only)').optional() })
  .meta({ id: 'CumulativeDoseQuery' });

const qualitative = z.enum(['positive', 'negative', 'indeterminate']);

export const labRequestSchema = z
  .strictObject({
    loinc: z.string().regex(/^\d{1,7}-\d$/, 'a LOINC code such as 2571-8').describe('LOINC code of the result (LAB-CODES)'),
    value: z.union([z.number().nonnegative(), qualitative]).describe('a number in `unit`, or positive | negative | indeterminate for a presence test'),
    unit: z.string().min(1).max(30).optional().describe('UCUM unit the code is reported in (absent for presence tests)'),
    referenceRangeHigh: z.number().positive().optional().describe("the lab's upper limit of normal (ULN) on this result, same unit"),
    baselineValue: z.number().nonnegative().optional().describe('ALT/AST before treatment, same unit (baseline-abnormal grading)'),
    interpretation: qualitative.optional().describe("the lab's interpretation of a quantitative hCG"),
    collectedAt: instant('specimen collection instant'),
    pregnancyTest: z
      .strictObject({
        purpose: z.enum(['screening', 'confirmation', 'monthly', 'end_of_treatment', 'post_treatment']),
        setting: z.enum(['clia_lab', 'medical_setting']).describe('where it was done (home tests are recorded as programme events with their evidence)'),
        sensitivityMiuPerMl: z.number().positive().optional().describe('lowest hCG level detected, mIU/mL'),
      })
      .optional()
      .describe('required for a pregnancy-test LOINC: the result is also recorded as a programme pregnancy test'),
    prescriberId,
  })
  .meta({ id: 'LabRequest' });

const phq9Answer = z
  .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.enum(PHQ9_ANSWER_CODES), z.null()])
  .describe('0-3, a LOINC answer code (LA6568-5 ... LA6571-9) or null when unanswered');
const itemLoincs = PHQ9_ITEMS.map((i) => i.loinc) as [string, ...string[]];

export const phq9RequestSchema = z
  .strictObject({
    answers: z
      .union([z.array(phq9Answer).length(9), z.partialRecord(z.enum(itemLoincs), phq9Answer)])
      .describe('items 1-9 in form order (9 answers), or an object keyed by item LOINC (a missing key is unanswered)'),
    item10: z.enum(PHQ9_DIFFICULTY_INPUTS).nullable().optional().describe('item 10 (69722-7), recorded, never scored'),
    completedAt: instant('when the patient answered; default now').optional(),
    prescriberId,
  })
  .meta({ id: 'Phq9Request' });

export const symptomReportSchema = z
  .strictObject({
    answers: z
      .array(z.strictObject({ symptomId: z.string().min(1).max(60), answer: z.string().min(1).max(60) }))
      .min(1)
      .max(60)
      .describe('answers to the check-in questions (symptom ids and option ids of the catalogue)'),
    reportedAt: instant('when the patient reported it; default now').optional(),
    prescriberId,
  })
  .meta({ id: 'SymptomReport' });

const lesionRegion = z.strictObject({
  openComedones: z.number().int().nonnegative(),
  closedComedones: z.number().int().nonnegative(),
  papules: z.number().int().nonnegative(),
  pustules: z.number().int().nonnegative(),
  nodules: z.number().int().nonnegative().describe('nodules of 5 mm or more'),
});
const gagsGrade = z.number().int().min(0).max(4).describe('most severe lesion: 0 none, 1 comedones, 2 papules, 3 pustules, 4 nodules');
const assessedOn = isoDate('day of the assessment; default today in the clinic zone').optional();

export const gradingRequestSchema = z
  .discriminatedUnion('scale', [
    z.strictObject({ scale: z.literal('iga'), grade: z.number().int().min(0).max(4).describe('IGA 0 clear ... 4 severe'), assessedOn, prescriberId }),
    z.strictObject({
      scale: z.literal('lesion_counts'),
      face: lesionRegion.optional(),
      chest: lesionRegion.optional(),
      back: lesionRegion.optional(),
      assessedOn,
      prescriberId,
    }),
    z.strictObject({
      scale: z.literal('gags'),
      forehead: gagsGrade,
      rightCheek: gagsGrade,
      leftCheek: gagsGrade,
      nose: gagsGrade,
      chin: gagsGrade,
      chestAndUpperBack: gagsGrade,
      assessedOn,
      prescriberId,
    }),
    z.strictObject({
      scale: z.literal('leeds'),
      faceInflammatory: z.number().int().min(1).max(12).optional(),
      faceComedonal: z.enum(['A', 'B', 'C']).optional(),
      chest: z.number().int().min(1).max(8).optional(),
      back: z.number().int().min(1).max(8).optional(),
      assessedOn,
      prescriberId,
    }),
    z.strictObject({ scale: z.literal('scars'), grade: z.number().int().min(1).max(4).describe('Goodman & Baron qualitative grade 1-4'), assessedOn, prescriberId }),
  ])
  .meta({ id: 'GradingRequest' });

export const noteRequestSchema = z
  .strictObject({
    text: z.string().trim().min(1).max(10_000),
    visibleToPatient: z.boolean().default(false).describe('whether the patient sees this note in their record'),
    prescriberId,
  })
  .meta({ id: 'NoteRequest' });

export const photoBodySites = ['face', 'chest', 'back', 'other'] as const;

export const photoUploadSchema = z
  .strictObject({
    dataBase64: z.base64().min(8).describe('the JPEG or PNG image, base64 (the 1 MiB JSON body limit applies; larger photos go to /photos/raw)'),
    contentType: z.enum(['image/jpeg', 'image/png']).optional().describe('checked against the image bytes'),
    takenOn: isoDate('day the photo was taken').optional(),
    bodySite: z.enum(photoBodySites).optional(),
    caption: z.string().trim().min(1).max(500).optional(),
  })
  .meta({ id: 'PhotoUpload' });

export const rawPhotoQuerySchema = z
  .strictObject({ takenOn: isoDate('day the photo was taken').optional(), bodySite: z.enum(photoBodySites).optional() })
  .meta({ id: 'RawPhotoQuery' });

export type DoseRequest = z.output<typeof doseRequestSchema>;
export type WeightRequest = z.output<typeof weightRequestSchema>;
export type LabRequest = z.output<typeof labRequestSchema>;
export type Phq9Request = z.output<typeof phq9RequestSchema>;
export type SymptomReport = z.output<typeof symptomReportSchema>;
export type GradingRequest = z.output<typeof gradingRequestSchema>;
export type NoteRequest = z.output<typeof noteRequestSchema>;
export type PhotoUpload = z.output<typeof photoUploadSchema>;
export type RawPhotoQuery = z.output<typeof rawPhotoQuerySchema>;
