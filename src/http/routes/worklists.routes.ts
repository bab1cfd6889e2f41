import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ClinicWorklistEntry, ClinicWorklistPage } from '../../app/worklist/clinic-worklist.js';
import type { NextSteps, OwnCourse } from '../../app/worklist/patient-next-steps.js';
import type { PharmacyWorklist, PharmacyWorklistEntry } from '../../app/worklist/pharmacy-worklist.js';
import {
  clinicWorklistQuerySchema,
  clinicWorklistSchema,
  nextStepsSchema,
  ownCourseSchema,
  pharmacyWorklistSchema,
  planRequestSchema,
  programCheckRequestSchema,
  programCheckResponseSchema,
  type ClinicWorklistQueryWire,
  type PlanPickupRequest,
  type ProgramCheckRequest,
} from '../../contracts/worklist.js';
import { planAnswerSchema } from '../../contracts/program-decision.js';
import type { WorkItem } from '../../domain/worklist/index.js';
import { principal, requestContext } from '../auth/session-hook.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import type { ServerDeps } from '../server-deps.js';
import { presentCourse, uuidParam } from './courses.routes.js';

function actorOf(request: FastifyRequest) {
  return { principal: principal(request), context: requestContext(request) };
}

type Wire<S extends z.ZodType> = z.input<S>;

/** Presenters: every field listed explicitly (no birth date, no risk, no clinical detail leaks). */
function presentItem(item: WorkItem) {
  return { code: item.code, ruleId: item.ruleId, who: item.who, text: item.staffText, from: item.from, by: item.by };
}

function presentEntry(entry: ClinicWorklistEntry): Wire<typeof clinicWorklistSchema>['items'][number] {
  const { row, work } = entry;
  const next = work?.nextAuthorization;
  return {
    courseId: row.courseId,
    patientId: row.patientId,
    patientName: row.patientName,
    status: row.status,
    product: row.product,
    sequence: row.sequence,
    flags: row.flags.map((f) => ({ taskId: f.taskId, kind: f.kind, text: f.text, createdAt: f.createdAt.toISOString() })),
    overdue: (work?.overdue ?? []).map(presentItem),
    due: (work?.due ?? []).map(presentItem),
    upcoming: (work?.upcoming ?? []).map(presentItem),
    blocked:
      next !== undefined && next.decision.outcome === 'blocked'
        ? {
            packId: next.decision.pack.id,
            basis: next.basis,
            unmet: next.decision.unmet.map((u) => ({ code: u.code, ruleId: u.ruleId, staffMessage: u.staffMessage, patientMessage: u.patientMessage, earliestDate: u.earliestDate })),
          }
        : null,
    problem: entry.problem === undefined ? null : { code: entry.problem.code, message: entry.problem.message },
  };
}

function presentClinicWorklist(page: ClinicWorklistPage): Wire<typeof clinicWorklistSchema> {
  return { asOf: page.asOf.toISOString(), today: page.today, items: page.entries.map(presentEntry), nextCursor: page.nextCursor ?? null, scanned: page.scanned };
}

function presentNextSteps(steps: NextSteps): Wire<typeof nextStepsSchema> {
  return {
    asOf: steps.asOf.toISOString(),
    today: steps.work?.today ?? null,
    course: steps.course === undefined ? null : { id: steps.course.id, status: steps.course.status, sequence: steps.course.sequence },
    tasks: steps.tasks.map((t) => ({ code: t.code, ruleId: t.ruleId, text: t.text, from: t.from, by: t.by, timing: t.timing })),
    notes: steps.notes.map((n) => ({ code: n.code, ruleId: n.ruleId, text: n.text })),
  };
}

function presentOwnCourse(own: OwnCourse): Wire<typeof ownCourseSchema> {
  return {
    course: own.course === undefined ? null : presentCourse(own.course),
    patient: { id: own.patient.id, displayName: own.patient.displayName },
    startedOn: own.startedOn ?? null,
    firstDoseOn: own.firstDoseOn ?? null,
    lastDoseOn: own.lastDoseOn ?? null,
    stoppedOn: own.stoppedOn ?? null,
    authorizations: own.authorizations.map((a) => ({ id: a.id, number: a.number, prescriptionId: a.prescriptionId, status: a.status, firstInstant: a.firstInstant, lastInstant: a.lastInstant, lastDayToCollect: a.lastDayToCollect, packId: a.packId })),
    dispenses: own.dispenses,
  };
}

function presentPharmacyRow(r: PharmacyWorklistEntry) {
  return {
    authorizationId: r.authorizationId,
    number: r.number,
    patientName: r.patientName,
    lastDayToCollect: r.lastDayToCollect,
    lastInstant: r.lastInstant,
    verifiedAt: r.verifiedAt === null ? null : r.verifiedAt.toISOString(),
    product: r.product,
    strengthMg: r.strengthMg,
    quantity: r.quantity,
    dailyMg: r.dailyMg,
  };
}

function presentPharmacyWorklist(w: PharmacyWorklist): Wire<typeof pharmacyWorklistSchema> {
  return { asOf: w.asOf.toISOString(), waiting: w.waiting.map(presentPharmacyRow), toReverse: w.toReverse.map(presentPharmacyRow), truncated: w.truncated };
}

export function worklistRoutes(deps: ServerDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/clinics/:clinicId/worklist',
      operationId: 'getClinicWorklist',
      summary: 'Clinic worklist: open courses with what is due, overdue or blocked, red flags first (audited read, paginated)',
      tags: ['worklists'],
      query: clinicWorklistQuerySchema,
      responses: { 200: { description: 'One page of the worklist', schema: clinicWorklistSchema } },
      handler: async (request, _reply, _body: undefined, query: ClinicWorklistQueryWire) =>
        presentClinicWorklist(
          await deps.app.worklists.clinic(actorOf(request), uuidParam(request, 'clinicId'), { statuses: query.status, filter: query.filter, limit: query.limit, cursor: query.cursor }),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/pharmacies/:pharmacyId/worklist',
      operationId: 'getPharmacyWorklist',
      summary: 'Pharmacy worklist: authorizations verified here, waiting to be collected (last day first) or to be reversed (audited read)',
      tags: ['worklists'],
      responses: { 200: { description: 'The worklist', schema: pharmacyWorklistSchema } },
      handler: async (request) => presentPharmacyWorklist(await deps.app.worklists.pharmacy(actorOf(request), uuidParam(request, 'pharmacyId'))),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/me/next-steps',
      operationId: 'getMyNextSteps',
      summary: 'Patient: what to do next and by when in the open course, in plain language (audited read)',
      tags: ['worklists'],
      responses: { 200: { description: 'The next steps', schema: nextStepsSchema } },
      handler: async (request) => presentNextSteps(await deps.app.worklists.nextSteps(actorOf(request))),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/me/course',
      operationId: 'getMyCourse',
      summary: 'Patient: a summary of their own course (the open one, else the latest), audited read',
      tags: ['worklists'],
      responses: { 200: { description: 'The course summary', schema: ownCourseSchema } },
      handler: async (request) => presentOwnCourse(await deps.app.worklists.ownCourse(actorOf(request))),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/courses/:courseId/check',
      operationId: 'checkProgram',
      summary: "The programme engine's decision for an action now, with every unmet requirement; nothing is stored but the audit of the read",
      tags: ['worklists'],
      body: programCheckRequestSchema,
      responses: { 200: { description: 'The decision', schema: programCheckResponseSchema } },
      handler: async (request, _reply, body: ProgramCheckRequest) => deps.app.worklists.check(actorOf(request), uuidParam(request, 'courseId'), body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/courses/:courseId/plan',
      operationId: 'planPickup',
      summary: 'The planner: the dated checklist that makes an intended pickup possible, or the earliest feasible pickup (audited read)',
      tags: ['worklists'],
      body: planRequestSchema,
      responses: { 200: { description: 'The plan', schema: planAnswerSchema } },
      handler: async (request, _reply, body: PlanPickupRequest) => deps.app.worklists.plan(actorOf(request), uuidParam(request, 'courseId'), body),
    }),
  ];
}
