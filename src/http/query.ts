import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ProblemError } from './problem.js';
import { fieldIssues } from './route.js';

/** Validates the query string with a zod schema: every issue, as a 400 problem. */
export function queryOf<S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> {
  const parsed = schema.safeParse(request.query ?? {});
  if (!parsed.success) throw new ProblemError('validation_failed', 'Some query parameters are missing or invalid.', fieldIssues(parsed.error.issues));
  return parsed.data;
}
