import { z } from 'zod';

export const healthSchema = z
  .object({
    status: z.literal('alive'),
    version: z.string().describe('Version of the running isocourse'),
  })
  .meta({ id: 'Health' });

export const readinessSchema = z
  .object({
    status: z.literal('ready'),
    database: z.literal('up'),
  })
  .meta({ id: 'Readiness' });

export type Health = z.infer<typeof healthSchema>;
export type Readiness = z.infer<typeof readinessSchema>;
