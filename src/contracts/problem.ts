import { z } from 'zod';

/** RFC 9457 problem details, with our stable `code` and the request id as extension members. */
export const problemSchema = z
  .object({
    type: z.string().describe('URI naming the problem type: urn:isocourse:problem:<code>'),
    title: z.string().describe('Short, human-readable summary of the problem type'),
    status: z.number().int().describe('HTTP status code'),
    detail: z.string().optional().describe('Explanation specific to this occurrence'),
    instance: z.string().optional().describe('The request path'),
    code: z.string().describe('Stable snake_case error code'),
    requestId: z.string().describe('Id of the request; quote it when reporting a problem'),
    errors: z
      .array(z.object({ pointer: z.string().describe('JSON Pointer to the field'), detail: z.string() }))
      .optional()
      .describe('Every validation issue, when the request was invalid'),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;
