import type { z } from 'zod';
import type { courseDetailSchema } from '../../../src/contracts/course.js';

type CourseDetail = z.output<typeof courseDetailSchema>;

/** Prescriptions that may still get an authorization: none open or dispensed against them (DECISION 6). */
export function awaitingAuthorization(course: Pick<CourseDetail, 'prescriptions' | 'authorizations'>): CourseDetail['prescriptions'] {
  return course.prescriptions.filter((p) => !course.authorizations.some((a) => a.prescriptionId === p.id && (a.status === 'open' || a.status === 'dispensed')));
}
