import { z } from 'zod';
import { verifyAuditLog } from '../db/audit.repository.js';
import { bootstrapClinic } from '../app/bootstrap.js';
import { AppError } from '../app/errors.js';
import { systemClock } from '../app/ports.js';
import { isValidTimeZone } from '../domain/calendar/index.js';
import { describeIssues, type CommandIo } from './json-command.js';
import { openMigrated, readConfig } from './serve.js';

const bootstrapSchema = z.object({
  clinic: z.object({
    name: z.string().trim().min(1).max(200),
    jurisdiction: z.enum(['US', 'EU', 'EU-FR', 'EU-IT', 'UK']),
    timeZone: z.string().refine(isValidTimeZone, 'an IANA time zone such as America/New_York'),
  }),
  admin: z.object({ email: z.email(), displayName: z.string().trim().min(1).max(200), password: z.string().min(12).max(1024) }),
});

/** `isocourse bootstrap`: a clinic and its first administrator, from JSON on stdin. */
export async function bootstrap(io: CommandIo): Promise<number> {
  let json: unknown;
  try {
    json = JSON.parse(await io.readStdin());
  } catch {
    io.stderr('isocourse bootstrap: input is not valid JSON\n');
    return 2;
  }
  const parsed = bootstrapSchema.safeParse(json);
  if (!parsed.success) {
    io.stderr(`isocourse bootstrap: invalid input\n${describeIssues(parsed.error.issues).map((l) => `  ${l}\n`).join('')}`);
    return 2;
  }
  const config = readConfig(io);
  if (config === undefined) return 2;
  const handle = await openMigrated(config, io);
  if (handle === undefined) return 1;
  try {
    const result = await bootstrapClinic({ db: handle.db, clock: systemClock }, parsed.data);
    io.stdout(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr(`isocourse bootstrap: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}

/** `isocourse audit verify`: recomputes every audit chain; exit 1 when any entry was altered or removed. */
export async function auditVerify(io: CommandIo): Promise<number> {
  const config = readConfig(io);
  if (config === undefined) return 2;
  const handle = await openMigrated(config, io);
  if (handle === undefined) return 1;
  try {
    const result = await verifyAuditLog(handle.db);
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    if (!result.ok) io.stderr(`isocourse audit verify: ${result.problems.length} problem(s) found: the audit log was altered\n`);
    return result.ok ? 0 : 1;
  } finally {
    await handle.close();
  }
}
