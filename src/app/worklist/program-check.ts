import { planCaseSchema } from '../../contracts/program-case.js';
import { appendAudit } from '../../db/audit.repository.js';
import { findPharmacy, findPrescription } from '../../db/authorization.repository.js';
import { planProgramCase, type Decision, type PlanAnswer } from '../../domain/program/index.js';
import { requireRole, STAFF_ROLES } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { auditOf, loadCourseFacts, wireInstant, type Actor, type CourseDeps, type CourseFacts } from '../course/course-context.js';
import { caseWire, decide } from '../course/program-case.js';
import { judged, programmeEvents } from './program-facts.js';

export type CheckAction = 'issue_authorization' | 'finish_course' | 'start_course';

export interface CheckRequest {
  readonly action: CheckAction;
  readonly prescriptionId?: string | undefined;
}

/** start_course needs a prescriber: the acting prescriber, else the course's, else the clinic's first. */
function prescriberFor(actor: Actor, facts: CourseFacts): string {
  if (actor.principal.role === 'prescriber') return actor.principal.userId;
  const id = facts.course.prescriberId ?? facts.clinic.prescribers[0]?.id;
  if (id === undefined) throw new AppError('invalid_input', 'The clinic has no prescriber to open a course.', { field: 'action' });
  return id;
}

/**
 * The programme engine's decision for an action on this course, now, without storing it: what
 * the clinic UI shows before anyone acts. Only the read is recorded (audit).
 */
export async function checkProgram(deps: CourseDeps, actor: Actor, courseId: string, request: CheckRequest): Promise<Decision> {
  requireRole(actor.principal, STAFF_ROLES);
  const now = deps.clock.now();
  const at = wireInstant(now);
  return deps.db.transaction().execute(async (trx) => {
    const facts = await loadCourseFacts(trx, actor, courseId);
    const events = programmeEvents(facts.events);
    let decision: Decision;
    switch (request.action) {
      case 'issue_authorization': {
        const prescriptionId = request.prescriptionId;
        if (prescriptionId === undefined) throw new AppError('invalid_input', 'Name the prescription to authorize.', { field: 'prescriptionId' });
        const prescription = await findPrescription(trx, prescriptionId);
        if (prescription?.courseId !== courseId) throw new AppError('not_found', 'No such prescription in this course.');
        decision = decide(caseWire(facts.clinic, facts.patient, events, { kind: 'issue_authorization', at, prescriptionId }));
        break;
      }
      case 'finish_course':
        decision = decide(caseWire(facts.clinic, facts.patient, events, { kind: 'finish_course', at }));
        break;
      case 'start_course':
        decision = decide(caseWire(facts.clinic, facts.patient, events, { kind: 'start_course', at, prescriberId: prescriberFor(actor, facts) }));
        break;
      default: {
        const unreachable: never = request.action;
        return unreachable;
      }
    }
    await appendAudit(trx, auditOf(actor, now, { action: `check_${request.action}`, resourceType: 'course', resourceId: courseId, clinicId: facts.clinic.id, patientId: facts.patient.id }));
    return decision;
  });
}

export interface PlanRequest {
  /** The day the patient wants to collect (programme zone). */
  readonly intendedPickup: string;
  /** The pharmacy that will dispense; when given, its dispense is checked too. */
  readonly pharmacyId?: string | undefined;
}

/**
 * The planner's answer for this course (`planProgramCase`): the dated checklist that makes the
 * intended pickup possible, or the earliest feasible pickup, with what no plan can remove.
 * Nothing is stored but the audit of the read.
 */
export async function planPickup(deps: CourseDeps, actor: Actor, courseId: string, request: PlanRequest): Promise<PlanAnswer> {
  requireRole(actor.principal, STAFF_ROLES);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const facts = await loadCourseFacts(trx, actor, courseId);
    const pharmacy = request.pharmacyId === undefined ? undefined : await findPharmacy(trx, request.pharmacyId);
    if (request.pharmacyId !== undefined && pharmacy === undefined) throw new AppError('not_found', 'No such pharmacy.');
    const { action: _action, ...wireFacts } = caseWire(facts.clinic, facts.patient, programmeEvents(facts.events), { kind: 'finish_course', at: wireInstant(now) }, pharmacy === undefined ? {} : { pharmacy });
    const planRequest = { kind: 'pickup' as const, at: wireInstant(now), intendedPickup: request.intendedPickup, ...(pharmacy === undefined ? {} : { pharmacyId: pharmacy.id }) };
    const parsed = planCaseSchema.safeParse({ ...wireFacts, request: planRequest });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new AppError('invalid_input', `The course record cannot be planned: ${issues}`);
    }
    const answer = judged(() => planProgramCase(parsed.data));
    await appendAudit(trx, auditOf(actor, now, { action: 'plan_pickup', resourceType: 'course', resourceId: courseId, clinicId: facts.clinic.id, patientId: facts.patient.id }));
    return answer;
  });
}
