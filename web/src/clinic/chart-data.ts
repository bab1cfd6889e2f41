import type { z } from 'zod';
import { cumulativeDoseSchema, factListSchema, photoListSchema } from '../../../src/contracts/clinical-views.js';
import { courseDetailSchema } from '../../../src/contracts/course.js';
import { parserFor } from '../api/parse.js';
import type { Query } from '../api/use-api-query.js';

/** The course record as GET /api/courses/:courseId answers it. */
export type CourseDetail = z.output<typeof courseDetailSchema>;
export type ClinicalFact = z.output<typeof factListSchema>['facts'][number];

export const parseCourseDetail = parserFor(courseDetailSchema);
export type FactList = z.output<typeof factListSchema>;
export type CumulativeDose = z.output<typeof cumulativeDoseSchema>;
export const parseFactList = parserFor(factListSchema);
export const parseCumulative = parserFor(cumulativeDoseSchema);
export type PhotoList = z.output<typeof photoListSchema>;
export const parsePhotoList = parserFor(photoListSchema);

/** The chart's reads of clinical facts, started together. */
export interface ChartFacts {
  readonly labs: Query<FactList>;
  readonly phq9: Query<FactList>;
  readonly symptoms: Query<FactList>;
  readonly gradings: Query<FactList>;
  readonly doses: Query<FactList>;
}

/** The API address of one of the course's reads. */
export const courseApiPath = (courseId: string, segment?: string): string =>
  `/api/courses/${encodeURIComponent(courseId)}${segment === undefined ? '' : `/${segment}`}`;

/** The prescription written last (the current one), or undefined before the first. */
export function currentPrescription(detail: CourseDetail): CourseDetail['prescriptions'][number] | undefined {
  let latest: CourseDetail['prescriptions'][number] | undefined;
  for (const p of detail.prescriptions) {
    if (latest === undefined || p.writtenOn >= latest.writtenOn) latest = p;
  }
  return latest;
}
