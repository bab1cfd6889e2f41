import { appendAudit } from '../../db/audit.repository.js';
import { loadClinicFacts } from '../../db/clinic-settings.repository.js';
import { insertCourse, insertEvent, insertPatient, type CourseRecord } from '../../db/course.repository.js';
import { screenInteractions, type InteractionFinding } from '../../domain/interactions/index.js';
import type { Decision } from '../../domain/program/index.js';
import type { EnrollRequest } from '../../contracts/course.js';
import { actingPrescriber, CLINICAL_ROLES, requireRole } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { auditOf, dayIn, wireInstant, type Actor, type CourseDeps } from './course-context.js';
import { caseWire, decide, storeDecision } from './program-case.js';

export interface EnrollResult {
  readonly patientId: string;
  readonly course: CourseRecord;
  readonly interactions: readonly InteractionFinding[];
  readonly decision: Decision;
}

const INTERACTION_JURISDICTION: Record<string, string> = { US: 'US', EU: 'EU', 'EU-FR': 'EU', 'EU-IT': 'EU', UK: 'UK' };

/**
 * Enrolls a patient: the patient record, their first course (qualifying), the enrollment and
 * course-start events, the baseline screened for interactions and contraindications, and the
 * programme's decision on enrollment (what is still missing), all in one transaction, audited.
 */
export async function enrollPatient(deps: CourseDeps, actor: Actor, input: EnrollRequest): Promise<EnrollResult> {
  requireRole(actor.principal, CLINICAL_ROLES);
  const clinicId = actor.principal.clinicId;
  if (clinicId === null) throw new AppError('forbidden', 'Only clinic staff can enroll patients.');
  const prescriberId = actingPrescriber(actor.principal, input.prescriberId);
  const now = deps.clock.now();
  // the validated request holds Temporal dates; the record keeps the wire form (JSON)
  const risk: unknown = JSON.parse(JSON.stringify(input.risk));
  return deps.db.transaction().execute(async (trx) => {
    const clinic = await loadClinicFacts(trx, clinicId);
    if (clinic === undefined) throw new AppError('not_found', 'No such clinic.');
    const screening = screenInteractions({
      medications: input.baseline.medications,
      allergies: input.baseline.allergies,
      conditions: input.baseline.conditions,
      jurisdiction: INTERACTION_JURISDICTION[clinic.jurisdiction] ?? 'US',
    });
    const patientId = await insertPatient(trx, { clinicId, displayName: input.displayName, birthDate: input.birthDate, risk });
    const course = await insertCourse(trx, {
      patientId,
      clinicId,
      prescriberId,
      product: input.product ?? null,
      targetMgPerKg: input.targetMgPerKg,
      baselineWeightKg: input.baselineWeightKg ?? null,
      baseline: input.baseline,
      interactionFindings: screening.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, reason: f.reason })),
    });
    const today = dayIn(now, clinic.timeZone);
    const started = { id: `course-${course.id}-started`, kind: 'course_started' as const, on: today };
    const enrolled = { id: `course-${course.id}-enrollment`, kind: 'enrollment' as const, on: today, prescriberId };
    for (const event of [started, enrolled]) {
      await insertEvent(trx, {
        courseId: course.id,
        clinicId,
        patientId,
        eventKey: event.id,
        kind: event.kind,
        occurredAt: now,
        recordedAt: now,
        recordedBy: actor.principal.userId,
        onBehalfOf: prescriberId === actor.principal.userId ? null : prescriberId,
        payload: event,
      });
    }
    const wire = caseWire(
      clinic,
      { id: patientId, clinicId, displayName: input.displayName, birthDate: input.birthDate, risk },
      [],
      { kind: 'enroll', at: wireInstant(now), prescriberId },
      { events: [started, enrolled] },
    );
    const decision = decide(wire);
    await storeDecision(trx, course.id, clinicId, now, wire, decision);
    await appendAudit(trx, auditOf(actor, now, { action: 'enroll', resourceType: 'patient', resourceId: patientId, clinicId, patientId, onBehalfOf: prescriberId }));
    return { patientId, course, interactions: screening.findings, decision };
  });
}
