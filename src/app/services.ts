import type { ComprehensionAnswer } from '../domain/comprehension/index.js';
import { answerQuestions, type AnsweredQuestions } from './course/answer-questions.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Principal } from './auth/principal.js';
import {
  login,
  logout,
  resolveSession,
  type LoginResult,
  type RequestContext,
  type ResolvedSession,
} from './auth/sessions.js';
import { enableTotp, startTotpSetup } from './auth/totp-enrollment.js';
import { cryptoTokens, systemClock, type Clock, type TokenSource } from './ports.js';
import { checkReadiness, type ReadinessResult } from './readiness.js';
import { issueAuthorization, reverseAuthorization, type AuthorizationView, type IssueResult } from './course/authorize.js';
import type { Actor } from './course/course-context.js';
import { dispense, verifyAuthorization, type DispenseResult, type VerifyResult } from './course/dispense.js';
import { enrollPatient, type EnrollResult } from './course/enroll.js';
import type { IdempotencyRequest } from './course/idempotency.js';
import { changeCourseStatus } from './course/lifecycle.js';
import { writePrescription, type PrescriptionResult } from './course/prescribe.js';
import { readCourse, type CourseDetail } from './course/read-course.js';
import { recordEvent, type RecordEventResult } from './course/record-event.js';
import { worklistServices, type WorklistServices } from './worklist/worklist-services.js';
import type { CourseStatusChange, DispenseRequest, EnrollRequest, PrescriptionRequest } from '../contracts/course.js';
import type { CourseStatus } from '../db/schema.js';
import { adminServices, type AdminServices } from './admin/admin-services.js';
import { changePassword, type ChangePasswordInput } from './auth/change-password.js';
import type { SandboxClock } from './sandbox/sandbox-clock.js';
import { sandboxServices, type SandboxServices } from './sandbox/sandbox-services.js';
import { clinicalServices, type ClinicalServices } from './clinical/clinical-services.js';

/**
 * The use cases the edges (HTTP, CLI) may call, bound to their dependencies. The HTTP layer
 * sees only this interface, never the database.
 */
export interface AppServices {
  readiness(): Promise<ReadinessResult>;
  readonly auth: {
    login(input: { email: string; password: string; totpCode?: string | undefined }, context: RequestContext): Promise<LoginResult>;
    resolveSession(token: string): Promise<ResolvedSession | undefined>;
    logout(session: ResolvedSession, context: RequestContext): Promise<void>;
    startTotpSetup(principal: Principal): Promise<{ secret: string; otpauthUri: string }>;
    enableTotp(principal: Principal, code: string): Promise<void>;
    changePassword(session: ResolvedSession, input: ChangePasswordInput, context: RequestContext): Promise<void>;
  };
  readonly admin: AdminServices;
  readonly sandbox: SandboxServices;
  readonly courses: {
    enroll(actor: Actor, input: EnrollRequest): Promise<EnrollResult>;
    read(actor: Actor, courseId: string): Promise<CourseDetail>;
    recordEvent(actor: Actor, courseId: string, input: { event: Record<string, unknown>; prescriberId?: string | undefined }): Promise<RecordEventResult>;
    /** The patient answers the monthly comprehension questions themself (PROG-QUESTIONS-PATIENT). */
    answerQuestions(actor: Actor, courseId: string, input: { answers: readonly ComprehensionAnswer[] }): Promise<AnsweredQuestions>;
    writePrescription(actor: Actor, courseId: string, input: PrescriptionRequest): Promise<PrescriptionResult>;
    changeStatus(actor: Actor, courseId: string, change: CourseStatusChange): Promise<{ status: CourseStatus; reversedAuthorizations: string[] }>;
  };
  readonly authorizations: {
    issue(actor: Actor, prescriptionId: string, idempotency?: IdempotencyRequest): Promise<IssueResult>;
    reverse(actor: Actor, authorizationId: string, reason: string): Promise<AuthorizationView>;
    verify(actor: Actor, number: string, birthDate: string): Promise<VerifyResult>;
    dispense(actor: Actor, authorizationId: string, request: DispenseRequest, idempotency?: IdempotencyRequest): Promise<DispenseResult>;
  };
  /** Clinic, pharmacy and patient worklists; read-only programme checks and pickup plans. */
  readonly worklists: WorklistServices;
  /** Clinical facts of a course: doses, weights, labs, PHQ-9, symptoms, gradings, notes, photos. */
  readonly clinical: ClinicalServices;
}

export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly accepting: () => boolean;
  readonly clock?: Clock;
  readonly tokens?: TokenSource;
  /** Sandbox mode (SANDBOX=1): the movable clinical clock. Sessions keep `clock` (real time). */
  readonly sandbox?: SandboxClock;
}

export function createAppServices(deps: AppDeps): AppServices {
  const auth = { db: deps.db, clock: deps.sandbox ?? deps.clock ?? systemClock, tokens: deps.tokens ?? cryptoTokens };
  // sessions, lockouts, one-time codes and password expiry run on real time even in sandbox mode
  const security = { ...auth, clock: deps.clock ?? systemClock };
  return {
    readiness: () => checkReadiness(deps),
    auth: {
      login: (input, context) => login(security, input, context),
      resolveSession: (token) => resolveSession(security, token),
      logout: (session, context) => logout(security, session, context),
      startTotpSetup: (principal) => startTotpSetup(security, principal),
      enableTotp: (principal, code) => enableTotp(security, principal, code),
      changePassword: (session, input, context) => changePassword(security, session, input, context),
    },
    admin: adminServices({ ...auth, securityClock: security.clock }),
    sandbox: sandboxServices(deps.db, deps.sandbox),
    courses: {
      enroll: (actor, input) => enrollPatient(auth, actor, input),
      read: (actor, courseId) => readCourse(auth, actor, courseId),
      recordEvent: (actor, courseId, input) => recordEvent(auth, actor, courseId, input),
      answerQuestions: (actor, courseId, input) => answerQuestions(auth, actor, courseId, input),
      writePrescription: (actor, courseId, input) => writePrescription(auth, actor, courseId, input),
      changeStatus: (actor, courseId, change) => changeCourseStatus(auth, actor, courseId, change),
    },
    authorizations: {
      issue: (actor, prescriptionId, idempotency) => issueAuthorization(auth, actor, prescriptionId, idempotency),
      reverse: (actor, authorizationId, reason) => reverseAuthorization(auth, actor, authorizationId, reason),
      verify: (actor, number, birthDate) => verifyAuthorization(auth, actor, number, birthDate),
      dispense: (actor, authorizationId, request, idempotency) => dispense(auth, actor, authorizationId, request, idempotency),
    },
    worklists: worklistServices(auth),
    clinical: clinicalServices(auth),
  };
}
