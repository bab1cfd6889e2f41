import type { Transaction } from 'kysely';
import { programEventSchema, type ProgramEventWire } from '../../contracts/program-case.js';
import { appendAudit } from '../../db/audit.repository.js';
import { listAuthorizations, markReversed } from '../../db/authorization.repository.js';
import { insertEvent, insertTask, setCourseStatus, updatePatientRisk } from '../../db/course.repository.js';
import type { CourseStatus, Database } from '../../db/schema.js';
import type { Decision } from '../../domain/program/index.js';
import { actingPrescriber, CLINICAL_ROLES, requireRole } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { auditOf, dayIn, loadCourseFacts, wireInstant, type Actor, type CourseDeps, type CourseFacts } from './course-context.js';
import { ADMINISTRATIVE_EVENT_KINDS, caseWire, decide, storeDecision } from './program-case.js';

/** Facts that only the server records, through their own use cases (prescribe, authorize, ...). */
const SERVER_ONLY = new Set(['prescription', 'authorization_issued', 'authorization_reversed', 'dispense', 'course_started', 'course_stopped', 'enrollment']);
const OPEN: readonly CourseStatus[] = ['qualifying', 'active', 'paused'];

export interface RecordEventResult {
  readonly eventId: string;
  readonly kind: string;
  readonly decision: Decision | undefined;
  readonly courseStatus: CourseStatus;
  readonly reversedAuthorizations: readonly string[];
}

export class InvalidEventError extends AppError {
  readonly issues: ReadonlyArray<{ pointer: string; detail: string }>;
  constructor(issues: ReadonlyArray<{ pointer: string; detail: string }>) {
    super('invalid_input', 'The event is not valid.', { errors: issues });
    this.issues = issues;
  }
}

function occurredAt(event: ProgramEventWire, fallback: Date): Date {
  if ('at' in event && typeof event.at === 'string') return new Date(event.at);
  if ('collectedAt' in event && typeof event.collectedAt === 'string') return new Date(event.collectedAt);
  if ('on' in event && typeof event.on === 'string') return new Date(`${event.on}T12:00:00Z`);
  return fallback;
}

/**
 * Records one programme fact in the course (validated against the programme case's schema).
 * A pregnancy test is also judged for its purpose and stored with that decision; a positive
 * test stops the course, reverses every open authorization and creates an urgent task (US14).
 */
export async function recordEvent(
  deps: CourseDeps,
  actor: Actor,
  courseId: string,
  input: { event: Record<string, unknown>; prescriberId?: string | undefined },
): Promise<RecordEventResult> {
  requireRole(actor.principal, CLINICAL_ROLES);
  const eventId = `e-${deps.tokens.token().slice(0, 22)}`;
  const parsed = programEventSchema.safeParse({ ...input.event, id: eventId });
  if (!parsed.success) {
    throw new InvalidEventError(parsed.error.issues.map((i) => ({ pointer: `/event/${i.path.map(String).join('/')}`, detail: i.message })));
  }
  const event = { ...input.event, id: eventId } as ProgramEventWire;
  if (SERVER_ONLY.has(event.kind)) throw new AppError('invalid_input', `A ${event.kind} is recorded through its own endpoint.`);
  if (ADMINISTRATIVE_EVENT_KINDS.has(event.kind)) throw new AppError('invalid_input', `A ${event.kind} is kept on the prescriber's or the pharmacy's record, not in a patient's course.`);
  const onBehalfOf = actingPrescriber(actor.principal, input.prescriberId);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const facts = await loadCourseFacts(trx, actor, courseId, { lock: true });
    return recordProgramEventIn(trx, actor, facts, event, onBehalfOf, now);
  });
}

/**
 * Records one validated programme event in a course the caller loaded and locked, inside the
 * caller's transaction: the same path for `POST /events` and for facts that carry a programme
 * event (a lab-reported pregnancy test), so the positive-test pathway exists once.
 */
export async function recordProgramEventIn(
  trx: Transaction<Database>,
  actor: Actor,
  facts: CourseFacts,
  event: ProgramEventWire,
  onBehalfOf: string,
  now: Date,
): Promise<RecordEventResult> {
  const eventId = event.id;
  if (!OPEN.includes(facts.course.status)) throw new AppError('conflict', `The course is ${facts.course.status}; start a new course to record new facts.`);
  let decision: Decision | undefined;
  if (event.kind === 'pregnancy_test') {
    const { id: testId, kind: _kind, ...test } = event;
    const wire = caseWire(facts.clinic, facts.patient, facts.events, { kind: 'record_pregnancy_test', at: wireInstant(now), test: { id: testId, ...test } });
    decision = decide(wire);
    await storeDecision(trx, facts.course.id, facts.clinic.id, now, wire, decision);
  }
  await insertEvent(trx, {
    courseId: facts.course.id,
    clinicId: facts.clinic.id,
    patientId: facts.patient.id,
    eventKey: eventId,
    kind: event.kind,
    occurredAt: occurredAt(event, now),
    recordedAt: now,
    recordedBy: actor.principal.userId,
    onBehalfOf: onBehalfOf === actor.principal.userId ? null : onBehalfOf,
    payload: event,
  });
  if (event.kind === 'risk_category_changed') await updatePatientRisk(trx, facts.patient.id, event.assessment);
  let status = facts.course.status;
  let reversed: string[] = [];
  if (event.kind === 'pregnancy_test' && event.result === 'positive') {
    reversed = await positiveTestPathway(trx, actor, facts, now);
    status = 'stopped';
  }
  await appendAudit(trx, auditOf(actor, now, { action: `record_${event.kind}`, resourceType: 'course_event', resourceId: eventId, clinicId: facts.clinic.id, patientId: facts.patient.id, onBehalfOf }));
  return { eventId, kind: event.kind, decision, courseStatus: status, reversedAuthorizations: reversed };
}

/**
 * US14 and its EU/UK counterparts: stop the drug at once, reverse every open authorization, and
 * put an urgent task on the clinic's worklist (refer to an OB-GYN, report to the registries).
 */
async function positiveTestPathway(trx: Transaction<Database>, actor: Actor, facts: CourseFacts, now: Date): Promise<string[]> {
  const open = await listAuthorizations(trx, { patientId: facts.patient.id, status: 'open' });
  for (const authorization of open) {
    await markReversed(trx, authorization.id, now, 'positive pregnancy test');
    const reversal = { id: `reversal-${authorization.id}`, kind: 'authorization_reversed' as const, at: wireInstant(now), authorizationId: authorization.id, reason: 'positive pregnancy test' };
    await insertEvent(trx, { courseId: facts.course.id, clinicId: facts.clinic.id, patientId: facts.patient.id, eventKey: reversal.id, kind: reversal.kind, occurredAt: now, recordedAt: now, recordedBy: actor.principal.userId, onBehalfOf: null, payload: reversal });
  }
  const stopped = { id: `course-${facts.course.id}-stopped`, kind: 'course_stopped' as const, on: dayIn(now, facts.clinic.timeZone), reason: 'pregnancy' as const };
  await insertEvent(trx, { courseId: facts.course.id, clinicId: facts.clinic.id, patientId: facts.patient.id, eventKey: stopped.id, kind: stopped.kind, occurredAt: now, recordedAt: now, recordedBy: actor.principal.userId, onBehalfOf: null, payload: stopped });
  await setCourseStatus(trx, facts.course.id, 'stopped', 'pregnancy', now);
  await insertTask(trx, {
    clinicId: facts.clinic.id,
    patientId: facts.patient.id,
    courseId: facts.course.id,
    kind: 'positive_pregnancy_test',
    urgency: 'urgent',
    text: 'Positive pregnancy test: the patient must stop isotretinoin now. Contact them today, refer to an obstetrician experienced in reproductive toxicity, and report to the pregnancy registry (US: iPLEDGE and FDA MedWatch).',
    createdAt: now,
  });
  return open.map((a) => a.id);
}
