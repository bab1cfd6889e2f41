import { findBaselineFact } from '../../db/clinical-fact.repository.js';
import type { Phq9Request } from '../../contracts/clinical.js';
import { DomainInputError } from '../../domain/errors.js';
import { assessPhq9, PHQ9_ITEMS, type Phq9Assessment, type Phq9RawAnswer } from '../../domain/mood/index.js';
import type { Actor, CourseDeps } from '../course/course-context.js';
import { PHQ9_PANEL, PHQ9_TOTAL, SCORE_UNIT, SYSTEM } from './clinical-codes.js';
import { domainFieldError, notInFuture, PATIENT_OR_STAFF_WRITERS, storeFact, withCourseForWrite, type StoredFact } from './clinical-context.js';
import { phq9Tasks } from './clinical-tasks.js';

/**
 * CLIN-PHQ9-BASELINE (DECISION): the baseline a PHQ-9 is compared with (MOOD-RISE) is the
 * earliest complete PHQ-9 of the course answered no later than it; the first complete one is
 * its own baseline and has no rise. An incomplete one is stored as incomplete (no total) and is
 * never a baseline.
 */
export const PHQ9_BASELINE_RULE_ID = 'CLIN-PHQ9-BASELINE';

export interface Phq9Result extends StoredFact {
  readonly assessment: Phq9Assessment;
}

/** Answers in form order, from either form of the request (a missing LOINC key is unanswered). */
export function answersInOrder(answers: Phq9Request['answers']): { ordered: Phq9RawAnswer[]; pointers: Record<string, string> } {
  if (Array.isArray(answers)) return { ordered: answers, pointers: {} };
  const byLoinc: Partial<Record<string, Phq9RawAnswer>> = answers;
  return {
    ordered: PHQ9_ITEMS.map((item) => byLoinc[item.loinc] ?? null),
    pointers: Object.fromEntries(PHQ9_ITEMS.map((item, i) => [`answers.${i}`, `/answers/${item.loinc}`])),
  };
}

/** Records a PHQ-9 response (patient or staff), scored by the mood engine; red flags become tasks. */
export async function recordPhq9(deps: CourseDeps, actor: Actor, courseId: string, input: Phq9Request): Promise<Phq9Result> {
  return withCourseForWrite(deps, actor, courseId, PATIENT_OR_STAFF_WRITERS, input.prescriberId, async (scope) => {
    const completedAt = notInFuture(input.completedAt ?? scope.now.toISOString(), scope, '/completedAt');
    const { ordered, pointers } = answersInOrder(input.answers);
    const baseline = await findBaselineFact(scope.trx, courseId, 'phq9', PHQ9_PANEL.code, completedAt);
    let assessment: Phq9Assessment;
    try {
      assessment = assessPhq9({ answers: ordered, item10: input.item10 ?? null, baselineTotal: baseline === undefined ? null : Number(baseline.valueNumeric) });
    } catch (error) {
      if (error instanceof DomainInputError) throw domainFieldError(error, pointers);
      throw error;
    }
    const stored = await storeFact(
      scope,
      {
        kind: 'phq9',
        occurredAt: completedAt,
        effectiveOn: null,
        dedupeKey: null,
        code: PHQ9_PANEL,
        codings: [PHQ9_TOTAL, ...assessment.items.map((i) => ({ system: SYSTEM.loinc, code: i.loinc, display: i.text }))],
        valueNumeric: assessment.total,
        valueText: assessment.incomplete ? 'incomplete' : 'complete',
        unit: SCORE_UNIT,
        referenceHigh: null,
        data: { answers: input.answers, item10: input.item10 ?? null, completedAt: completedAt.toISOString() },
        result: { ...assessment, baselineRuleId: PHQ9_BASELINE_RULE_ID, baselineFactId: baseline?.id ?? null },
      },
      phq9Tasks(assessment),
    );
    return { ...stored, assessment };
  });
}
