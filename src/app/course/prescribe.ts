import { appendAudit } from '../../db/audit.repository.js';

import { insertEvent } from '../../db/course.repository.js';
import type { CourseStatus } from '../../db/schema.js';
import type { Decision } from '../../domain/program/index.js';
import type { PrescriptionRequest } from '../../contracts/course.js';
import { actingPrescriber, CLINICAL_ROLES, requireRole } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { auditOf, loadCourseFacts, wireInstant, type Actor, type CourseDeps } from './course-context.js';
import { caseWire, decide, storeDecision } from './program-case.js';
import { checkPrescription, type PrescriptionChecks } from './prescription-checks.js';

const OPEN: readonly CourseStatus[] = ['qualifying', 'active'];

/** A blocked programme decision, returned to the caller with every unmet requirement. */
export class RuleBlockedError extends AppError {
  readonly decision: Decision;
  constructor(decision: Decision) {
    super('rule_blocked', `Not allowed now: ${decision.unmet.map((u) => u.code).join(', ')}.`, { decision });
    this.decision = decision;
  }
}

/**
 * Writes a prescription after the programme engine allows it (US1 supply, DECISION 7 no refills,
 * certification, and the pack's other rules). A blocked decision is stored and returned; nothing
 * else is written.
 */
export interface PrescriptionResult extends PrescriptionChecks {
  readonly prescriptionId: string;
  readonly decision: Decision;
}

export async function writePrescription(deps: CourseDeps, actor: Actor, courseId: string, input: PrescriptionRequest): Promise<PrescriptionResult> {
  requireRole(actor.principal, CLINICAL_ROLES);
  const prescriberId = actingPrescriber(actor.principal, input.prescriberId);
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx): Promise<{ kind: 'blocked'; decision: Decision } | ({ kind: 'written' } & PrescriptionResult)> => {
    const facts = await loadCourseFacts(trx, actor, courseId, { lock: true });
    if (!OPEN.includes(facts.course.status)) throw new AppError('conflict', `The course is ${facts.course.status}.`);
    const checks = checkPrescription(input, facts.course, facts.clinic.jurisdiction);
    const prescriptionId = crypto.randomUUID();
    const prescription = {
      id: prescriptionId,
      writtenOn: input.writtenOn,
      prescriberId,
      product: input.product,
      strengthMg: input.strengthMg,
      quantity: input.quantity,
      dailyMg: input.dailyMg,
      refills: input.refills,
    };
    const wire = caseWire(facts.clinic, facts.patient, facts.events, { kind: 'write_prescription', at: wireInstant(now), prescription });
    const decision = decide(wire);
    await storeDecision(trx, facts.course.id, facts.clinic.id, now, wire, decision);
    if (decision.outcome === 'blocked') {
      await appendAudit(trx, auditOf(actor, now, { action: 'write_prescription', resourceType: 'prescription', resourceId: null, clinicId: facts.clinic.id, patientId: facts.patient.id, onBehalfOf: prescriberId, outcome: 'denied' }));
      return { kind: 'blocked', decision };
    }
    await trx.insertInto('prescription').values({ id: prescriptionId, course_id: facts.course.id, clinic_id: facts.clinic.id, patient_id: facts.patient.id, prescriber_id: prescriberId, written_on: input.writtenOn, product: input.product, strength_mg: input.strengthMg, quantity: input.quantity, daily_mg: input.dailyMg, refills: input.refills }).execute();
    const event = { kind: 'prescription' as const, ...prescription };
    await insertEvent(trx, { courseId: facts.course.id, clinicId: facts.clinic.id, patientId: facts.patient.id, eventKey: prescriptionId, kind: 'prescription', occurredAt: now, recordedAt: now, recordedBy: actor.principal.userId, onBehalfOf: prescriberId === actor.principal.userId ? null : prescriberId, payload: event });
    await appendAudit(trx, auditOf(actor, now, { action: 'write_prescription', resourceType: 'prescription', resourceId: prescriptionId, clinicId: facts.clinic.id, patientId: facts.patient.id, onBehalfOf: prescriberId }));
    return { kind: 'written', prescriptionId, decision, ...checks };
  });
  if (result.kind === 'blocked') throw new RuleBlockedError(result.decision);
  return { prescriptionId: result.prescriptionId, decision: result.decision, doseWarnings: result.doseWarnings, interactions: result.interactions };
}

