import { ownCourseSchema } from '../../../src/contracts/worklist.js';
import type { z } from 'zod';
import { parserFor } from '../api/parse.js';
import { useApiQuery, type Query } from '../api/use-api-query.js';

export type OwnCourse = z.output<typeof ownCourseSchema>;
const OPEN = new Set(['qualifying', 'active', 'paused']);

/** The patient's own course summary (GET /api/me/course): the open one, else the latest. */
export function useOwnCourse(): Query<OwnCourse> {
  return useApiQuery('/api/me/course', parserFor(ownCourseSchema));
}

/** The id of the open course, where check-ins and doses are saved; undefined when none is open. */
export function openCourseId(own: OwnCourse): string | undefined {
  return own.course !== null && OPEN.has(own.course.status) ? own.course.id : undefined;
}
