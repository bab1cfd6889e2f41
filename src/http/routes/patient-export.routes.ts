import type { z } from 'zod';
import type { PatientExport } from '../../app/worklist/patient-export.js';
import { comprehensionAnswersSchema, comprehensionResultSchema, patientExportSchema, type ComprehensionAnswersRequest } from '../../contracts/patient-export.js';
import { COMPREHENSION_RULE_ID } from '../../domain/comprehension/index.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import type { ServerDeps } from '../server-deps.js';
import { presentPhoto } from './clinical-photos.routes.js';
import { actorOf, presentFact } from './clinical-present.js';
import { presentCourse, uuidParam } from './courses.routes.js';

/** Presenter: every field listed explicitly, so nothing internal leaves by accident. */
function presentExport(x: PatientExport): z.input<typeof patientExportSchema> {
  return {
    format: 'isocourse-patient-export/1',
    exportedAt: x.exportedAt.toISOString(),
    patient: { id: x.patient.id, displayName: x.patient.displayName, birthDate: x.patient.birthDate, risk: x.patient.risk },
    courses: x.courses.map(presentCourse),
    events: x.events.map((e) => ({ id: e.eventKey, courseId: e.courseId, kind: e.kind, occurredAt: e.occurredAt.toISOString(), recordedAt: e.recordedAt.toISOString(), payload: e.payload })),
    prescriptions: x.prescriptions.map((p) => ({ id: p.id, courseId: p.courseId, writtenOn: p.writtenOn, product: p.product, strengthMg: p.strengthMg, quantity: p.quantity, dailyMg: p.dailyMg, refills: p.refills })),
    authorizations: [...x.authorizations],
    dispenses: x.dispenses.map((d) => ({
      id: d.id,
      authorizationId: d.authorizationId,
      prescriptionId: d.prescriptionId,
      quantity: d.quantity,
      medicationGuideGiven: d.medicationGuideGiven,
      dndDate: d.dndDate,
      dispensedAt: d.dispensedAt.toISOString(),
    })),
    facts: x.facts.map((f) => ({ ...presentFact(f), courseId: f.courseId })),
    photos: x.photos.map((p) => ({ ...presentPhoto(p), courseId: p.courseId })),
  };
}

/** The patient's own routes: the data export and the monthly questions. */
export function patientExportRoutes(deps: ServerDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/me/export',
      operationId: 'exportMyData',
      summary: 'Patient: all of their own data as one JSON document (record, courses, events, prescriptions, authorizations, dispenses, clinical facts visible to them, photo metadata), audited read',
      tags: ['worklists'],
      responses: { 200: { description: 'The export', schema: patientExportSchema } },
      handler: async (request) => presentExport(await deps.app.worklists.exportData(actorOf(request))),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/courses/:courseId/comprehension-questions',
      operationId: 'answerComprehensionQuestions',
      summary: "Patient: answer this month's comprehension questions themself (graded by the server, recorded as a comprehension_questions programme event; PROG-QUESTIONS-PATIENT)",
      tags: ['courses'],
      body: comprehensionAnswersSchema,
      responses: { 201: { description: 'Recorded and graded', schema: comprehensionResultSchema } },
      handler: async (request, reply, body: ComprehensionAnswersRequest) => {
        const result = await deps.app.courses.answerQuestions(actorOf(request), uuidParam(request, 'courseId'), body);
        return reply.code(201).send({ eventId: result.eventId, ruleId: COMPREHENSION_RULE_ID, allCorrect: result.allCorrect, items: result.items.map((i) => ({ ...i })) });
      },
    }),
  ];
}
