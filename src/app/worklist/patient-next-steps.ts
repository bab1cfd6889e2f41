import { appendAudit } from '../../db/audit.repository.js';
import { listAuthorizations } from '../../db/authorization.repository.js';
import { loadClinicFacts } from '../../db/clinic-settings.repository.js';
import { findPatient, listPatientCourses, listPatientEvents, type CourseRecord, type PatientRecord, type StoredEvent } from '../../db/course.repository.js';
import type { CourseStatus, Database } from '../../db/schema.js';
import { courseWork, patientTasks, type CourseWork, type PatientTask } from '../../domain/worklist/index.js';
import type { ProgramEvent } from '../../domain/program/index.js';
import type { Transaction } from 'kysely';
import { requireRole } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { viewOf, type AuthorizationView } from '../course/authorize.js';
import { auditOf, type Actor, type CourseDeps } from '../course/course-context.js';
import { courseEventIds, instantOf, judged, programFacts } from './program-facts.js';

const OPEN: readonly CourseStatus[] = ['qualifying', 'active', 'paused'];

export interface NextSteps {
  readonly asOf: Date;
  /** The patient's open course; absent when no course is open. */
  readonly course?: CourseRecord | undefined;
  readonly work?: CourseWork | undefined;
  readonly tasks: readonly PatientTask[];
  /** Things to know that never block (e.g. abstinence chosen), in the patient's words. */
  readonly notes: ReadonlyArray<{ readonly code: string; readonly ruleId: string; readonly text: string }>;
}

export interface Loaded {
  readonly patient: PatientRecord;
  readonly courses: CourseRecord[];
  readonly events: StoredEvent[];
}

export async function ownRecord(trx: Transaction<Database>, actor: Actor): Promise<Loaded> {
  requireRole(actor.principal, ['patient']);
  const patientId = actor.principal.patientId;
  const patient = patientId === null ? undefined : await findPatient(trx, patientId);
  if (patient === undefined) throw new AppError('not_found', 'Your account is not linked to a patient record.');
  return { patient, courses: await listPatientCourses(trx, patient.id), events: await listPatientEvents(trx, patient.id) };
}

/**
 * The patient's "what to do next and by when" for their open course: the programme engine's
 * decision on the next authorization (or on finishing the course after the last dose) in the
 * patient's words, and the dated items of the course (collect by, next pickup), audited as a read.
 */
export async function patientNextSteps(deps: CourseDeps, actor: Actor): Promise<NextSteps> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const { patient, courses, events } = await ownRecord(trx, actor);
    const course = courses.find((c) => OPEN.includes(c.status));
    await appendAudit(trx, auditOf(actor, now, { action: 'read_next_steps', resourceType: course === undefined ? 'patient' : 'course', resourceId: course?.id ?? patient.id, clinicId: patient.clinicId, patientId: patient.id }));
    if (course === undefined) return { asOf: now, tasks: [], notes: [] };
    const clinic = await loadClinicFacts(trx, course.clinicId);
    if (clinic === undefined) throw new AppError('not_found', 'No such clinic.');
    const facts = programFacts(clinic, patient, events, now);
    const work = judged(() =>
      courseWork({ facts, courseEventIds: courseEventIds(events, course.id), state: course.status, at: instantOf(now), prescriberId: course.prescriberId ?? undefined, product: course.product ?? undefined }),
    );
    const warnings = [...(work.nextAuthorization?.decision.warnings ?? []), ...(work.courseEnd?.warnings ?? [])];
    const notes = warnings.map((w) => ({ code: w.code, ruleId: w.ruleId, text: w.patientMessage }));
    return { asOf: now, course, work, tasks: patientTasks(work), notes };
  });
}

export interface OwnCourse {
  readonly course?: CourseRecord | undefined;
  readonly patient: PatientRecord;
  readonly startedOn?: string | undefined;
  readonly firstDoseOn?: string | undefined;
  readonly lastDoseOn?: string | undefined;
  readonly stoppedOn?: string | undefined;
  readonly authorizations: readonly AuthorizationView[];
  readonly dispenses: number;
}

function lastOn(events: readonly ProgramEvent[], kind: 'course_started' | 'first_dose' | 'last_dose' | 'course_stopped'): string | undefined {
  const found = events.filter((e) => e.kind === kind);
  const last = found[found.length - 1];
  return last !== undefined && 'on' in last ? last.on.toString() : undefined;
}

/** The patient's own course summary (the open course, else the latest), audited as a read. */
export async function patientCourse(deps: CourseDeps, actor: Actor): Promise<OwnCourse> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const { patient, courses, events } = await ownRecord(trx, actor);
    const course = courses.find((c) => OPEN.includes(c.status)) ?? courses[courses.length - 1];
    await appendAudit(trx, auditOf(actor, now, { action: 'read', resourceType: course === undefined ? 'patient' : 'course', resourceId: course?.id ?? patient.id, clinicId: patient.clinicId, patientId: patient.id }));
    if (course === undefined) return { patient, authorizations: [], dispenses: 0 };
    const clinic = await loadClinicFacts(trx, course.clinicId);
    if (clinic === undefined) throw new AppError('not_found', 'No such clinic.');
    const ids = courseEventIds(events, course.id);
    const parsed = programFacts(clinic, patient, events, now).events.filter((e) => ids.has(e.id));
    const authorizations = (await listAuthorizations(trx, { courseId: course.id })).map(viewOf);
    return {
      course,
      patient,
      startedOn: lastOn(parsed, 'course_started'),
      firstDoseOn: parsed.find((e) => e.kind === 'first_dose')?.on.toString(),
      lastDoseOn: lastOn(parsed, 'last_dose'),
      stoppedOn: lastOn(parsed, 'course_stopped'),
      authorizations,
      dispenses: authorizations.filter((a) => a.status === 'dispensed').length,
    };
  });
}
