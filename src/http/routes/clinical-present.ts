import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { StoredFact } from '../../app/clinical/clinical-context.js';
import type { TaskSpec } from '../../app/clinical/clinical-tasks.js';
import type { ClinicalFact } from '../../app/clinical/clinical-services.js';
import type { clinicalFactSchema, createdTaskSchema } from '../../contracts/clinical-views.js';
import { principal, requestContext } from '../auth/session-hook.js';
import { ProblemError } from '../problem.js';
import { fieldIssues } from '../route.js';

export function actorOf(request: FastifyRequest) {
  return { principal: principal(request), context: requestContext(request) };
}

/** Validates the query string: every issue, as a 400 problem naming the parameter. */
export function parsedQuery<S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> {
  const parsed = schema.safeParse(request.query ?? {});
  if (!parsed.success) throw new ProblemError('validation_failed', 'Some query parameters are missing or invalid.', fieldIssues(parsed.error.issues));
  return parsed.data;
}

/** Presenter: the fields of a clinical fact a client may see, listed explicitly. */
export function presentFact(f: ClinicalFact): z.input<typeof clinicalFactSchema> {
  return {
    id: f.id,
    kind: f.kind,
    occurredAt: f.occurredAt.toISOString(),
    effectiveOn: f.effectiveOn,
    code: { system: f.code.system, code: f.code.code, display: f.code.display },
    codings: f.codings.map((c) => ({ system: c.system, code: c.code, display: c.display })),
    value: f.valueNumeric === null ? null : Number(f.valueNumeric),
    valueText: f.valueText,
    unit: f.unit,
    referenceRangeHigh: f.referenceHigh === null ? null : Number(f.referenceHigh),
    data: f.data,
    result: f.result,
    alert: f.alert,
    visibleToPatient: f.visibleToPatient,
    programEventId: f.programEventKey,
    recordedAt: f.recordedAt.toISOString(),
    recordedBy: f.recordedBy,
    recordedByRole: f.recordedRole,
    onBehalfOf: f.onBehalfOf,
  };
}

/** Tasks as the caller sees them: kind, urgency and rule ids (the text stays on the worklist). */
export function presentTasks(tasks: readonly TaskSpec[]): Array<z.input<typeof createdTaskSchema>> {
  return tasks.map((t) => ({ kind: t.kind, urgency: t.urgency, ruleIds: [...t.ruleIds] }));
}

export function presentStored(stored: StoredFact) {
  return { fact: presentFact(stored.record), tasks: presentTasks(stored.tasks) };
}
