import { appendAudit } from '../../db/audit.repository.js';
import { findAuthorization, findAuthorizationWithContext, findPharmacy, insertDispense, markDispensed, type AuthorizationWithContext, type PharmacyRecord } from '../../db/authorization.repository.js';
import { loadClinicFacts } from '../../db/clinic-settings.repository.js';
import { recordPharmacyVerification } from '../../db/worklist.repository.js';
import { insertEvent, listPatientEvents, setCourseStatus, findCourse } from '../../db/course.repository.js';
import type { Decision } from '../../domain/program/index.js';
import type { DispenseRequest } from '../../contracts/course.js';
import { requireRole } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { viewOf, type AuthorizationView } from './authorize.js';
import { auditOf, isUniqueViolation, wireInstant, type Actor, type CourseDeps } from './course-context.js';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, type IdempotencyRequest } from './idempotency.js';
import { RuleBlockedError } from './prescribe.js';
import { caseWire, decide, storeDecision } from './program-case.js';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface DispenseResult {
  readonly dispenseId: string;
  readonly authorization: AuthorizationView;
  readonly decision: Decision;
}

export interface VerifyResult {
  readonly authorization: AuthorizationView;
  readonly patientName: string;
  readonly product: string;
  readonly strengthMg: number;
  readonly quantity: number;
  readonly dailyMg: number;
  readonly mayDispenseNow: boolean;
  readonly decision: Decision;
}

async function pharmacyOf(db: Kysely<Database> | Transaction<Database>, actor: Actor) {
  requireRole(actor.principal, ['pharmacist']);
  const pharmacyId = actor.principal.pharmacyId;
  const pharmacy = pharmacyId === null ? undefined : await findPharmacy(db, pharmacyId);
  if (pharmacy === undefined) throw new AppError('forbidden', 'Your account is not linked to a pharmacy.');
  return pharmacy;
}

/** The facts for judging a dispense of one authorization at the actor's pharmacy. */
async function dispenseCase(db: Kysely<Database> | Transaction<Database>, actor: Actor, authorizationId: string, at: Date, request: DispenseRequest, lock: boolean) {
  const pharmacy = await pharmacyOf(db, actor);
  const found = await findAuthorizationWithContext(db, { id: authorizationId }, { lock });
  if (found === undefined) throw new AppError('not_found', 'No such authorization.');
  return dispenseCaseOf(db, found, pharmacy, at, request);
}

/** The same for an authorization already loaded with its prescription and patient. */
async function dispenseCaseOf(db: Kysely<Database> | Transaction<Database>, found: AuthorizationWithContext, pharmacy: PharmacyRecord, at: Date, request: DispenseRequest) {
  const { authorization, prescription, patient } = found;
  const authorizationId = authorization.id;
  const clinic = await loadClinicFacts(db, authorization.clinicId);
  if (clinic === undefined) throw new AppError('not_found', 'No such authorization.');
  const events = await listPatientEvents(db, patient.id);
  const dispenseKey = crypto.randomUUID();
  const wire = caseWire(
    clinic,
    patient,
    events,
    {
      kind: 'dispense',
      at: wireInstant(at),
      dispense: {
        id: dispenseKey,
        authorizationId,
        pharmacyId: pharmacy.id,
        quantity: request.quantity,
        ...(request.rmaNumber === undefined ? {} : { rmaNumber: request.rmaNumber }),
        ...(request.dndDate === undefined ? {} : { dndDate: request.dndDate }),
        medicationGuideGiven: request.medicationGuideGiven,
        ...(request.pharmacistChecklistCompleted === undefined ? {} : { pharmacistChecklistCompleted: request.pharmacistChecklistCompleted }),
      },
    },
    { pharmacy },
  );
  return { pharmacy, authorization, prescription, patient, clinic, wire };
}

/**
 * Verifies an authorization at the counter: the pharmacist gives its number and the patient's
 * birth date (so a number alone reveals nothing), and sees only what dispensing needs, with the
 * programme's answer to "may I dispense this now, and if not, why".
 */
export async function verifyAuthorization(deps: CourseDeps, actor: Actor, number: string, birthDate: string): Promise<VerifyResult> {
  requireRole(actor.principal, ['pharmacist']);
  const now = deps.clock.now();
  // the authorization, its prescription and its patient in one statement
  const atCounter = await findAuthorizationWithContext(deps.db, { number: number.trim().toUpperCase() });
  if (atCounter === undefined || atCounter.patient.birthDate !== birthDate) {
    await deps.db.transaction().execute((trx) => appendAudit(trx, auditOf(actor, now, { action: 'verify_authorization', resourceType: 'authorization', resourceId: null, clinicId: null, patientId: null, outcome: 'failure' })));
    throw new AppError('not_found', 'No authorization matches that number and date of birth.');
  }
  const { authorization: found, prescription } = atCounter;
  const pharmacy = await pharmacyOf(deps.db, actor);
  const facts = await dispenseCaseOf(deps.db, atCounter, pharmacy, now, { quantity: prescription.quantity, medicationGuideGiven: true, pharmacistChecklistCompleted: true, rmaNumber: 'to-be-obtained', dndDate: found.lastDayToCollect });
  const decision = decide(facts.wire);
  await deps.db.transaction().execute(async (trx) => {
    // WL-PHARMACY: the verifying pharmacy now sees the open authorization on its worklist
    if (found.status === 'open') await recordPharmacyVerification(trx, found.id, facts.pharmacy.id, now);
    await appendAudit(trx, auditOf(actor, now, { action: 'verify_authorization', resourceType: 'authorization', resourceId: found.id, clinicId: found.clinicId, patientId: found.patientId }));
  });
  return {
    authorization: viewOf(found),
    patientName: atCounter.patient.displayName,
    product: prescription.product,
    strengthMg: prescription.strengthMg,
    quantity: prescription.quantity,
    dailyMg: prescription.dailyMg,
    mayDispenseNow: found.status === 'open' && decision.outcome === 'allowed',
    decision,
  };
}

/**
 * Records a dispense when the programme engine allows it (RMA and DND in the US, Medication Guide,
 * pharmacist checklist, window, certification). Exactly once: the authorization row is locked, a
 * dispensed or reversed one is a 409, and unique indexes stop a race across processes.
 */
export async function dispense(deps: CourseDeps, actor: Actor, authorizationId: string, request: DispenseRequest, idempotency?: IdempotencyRequest): Promise<DispenseResult> {
  const now = deps.clock.now();
  try {
    const result = await deps.db.transaction().execute(async (trx): Promise<{ kind: 'blocked'; decision: Decision } | { kind: 'done'; value: DispenseResult }> => {
      const replay = await claimIdempotencyKey(trx, actor.principal.userId, idempotency);
      // the stored result of the first request with this key, replayed as it was
      if (replay !== undefined) return { kind: 'done', value: replay.replay as DispenseResult };
      const facts = await dispenseCase(trx, actor, authorizationId, now, request, true);
      if (facts.authorization.status !== 'open') throw new AppError('conflict', `The authorization is ${facts.authorization.status}; it cannot be dispensed.`);
      const decision = decide(facts.wire);
      await storeDecision(trx, facts.authorization.courseId, facts.clinic.id, now, facts.wire, decision);
      if (decision.outcome === 'blocked') {
        await appendAudit(trx, auditOf(actor, now, { action: 'dispense', resourceType: 'authorization', resourceId: authorizationId, clinicId: facts.clinic.id, patientId: facts.patient.id, outcome: 'denied' }));
        await releaseIdempotencyKey(trx, actor.principal.userId, idempotency);
        return { kind: 'blocked', decision };
      }
      const dispenseId = await insertDispense(trx, {
        authorizationId,
        prescriptionId: facts.prescription.id,
        pharmacyId: facts.pharmacy.id,
        pharmacistId: actor.principal.userId,
        quantity: request.quantity,
        medicationGuideGiven: request.medicationGuideGiven,
        rmaNumber: request.rmaNumber ?? null,
        dndDate: request.dndDate ?? null,
        dispensedAt: now,
      });
      await markDispensed(trx, authorizationId);
      const event = {
        id: dispenseId,
        kind: 'dispense' as const,
        at: wireInstant(now),
        authorizationId,
        pharmacyId: facts.pharmacy.id,
        quantity: request.quantity,
        medicationGuideGiven: request.medicationGuideGiven,
        ...(request.rmaNumber === undefined ? {} : { rmaNumber: request.rmaNumber }),
        ...(request.dndDate === undefined ? {} : { dndDate: request.dndDate }),
        ...(request.pharmacistChecklistCompleted === undefined ? {} : { pharmacistChecklistCompleted: request.pharmacistChecklistCompleted }),
      };
      await insertEvent(trx, { courseId: facts.authorization.courseId, clinicId: facts.clinic.id, patientId: facts.patient.id, eventKey: dispenseId, kind: 'dispense', occurredAt: now, recordedAt: now, recordedBy: actor.principal.userId, onBehalfOf: null, payload: event });
      const course = await findCourse(trx, facts.authorization.courseId);
      if (course?.status === 'qualifying') await setCourseStatus(trx, course.id, 'active', null, now);
      await appendAudit(trx, auditOf(actor, now, { action: 'dispense', resourceType: 'dispense', resourceId: dispenseId, clinicId: facts.clinic.id, patientId: facts.patient.id }));
      const authorization = await findAuthorization(trx, authorizationId);
      if (authorization === undefined) throw new AppError('not_found', 'No such authorization.');
      const value: DispenseResult = { dispenseId, authorization: viewOf(authorization), decision };
      await completeIdempotencyKey(trx, actor.principal.userId, idempotency, 201, value);
      return { kind: 'done', value };
    });
    if (result.kind === 'blocked') throw new RuleBlockedError(result.decision);
    return result.value;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'This authorization was dispensed at the same moment by another request.');
    throw error;
  }
}
