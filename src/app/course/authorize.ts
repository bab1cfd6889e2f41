import { appendAudit } from '../../db/audit.repository.js';
import { findPrescription, insertAuthorization, listAuthorizations, markReversed, type AuthorizationRecord } from '../../db/authorization.repository.js';
import { insertEvent } from '../../db/course.repository.js';
import type { CourseStatus } from '../../db/schema.js';
import type { Decision } from '../../domain/program/index.js';
import { CLINICAL_ROLES, requireRole } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { auditOf, isUniqueViolation, loadCourseFacts, wireInstant, type Actor, type CourseDeps } from './course-context.js';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, type IdempotencyRequest } from './idempotency.js';
import { RuleBlockedError } from './prescribe.js';
import { caseWire, decide, storeDecision } from './program-case.js';

/** An authorization as callers see it (plain JSON values, so it can be stored for replays). */
export interface AuthorizationView {
  readonly id: string;
  readonly number: string;
  readonly prescriptionId: string;
  readonly status: 'open' | 'dispensed' | 'reversed';
  readonly firstInstant: string;
  readonly lastInstant: string;
  readonly lastDayToCollect: string;
  readonly packId: string;
}

export function viewOf(a: AuthorizationRecord): AuthorizationView {
  return {
    id: a.id,
    number: a.number,
    prescriptionId: a.prescriptionId,
    status: a.status,
    firstInstant: a.firstInstant,
    lastInstant: a.lastInstant,
    lastDayToCollect: a.lastDayToCollect,
    packId: a.packId,
  };
}

export interface IssueResult {
  readonly authorization: AuthorizationView;
  readonly decision: Decision;
}

const ISSUABLE: readonly CourseStatus[] = ['qualifying', 'active'];
const NUMBER_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A readable authorization number without look-alike characters: ISO-XXXX-XXXX-XXXX. */
export function authorizationNumber(randomToken: string): string {
  const bytes = Buffer.from(randomToken, 'base64url');
  let out = '';
  for (let i = 0; i < 12; i += 1) out += NUMBER_ALPHABET.charAt((bytes[i] ?? 0) % NUMBER_ALPHABET.length);
  return `ISO-${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}

/**
 * Issues the authorization for a prescription when the programme engine allows it. Exactly once:
 * the prescription row is locked, an open or dispensed authorization is a 409 conflict (DECISION
 * 6), and a unique index makes a race impossible even across server processes.
 */
export async function issueAuthorization(deps: CourseDeps, actor: Actor, prescriptionId: string, idempotency?: IdempotencyRequest): Promise<IssueResult> {
  requireRole(actor.principal, CLINICAL_ROLES);
  const now = deps.clock.now();
  try {
    const result = await deps.db.transaction().execute(async (trx): Promise<{ kind: 'blocked'; decision: Decision } | { kind: 'issued'; value: IssueResult }> => {
      const replay = await claimIdempotencyKey(trx, actor.principal.userId, idempotency);
      // the stored result of the first request with this key, replayed as it was
      if (replay !== undefined) return { kind: 'issued', value: replay.replay as IssueResult };
      const prescription = await findPrescription(trx, prescriptionId, { lock: true });
      if (prescription === undefined) throw new AppError('not_found', 'No such prescription.');
      const facts = await loadCourseFacts(trx, actor, prescription.courseId);
      if (!ISSUABLE.includes(facts.course.status)) throw new AppError('conflict', `The course is ${facts.course.status}.`);
      const existing = await listAuthorizations(trx, { prescriptionId });
      const open = existing.find((a) => a.status === 'open');
      if (open !== undefined) throw new AppError('conflict', `Authorization ${open.number} is already open for this prescription; reverse it first.`);
      if (existing.some((a) => a.status === 'dispensed')) throw new AppError('conflict', 'This prescription has been dispensed already; write a new prescription.');
      const wire = caseWire(facts.clinic, facts.patient, facts.events, { kind: 'issue_authorization', at: wireInstant(now), prescriptionId });
      const decision = decide(wire);
      await storeDecision(trx, facts.course.id, facts.clinic.id, now, wire, decision);
      if (decision.outcome === 'blocked' || decision.window === undefined) {
        await appendAudit(trx, auditOf(actor, now, { action: 'issue_authorization', resourceType: 'prescription', resourceId: prescriptionId, clinicId: facts.clinic.id, patientId: facts.patient.id, outcome: 'denied' }));
        await releaseIdempotencyKey(trx, actor.principal.userId, idempotency);
        return { kind: 'blocked', decision };
      }
      const authorization = await insertAuthorization(trx, {
        number: authorizationNumber(deps.tokens.token()),
        prescriptionId,
        courseId: facts.course.id,
        clinicId: facts.clinic.id,
        patientId: facts.patient.id,
        issuedAt: now,
        issuedBy: actor.principal.userId,
        firstInstant: decision.window.firstInstant,
        lastInstant: decision.window.lastInstant,
        lastDayToCollect: decision.window.lastDayToCollect,
        packId: decision.pack.id,
      });
      const event = { id: authorization.id, kind: 'authorization_issued' as const, at: wireInstant(now), prescriptionId, lastDayToCollect: decision.window.lastDayToCollect };
      await insertEvent(trx, { courseId: facts.course.id, clinicId: facts.clinic.id, patientId: facts.patient.id, eventKey: event.id, kind: event.kind, occurredAt: now, recordedAt: now, recordedBy: actor.principal.userId, onBehalfOf: null, payload: event });
      await appendAudit(trx, auditOf(actor, now, { action: 'issue_authorization', resourceType: 'authorization', resourceId: authorization.id, clinicId: facts.clinic.id, patientId: facts.patient.id }));
      const value: IssueResult = { authorization: viewOf(authorization), decision };
      await completeIdempotencyKey(trx, actor.principal.userId, idempotency, 201, value);
      return { kind: 'issued', value };
    });
    if (result.kind === 'blocked') throw new RuleBlockedError(result.decision);
    return result.value;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'Another authorization was issued for this prescription at the same moment.');
    throw error;
  }
}

/**
 * Reverses an open authorization (not collected, wrong quantity, US13). Pharmacists may reverse
 * one they verified; clinic staff one of their clinic.
 */
export async function reverseAuthorization(deps: CourseDeps, actor: Actor, authorizationId: string, reason: string): Promise<AuthorizationView> {
  requireRole(actor.principal, ['prescriber', 'designee', 'pharmacist']);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('authorization').select(['id', 'clinic_id', 'patient_id', 'course_id', 'status', 'pharmacy_id']).where('id', '=', authorizationId).forUpdate().executeTakeFirst();
    const staffElsewhere = actor.principal.role !== 'pharmacist' && row !== undefined && row.clinic_id !== actor.principal.clinicId;
    // WL-PHARMACY: once another pharmacy verified it, it is that pharmacy's to reverse
    const otherPharmacy = actor.principal.role === 'pharmacist' && row !== undefined && row.pharmacy_id !== null && row.pharmacy_id !== actor.principal.pharmacyId;
    if (row === undefined || staffElsewhere || otherPharmacy) throw new AppError('not_found', 'No such authorization.');
    if (row.status !== 'open') throw new AppError('conflict', `The authorization is ${row.status}; only an open one can be reversed.`);
    await markReversed(trx, authorizationId, now, reason);
    const event = { id: `reversal-${authorizationId}`, kind: 'authorization_reversed' as const, at: wireInstant(now), authorizationId, reason };
    await insertEvent(trx, { courseId: row.course_id, clinicId: row.clinic_id, patientId: row.patient_id, eventKey: event.id, kind: event.kind, occurredAt: now, recordedAt: now, recordedBy: actor.principal.userId, onBehalfOf: null, payload: event });
    await appendAudit(trx, auditOf(actor, now, { action: 'reverse_authorization', resourceType: 'authorization', resourceId: authorizationId, clinicId: row.clinic_id, patientId: row.patient_id }));
    const updated = await trx.selectFrom('authorization').selectAll().where('id', '=', authorizationId).executeTakeFirstOrThrow();
    return {
      id: updated.id,
      number: updated.number,
      prescriptionId: updated.prescription_id,
      status: updated.status,
      firstInstant: updated.first_instant,
      lastInstant: updated.last_instant,
      lastDayToCollect: updated.last_day_to_collect,
      packId: updated.pack_id,
    };
  });
}
