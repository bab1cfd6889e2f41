import type { FastifyRequest } from 'fastify';
import type { CourseDetail } from '../../app/course/read-course.js';
import type { EnrollResult } from '../../app/course/enroll.js';
import {
  courseDetailSchema,
  courseStatusChangeSchema,
  enrollRequestSchema,
  enrollResponseSchema,
  prescriptionRequestSchema,
  prescriptionResponseSchema,
  recordEventRequestSchema,
  recordEventResponseSchema,
  type CourseStatusChange,
  type EnrollRequest,
  type PrescriptionRequest,
} from '../../contracts/course.js';
import { riskAssessmentSchema } from '../../contracts/program-case.js';
import type { z } from 'zod';
import { principal, requestContext } from '../auth/session-hook.js';
import { ProblemError } from '../problem.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import type { ServerDeps } from '../server-deps.js';

function actorOf(request: FastifyRequest) {
  return { principal: principal(request), context: requestContext(request) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function uuidParam(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, string | undefined>)[name] ?? '';
  if (!UUID.test(value)) throw new ProblemError('not_found', `No such ${name.replace(/Id$/, '')}.`);
  return value;
}

/** The category of a stored risk assessment, or null when the record holds none that reads. */
function riskCategoryOf(risk: unknown): z.output<typeof riskAssessmentSchema>['category'] | null {
  const parsed = riskAssessmentSchema.safeParse(risk);
  return parsed.success ? parsed.data.category : null;
}

/** Presenter: the course fields a client may see, listed explicitly. */
export function presentCourse(c: EnrollResult['course']) {
  return {
    id: c.id,
    patientId: c.patientId,
    sequence: c.sequence,
    status: c.status,
    prescriberId: c.prescriberId,
    product: c.product,
    targetMgPerKg: c.targetMgPerKg,
    baselineWeightKg: c.baselineWeightKg,
    stopReason: c.stopReason,
  };
}

function presentDetail(d: CourseDetail): z.input<typeof courseDetailSchema> {
  return {
    course: presentCourse(d.facts.course),
    patient: { id: d.facts.patient.id, displayName: d.facts.patient.displayName, birthDate: d.facts.patient.birthDate, riskCategory: riskCategoryOf(d.facts.patient.risk) },
    events: d.facts.events.filter((e) => e.courseId === d.facts.course.id).map((e) => ({ id: e.eventKey, kind: e.kind, occurredAt: e.occurredAt.toISOString(), payload: e.payload })),
    prescriptions: d.prescriptions.map((p) => ({ id: p.id, prescriberId: p.prescriberId, writtenOn: p.writtenOn, product: p.product, strengthMg: p.strengthMg, quantity: p.quantity, dailyMg: p.dailyMg, refills: p.refills })),
    authorizations: d.authorizations,
    decisions: d.decisions.map((x) => ({ id: x.id, action: x.action, decidedAt: x.decidedAt.toISOString(), outcome: x.outcome, decision: x.decision })),
  };
}

export function courseRoutes(deps: ServerDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/patients',
      operationId: 'enrollPatient',
      summary: 'Enroll a patient: the record, the first course, the baseline screened for interactions, and the programme decision on enrollment',
      tags: ['courses'],
      body: enrollRequestSchema,
      responses: { 201: { description: 'Enrolled', schema: enrollResponseSchema } },
      handler: async (request, reply, body: EnrollRequest) => {
        const result = await deps.app.courses.enroll(actorOf(request), body);
        return reply.code(201).send({
          patientId: result.patientId,
          course: presentCourse(result.course),
          interactions: result.interactions.map((f) => ({ ruleId: f.ruleId, severity: f.severity, reason: f.reason })),
          decision: result.decision,
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/courses/:courseId',
      operationId: 'getCourse',
      summary: 'The course record: events, prescriptions, authorizations and programme decisions (audited read)',
      tags: ['courses'],
      responses: { 200: { description: 'The course', schema: courseDetailSchema } },
      handler: async (request) => presentDetail(await deps.app.courses.read(actorOf(request), uuidParam(request, 'courseId'))),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/courses/:courseId/events',
      operationId: 'recordCourseEvent',
      summary: 'Record a programme fact (consent, counselling, contraception, pregnancy test, questions, doses, ...)',
      tags: ['courses'],
      body: recordEventRequestSchema,
      responses: { 201: { description: 'Recorded', schema: recordEventResponseSchema } },
      handler: async (request, reply, body: { event: Record<string, unknown>; prescriberId?: string }) => {
        const result = await deps.app.courses.recordEvent(actorOf(request), uuidParam(request, 'courseId'), body);
        return reply.code(201).send({ ...result, reversedAuthorizations: [...result.reversedAuthorizations] });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/courses/:courseId/prescriptions',
      operationId: 'writePrescription',
      summary: 'Write a prescription (refused with every reason when the programme does not allow it)',
      tags: ['courses'],
      body: prescriptionRequestSchema,
      responses: { 201: { description: 'Written', schema: prescriptionResponseSchema } },
      handler: async (request, reply, body: PrescriptionRequest) => reply.code(201).send(await deps.app.courses.writePrescription(actorOf(request), uuidParam(request, 'courseId'), body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/courses/:courseId/status',
      operationId: 'changeCourseStatus',
      summary: 'Pause, resume, complete or stop a course (closing it reverses open authorizations)',
      tags: ['courses'],
      body: courseStatusChangeSchema,
      responses: { 200: { description: 'Changed' } },
      handler: async (request, _reply, body: CourseStatusChange) => deps.app.courses.changeStatus(actorOf(request), uuidParam(request, 'courseId'), body),
    }),
  ];
}
