import type { NoteRequest } from '../../contracts/clinical.js';
import type { Actor, CourseDeps } from '../course/course-context.js';
import { CLINICAL_NOTE } from './clinical-codes.js';
import { STAFF_WRITERS, storeFact, withCourseForWrite, type StoredFact } from './clinical-context.js';

/**
 * Records a clinical note (staff). CLIN-NOTE-VISIBILITY (DECISION): a note is internal to the
 * clinic unless its author marks it visible to the patient.
 */
export const NOTE_VISIBILITY_RULE_ID = 'CLIN-NOTE-VISIBILITY';

export async function recordNote(deps: CourseDeps, actor: Actor, courseId: string, input: NoteRequest): Promise<StoredFact> {
  return withCourseForWrite(deps, actor, courseId, STAFF_WRITERS, input.prescriberId, async (scope) =>
    storeFact(
      scope,
      {
        kind: 'note',
        occurredAt: scope.now,
        effectiveOn: null,
        dedupeKey: null,
        code: CLINICAL_NOTE,
        codings: [],
        valueNumeric: null,
        valueText: null,
        unit: null,
        referenceHigh: null,
        data: { text: input.text, visibleToPatient: input.visibleToPatient },
        result: null,
        visibleToPatient: input.visibleToPatient,
      },
      [],
    ),
  );
}
