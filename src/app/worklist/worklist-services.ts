import type { Decision, PlanAnswer } from '../../domain/program/index.js';
import type { Actor, CourseDeps } from '../course/course-context.js';
import { clinicWorklist, type ClinicWorklistPage, type ClinicWorklistQuery } from './clinic-worklist.js';
import { patientExport, type PatientExport } from './patient-export.js';
import { patientCourse, patientNextSteps, type NextSteps, type OwnCourse } from './patient-next-steps.js';
import { pharmacyWorklist, type PharmacyWorklist } from './pharmacy-worklist.js';
import { checkProgram, planPickup, type CheckRequest, type PlanRequest } from './program-check.js';

/** The worklists and the read-only programme questions (issue 5 item 4), bound to their deps. */
export interface WorklistServices {
  clinic(actor: Actor, clinicId: string, query: ClinicWorklistQuery): Promise<ClinicWorklistPage>;
  pharmacy(actor: Actor, pharmacyId: string): Promise<PharmacyWorklist>;
  nextSteps(actor: Actor): Promise<NextSteps>;
  ownCourse(actor: Actor): Promise<OwnCourse>;
  exportData(actor: Actor): Promise<PatientExport>;
  check(actor: Actor, courseId: string, request: CheckRequest): Promise<Decision>;
  plan(actor: Actor, courseId: string, request: PlanRequest): Promise<PlanAnswer>;
}

export function worklistServices(deps: CourseDeps): WorklistServices {
  return {
    clinic: (actor, clinicId, query) => clinicWorklist(deps, actor, clinicId, query),
    pharmacy: (actor, pharmacyId) => pharmacyWorklist(deps, actor, pharmacyId),
    nextSteps: (actor) => patientNextSteps(deps, actor),
    ownCourse: (actor) => patientCourse(deps, actor),
    exportData: (actor) => patientExport(deps, actor),
    check: (actor, courseId, request) => checkProgram(deps, actor, courseId, request),
    plan: (actor, courseId, request) => planPickup(deps, actor, courseId, request),
  };
}
