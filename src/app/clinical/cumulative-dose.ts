import { listCoursePrescriptions } from '../../db/authorization.repository.js';
import { listClinicalFacts, type ClinicalFactRecord } from '../../db/clinical-fact.repository.js';
import { date } from '../../domain/calendar/index.js';
import { cumulativeDose, isProductId, type CumulativeDose, type DoseRecord, type WeightRecord } from '../../domain/dosing/index.js';
import { DomainInputError } from '../../domain/errors.js';
import type { Actor, CourseDeps } from '../course/course-context.js';
import { AppError } from '../errors.js';
import { auditRead, domainFieldError, withCourseForRead } from './clinical-context.js';

/**
 * CLIN-CUMULATIVE-BASIS: the cumulative dose of a course is computed by the dosing engine
 * (DOSE-CUMULATIVE) from the doses recorded in it, with mg/kg on the course's baseline weight,
 * or, when the course has none, on the earliest weight recorded in it (DECISION); without any
 * weight mg/kg cannot be computed and the answer is a 409 asking for one. A re-base on a later
 * weight is explicit (`rebaseOn`). The product is the course's, else the latest prescription's,
 * so an Absorica LD course shows the conventional-equivalent (DOSE-LD-EQUIVALENT).
 */
export const CUMULATIVE_BASIS_RULE_ID = 'CLIN-CUMULATIVE-BASIS';

export interface CumulativeView {
  readonly cumulative: CumulativeDose;
  readonly product: string | null;
}

function doseIndexOf(fact: ClinicalFactRecord): number {
  const data = fact.data;
  if (typeof data === 'object' && data !== null && 'doseIndex' in data && typeof data.doseIndex === 'number') return data.doseIndex;
  return 1;
}

function doseRecords(facts: readonly ClinicalFactRecord[]): DoseRecord[] {
  return facts.flatMap((f) =>
    f.effectiveOn === null || f.valueNumeric === null ? [] : [{ date: date(f.effectiveOn), mg: Number(f.valueNumeric), taken: f.valueText === 'taken', doseIndex: doseIndexOf(f) }],
  );
}

function weightRecords(facts: readonly ClinicalFactRecord[]): WeightRecord[] {
  return facts.flatMap((f) => (f.effectiveOn === null || f.valueNumeric === null ? [] : [{ date: date(f.effectiveOn), weightKg: Number(f.valueNumeric) }]));
}

/** The cumulative dose in mg and mg/kg with the weight history (patient and clinic; audited). */
export async function readCumulativeDose(deps: CourseDeps, actor: Actor, courseId: string, query: { rebaseOn?: string | undefined }): Promise<CumulativeView> {
  return withCourseForRead(deps, actor, courseId, async (scope) => {
    const { course } = scope.facts;
    const doses = doseRecords(await listClinicalFacts(scope.trx, courseId, 'dose'));
    const weights = weightRecords(await listClinicalFacts(scope.trx, courseId, 'weight'));
    // weights come in day order (a weight's instant is noon of its day)
    const earliest = weights[0];
    const baseline = course.baselineWeightKg === null ? earliest?.weightKg : Number(course.baselineWeightKg);
    if (baseline === undefined) throw new AppError('conflict', 'No weight is recorded for this course: record one (LOINC 29463-7) to compute mg/kg.');
    const latestRx = (await listCoursePrescriptions(scope.trx, courseId)).pop();
    const product = [course.product, latestRx?.product].find((p): p is string => p !== null && p !== undefined && isProductId(p)) ?? null;
    let cumulative: CumulativeDose;
    try {
      cumulative = cumulativeDose({
        weightKg: baseline,
        doses,
        weightHistory: weights,
        ...(query.rebaseOn === undefined ? {} : { rebaseOnWeightDate: date(query.rebaseOn) }),
        ...(product === null ? {} : { product }),
        ...(course.targetMgPerKg === null ? {} : { targetMgPerKg: course.targetMgPerKg }),
      });
    } catch (error) {
      if (error instanceof DomainInputError) throw domainFieldError(error, { rebaseOnWeightDate: '/rebaseOn' });
      throw error;
    }
    await auditRead(scope, 'read_cumulative_dose', 'course', courseId);
    return { cumulative, product };
  });
}
