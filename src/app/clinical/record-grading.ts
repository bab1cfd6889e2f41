import { findBaselineFact } from '../../db/clinical-fact.repository.js';
import type { GradingRequest } from '../../contracts/clinical.js';
import { assessIgaSuccess, countLesions, gradeLeeds, gradeScars, igaLabel, IGA_RULE_ID, readIgaGrade, scoreGags } from '../../domain/grading/index.js';
import type { Actor, CourseDeps } from '../course/course-context.js';
import { gradingCode } from './clinical-codes.js';
import { noonOf, notAfterToday, STAFF_WRITERS, storeFact, withCourseForWrite, type FactScope, type StoredFact } from './clinical-context.js';

/**
 * CLIN-IGA-BASELINE (DECISION): an IGA grade is judged for treatment success (GRADE-IGA) against
 * the earliest IGA of the course assessed no later than it; the first one is the baseline itself
 * and has no success verdict.
 */
export const IGA_BASELINE_RULE_ID = 'CLIN-IGA-BASELINE';

interface Graded {
  readonly value: number | null;
  readonly text: string | null;
  readonly result: unknown;
}

async function grade(scope: FactScope, input: GradingRequest, at: Date): Promise<Graded> {
  switch (input.scale) {
    case 'iga': {
      const current = readIgaGrade(input.grade, 'grade');
      const baseline = await findBaselineFact(scope.trx, scope.facts.course.id, 'grading', gradingCode('iga').code, at);
      const success = baseline === undefined ? null : assessIgaSuccess({ baseline: Number(baseline.valueNumeric), current });
      return {
        value: current,
        text: igaLabel(current),
        result: { ruleId: IGA_RULE_ID, grade: current, label: igaLabel(current), baselineRuleId: IGA_BASELINE_RULE_ID, baselineFactId: baseline?.id ?? null, success },
      };
    }
    case 'lesion_counts': {
      const counts = countLesions({ face: input.face, chest: input.chest, back: input.back });
      return { value: counts.overall.total, text: null, result: counts };
    }
    case 'gags': {
      const gags = scoreGags(input);
      return { value: gags.score, text: gags.band, result: gags };
    }
    case 'leeds': {
      const leeds = gradeLeeds(input);
      return { value: null, text: leeds.summary, result: leeds };
    }
    case 'scars': {
      const scars = gradeScars({ grade: input.grade });
      return { value: scars.grade, text: scars.label, result: scars };
    }
    default: {
      const unreachable: never = input;
      return unreachable;
    }
  }
}

/** Records an acne or scar grading (staff), scored by the grading engine (GRADE-*). */
export async function recordGrading(deps: CourseDeps, actor: Actor, courseId: string, input: GradingRequest): Promise<StoredFact> {
  return withCourseForWrite(deps, actor, courseId, STAFF_WRITERS, input.prescriberId, async (scope) => {
    const day = input.assessedOn ?? scope.today;
    notAfterToday(day, scope, '/assessedOn');
    const at = noonOf(day);
    const graded = await grade(scope, input, at);
    const { prescriberId: _prescriberId, ...data } = input;
    return storeFact(
      scope,
      {
        kind: 'grading',
        occurredAt: at,
        effectiveOn: day,
        dedupeKey: null,
        code: gradingCode(input.scale),
        codings: [],
        valueNumeric: graded.value,
        valueText: graded.text,
        unit: null,
        referenceHigh: null,
        data: { ...data, assessedOn: day },
        result: graded.result,
      },
      [],
    );
  });
}
