import type { SymptomReport } from '../../contracts/clinical.js';
import { triageCheckIn, type TriageResult } from '../../domain/symptoms/index.js';
import type { Actor, CourseDeps } from '../course/course-context.js';
import { SYMPTOM_CHECK_IN } from './clinical-codes.js';
import { notInFuture, PATIENT_OR_STAFF_WRITERS, storeFact, withCourseForWrite, type StoredFact } from './clinical-context.js';
import { symptomAdvice, symptomTasks } from './clinical-tasks.js';

export interface SymptomResult extends StoredFact {
  readonly triage: TriageResult;
  readonly whatToDo: readonly string[];
}

/** The symptom engine knows labels by family: EU national variants share the EU label. */
const SYMPTOM_JURISDICTION: Readonly<Record<string, string>> = { US: 'US', EU: 'EU', 'EU-FR': 'EU', 'EU-IT': 'EU', UK: 'UK' };

/** Records a symptom report (patient or staff), triaged by the symptom engine (SYM-TRIAGE). */
export async function recordSymptoms(deps: CourseDeps, actor: Actor, courseId: string, input: SymptomReport): Promise<SymptomResult> {
  return withCourseForWrite(deps, actor, courseId, PATIENT_OR_STAFF_WRITERS, input.prescriberId, async (scope) => {
    const reportedAt = notInFuture(input.reportedAt ?? scope.now.toISOString(), scope, '/reportedAt');
    // unknown symptom or answer ids are input errors naming `answers.N.symptomId` / `.answer`
    const triage = triageCheckIn({ answers: input.answers, jurisdiction: SYMPTOM_JURISDICTION[scope.facts.clinic.jurisdiction] });
    const stored = await storeFact(
      scope,
      {
        kind: 'symptoms',
        occurredAt: reportedAt,
        effectiveOn: null,
        dedupeKey: null,
        code: SYMPTOM_CHECK_IN,
        codings: [],
        valueNumeric: null,
        valueText: triage.overallAction,
        unit: null,
        referenceHigh: null,
        data: { answers: input.answers, reportedAt: reportedAt.toISOString() },
        result: triage,
      },
      symptomTasks(triage),
    );
    return { ...stored, triage, whatToDo: symptomAdvice(triage) };
  });
}
