import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CUMULATIVE_DOSE } from '../../app/clinical/clinical-codes.js';
import { CUMULATIVE_BASIS_RULE_ID } from '../../app/clinical/cumulative-dose.js';
import type { StoredFact } from '../../app/clinical/clinical-context.js';
import type { FactKind } from '../../app/clinical/clinical-services.js';
import {
  cumulativeQuerySchema,
  doseRequestSchema,
  gradingRequestSchema,
  labRequestSchema,
  noteRequestSchema,
  phq9RequestSchema,
  symptomReportSchema,
  weightRequestSchema,
  type DoseRequest,
  type GradingRequest,
  type LabRequest,
  type NoteRequest,
  type Phq9Request,
  type SymptomReport,
  type WeightRequest,
} from '../../contracts/clinical.js';
import {
  cumulativeDoseSchema,
  doseResponseSchema,
  factListSchema,
  labResponseSchema,
  phq9ResponseSchema,
  recordedFactResponseSchema,
  symptomResponseSchema,
} from '../../contracts/clinical-views.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import type { ServerDeps } from '../server-deps.js';
import { photoRoutes } from './clinical-photos.routes.js';
import { actorOf, parsedQuery, presentFact, presentStored } from './clinical-present.js';
import { uuidParam } from './courses.routes.js';

const TAGS = ['clinical'];

/** The list route of each kind: GET /api/courses/:courseId/<segment> (audited read). */
const LISTS: ReadonlyArray<{ kind: FactKind; segment: string; operationId: string; what: string }> = [
  { kind: 'dose', segment: 'doses', operationId: 'listDoses', what: 'Doses taken and missed (SNOMED CT substance, RxNorm SCD when known, UCUM mg)' },
  { kind: 'weight', segment: 'weights', operationId: 'listWeights', what: 'Weights (LOINC 29463-7, kg)' },
  { kind: 'lab', segment: 'labs', operationId: 'listLabs', what: 'Lab results with LOINC, UCUM, reference range high and CTCAE grade' },
  { kind: 'phq9', segment: 'phq9', operationId: 'listPhq9', what: 'PHQ-9 responses (LOINC 44249-1) with total, band and red flags' },
  { kind: 'symptoms', segment: 'symptoms', operationId: 'listSymptomReports', what: 'Symptom reports with their triage' },
  { kind: 'grading', segment: 'gradings', operationId: 'listGradings', what: 'Acne and scar gradings (IGA, lesion counts, GAGS, Leeds, scars)' },
  { kind: 'note', segment: 'notes', operationId: 'listNotes', what: 'Clinical notes (a patient sees the ones marked visible to them)' },
];

function created(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.code(201).send(body);
}

function course(request: FastifyRequest): string {
  return uuidParam(request, 'courseId');
}

function simple<Body>(url: string, operationId: string, summary: string, body: z.ZodType<Body>, run: (request: FastifyRequest, input: Body) => Promise<StoredFact>): RouteDefinition {
  return defineRoute({
    method: 'POST',
    url,
    operationId,
    summary,
    tags: TAGS,
    body,
    responses: { 201: { description: 'Recorded', schema: recordedFactResponseSchema } },
    handler: async (request, reply, input: Body) => created(reply, presentStored(await run(request, input))),
  });
}

export function clinicalRoutes(deps: ServerDeps): RouteDefinition[] {
  const clinical = deps.app.clinical;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/courses/:courseId/doses',
      operationId: 'recordDose',
      summary: 'Record a dose taken or missed (patient or staff); a day and dose index is recorded once, a missed dose is never doubled',
      tags: TAGS,
      body: doseRequestSchema,
      responses: { 201: { description: 'Recorded', schema: doseResponseSchema } },
      handler: async (request, reply, input: DoseRequest) => {
        const result = await clinical.recordDose(actorOf(request), course(request), input);
        return created(reply, { ...presentStored(result), advice: result.advice });
      },
    }),
    simple('/api/courses/:courseId/weights', 'recordWeight', 'Record a body weight in kg (staff; LOINC 29463-7, one per day)', weightRequestSchema, (request, input: WeightRequest) =>
      clinical.recordWeight(actorOf(request), course(request), input),
    ),
    defineRoute({
      method: 'GET',
      url: '/api/courses/:courseId/cumulative-dose',
      operationId: 'getCumulativeDose',
      summary: 'The cumulative dose taken, in mg and mg/kg, with the weight history and the Absorica LD equivalent when relevant (query: rebaseOn)',
      tags: TAGS,
      responses: { 200: { description: 'The cumulative dose', schema: cumulativeDoseSchema } },
      handler: async (request) => {
        const query = parsedQuery(cumulativeQuerySchema, request);
        const { cumulative: c, product } = await clinical.cumulativeDose(actorOf(request), course(request), query);
        return {
          ruleId: c.ruleId,
          basisRuleId: CUMULATIVE_BASIS_RULE_ID,
          code: { system: CUMULATIVE_DOSE.system, code: CUMULATIVE_DOSE.code, display: CUMULATIVE_DOSE.display },
          totalMg: c.totalMg,
          mgPerKg: c.mgPerKg,
          unit: 'mg/kg',
          basis: { kind: c.basis.kind, weightKg: c.basis.weightKg, ...(c.basis.date === undefined ? {} : { date: c.basis.date }) },
          baselineWeightKg: c.baselineWeightKg,
          baselineMgPerKg: c.baselineMgPerKg,
          dosesCounted: c.dosesCounted,
          daysWithDose: c.daysWithDose,
          missedEntries: c.missedEntries,
          firstDoseDate: c.firstDoseDate ?? null,
          lastDoseDate: c.lastDoseDate ?? null,
          weightHistory: c.weightHistory.map((w) => ({ date: w.date, weightKg: w.weightKg })),
          target: c.target === undefined ? null : { targetMgPerKg: c.target.targetMgPerKg, targetMg: c.target.targetMg, remainingMg: c.target.remainingMg, reached: c.target.reached },
          conventionalEquivalent:
            c.conventionalEquivalent === undefined
              ? null
              : { ruleId: c.conventionalEquivalent.ruleId, label: c.conventionalEquivalent.label, totalMg: c.conventionalEquivalent.totalMg, mgPerKg: c.conventionalEquivalent.mgPerKg },
          product,
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/courses/:courseId/labs',
      operationId: 'recordLab',
      summary: 'Record a lab result (staff): graded by CTCAE v5; grade >= 3 an urgent task, grade 2 a soon one; a pregnancy test also goes through the programme',
      tags: TAGS,
      body: labRequestSchema,
      responses: { 201: { description: 'Recorded', schema: labResponseSchema } },
      handler: async (request, reply, input: LabRequest) => {
        const result = await clinical.recordLab(actorOf(request), course(request), input);
        const p = result.programme;
        return created(reply, {
          ...presentStored(result),
          programme: p === null ? null : { eventId: p.eventId, decision: p.decision, courseStatus: p.courseStatus, reversedAuthorizations: [...p.reversedAuthorizations] },
        });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/courses/:courseId/phq9',
      operationId: 'recordPhq9',
      summary: 'Record a PHQ-9 response (patient or staff): item 9 above 0 an urgent task, a rise of 5 from baseline a soon one; incomplete forms are kept as incomplete',
      tags: TAGS,
      body: phq9RequestSchema,
      responses: { 201: { description: 'Recorded', schema: phq9ResponseSchema } },
      handler: async (request, reply, input: Phq9Request) => {
        const result = await clinical.recordPhq9(actorOf(request), course(request), input);
        return created(reply, { ...presentStored(result), patientMessages: [...result.assessment.patientMessages] });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/courses/:courseId/symptoms',
      operationId: 'recordSymptomReport',
      summary: 'Record a symptom report (patient or staff), triaged: stop-and-urgent an urgent task, contact-the-prescriber a soon one; the answer says what to do',
      tags: TAGS,
      body: symptomReportSchema,
      responses: { 201: { description: 'Recorded', schema: symptomResponseSchema } },
      handler: async (request, reply, input: SymptomReport) => {
        const result = await clinical.recordSymptoms(actorOf(request), course(request), input);
        return created(reply, { ...presentStored(result), overallAction: result.triage.overallAction, whatToDo: [...result.whatToDo] });
      },
    }),
    simple('/api/courses/:courseId/gradings', 'recordGrading', 'Record an acne or scar grading (staff): IGA, lesion counts, GAGS, Leeds revised or Goodman & Baron scars', gradingRequestSchema, (request, input: GradingRequest) =>
      clinical.recordGrading(actorOf(request), course(request), input),
    ),
    simple('/api/courses/:courseId/notes', 'recordNote', 'Record a clinical note (staff; internal unless marked visible to the patient)', noteRequestSchema, (request, input: NoteRequest) =>
      clinical.recordNote(actorOf(request), course(request), input),
    ),
    ...LISTS.map(({ kind, segment, operationId, what }) =>
      defineRoute({
        method: 'GET',
        url: `/api/courses/:courseId/${segment}`,
        operationId,
        summary: `${what} (patient and clinic; audited read)`,
        tags: TAGS,
        responses: { 200: { description: 'The facts, oldest first', schema: factListSchema } },
        handler: async (request) => ({ facts: (await clinical.listFacts(actorOf(request), course(request), kind)).map(presentFact) }),
      }),
    ),
    ...photoRoutes(deps),
  ];
}
