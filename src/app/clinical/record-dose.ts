import { listCoursePrescriptions, type PrescriptionRecord } from '../../db/authorization.repository.js';
import { hasDedupeKey } from '../../db/clinical-fact.repository.js';
import type { DoseRequest, WeightRequest } from '../../contracts/clinical.js';
import type { Actor, CourseDeps } from '../course/course-context.js';
import { AppError } from '../errors.js';
import { BODY_WEIGHT, doseCodings } from './clinical-codes.js';
import { noonOf, notAfterToday, PATIENT_OR_STAFF_WRITERS, STAFF_WRITERS, storeFact, withCourseForWrite, type FactScope, type StoredFact } from './clinical-context.js';

/**
 * CLIN-DOSE-LOG: one entry per day and dose of the day (doseIndex 1 or 2 for the two divided
 * doses), taken or missed. The same day and dose index is never recorded twice (a unique index
 * and a 409), so a dose is never counted twice (DOSE-CUMULATIVE); a missed dose counts 0 mg and
 * the patient is told to skip it, never to double the next one [C].
 */
export const DOSE_LOG_RULE_ID = 'CLIN-DOSE-LOG';
export const MISSED_DOSE_ADVICE =
  'Skip the missed dose and take the next one at the usual time. Never take two doses to make up for a missed one.';

export interface DoseResult extends StoredFact {
  readonly advice: string | null;
}

export function doseKey(date: string, doseIndex: number): string {
  return `dose:${date}#${doseIndex}`;
}

/** The prescription in force on a day: the latest written on or before it. */
function prescriptionOn(prescriptions: readonly PrescriptionRecord[], day: string): PrescriptionRecord | undefined {
  return prescriptions.filter((p) => p.writtenOn <= day).pop();
}

async function refuseDuplicate(scope: FactScope, key: string, message: string): Promise<void> {
  if (await hasDedupeKey(scope.trx, scope.facts.course.id, key)) throw new AppError('conflict', message);
}

/** Records a dose taken or missed (patient or staff). */
export async function recordDose(deps: CourseDeps, actor: Actor, courseId: string, input: DoseRequest): Promise<DoseResult> {
  return withCourseForWrite(deps, actor, courseId, PATIENT_OR_STAFF_WRITERS, input.prescriberId, async (scope) => {
    notAfterToday(input.date, scope, '/date');
    const key = doseKey(input.date, input.doseIndex);
    await refuseDuplicate(scope, key, `Dose ${input.doseIndex} of ${input.date} is already recorded; a dose is recorded once (the second dose of a day is doseIndex 2).`);
    const prescription = prescriptionOn(await listCoursePrescriptions(scope.trx, courseId), input.date);
    const { code, codings } = doseCodings(prescription);
    const stored = await storeFact(
      scope,
      {
        kind: 'dose',
        occurredAt: noonOf(input.date),
        effectiveOn: input.date,
        dedupeKey: key,
        code,
        codings,
        valueNumeric: input.mg,
        valueText: input.taken ? 'taken' : 'missed',
        unit: 'mg',
        referenceHigh: null,
        data: { date: input.date, mg: input.mg, taken: input.taken, doseIndex: input.doseIndex },
        result: { ruleId: DOSE_LOG_RULE_ID, countedMg: input.taken ? input.mg : 0 },
      },
      [],
    );
    return { ...stored, advice: input.taken ? null : MISSED_DOSE_ADVICE };
  });
}

/** Records a body weight (staff): one per day, LOINC 29463-7 in kg. */
export async function recordWeight(deps: CourseDeps, actor: Actor, courseId: string, input: WeightRequest): Promise<StoredFact> {
  return withCourseForWrite(deps, actor, courseId, STAFF_WRITERS, input.prescriberId, async (scope) => {
    notAfterToday(input.date, scope, '/date');
    const key = `weight:${input.date}`;
    await refuseDuplicate(scope, key, `A weight is already recorded on ${input.date}; one weight per day.`);
    return storeFact(
      scope,
      {
        kind: 'weight',
        occurredAt: noonOf(input.date),
        effectiveOn: input.date,
        dedupeKey: key,
        code: BODY_WEIGHT,
        codings: [],
        valueNumeric: input.weightKg,
        valueText: null,
        unit: 'kg',
        referenceHigh: null,
        data: { date: input.date, weightKg: input.weightKg },
        result: null,
      },
      [],
    );
  });
}
