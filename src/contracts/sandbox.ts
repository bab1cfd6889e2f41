import { z } from 'zod';

export const sandboxClockRequestSchema = z
  .strictObject({ at: z.iso.datetime({ offset: true }).describe('the instant the clock should read now (ISO 8601 with offset); it runs on from there') })
  .meta({ id: 'SandboxClockRequest' });

export const sandboxClockSchema = z
  .object({
    sandbox: z.literal(true),
    now: z.string().describe('what the server clock reads'),
    realNow: z.string().describe('real time'),
    offsetMs: z.number().int().describe('now - realNow in milliseconds'),
  })
  .meta({ id: 'SandboxClock' });
