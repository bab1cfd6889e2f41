import type { Kysely } from 'kysely';
import { appendAudit } from '../../db/audit.repository.js';
import type { Database } from '../../db/schema.js';
import { requireRole } from '../auth/principal.js';
import { auditOf, type Actor } from '../course/course-context.js';
import { AppError } from '../errors.js';
import type { SandboxClock } from './sandbox-clock.js';

export interface SandboxClockView {
  /** What the server's clinical clock reads now. */
  readonly now: Date;
  /** Real time. */
  readonly realNow: Date;
  readonly offsetMs: number;
}

/** Sandbox mode (SEC-SANDBOX): `enabled` is false unless the server was started with SANDBOX=1. */
export interface SandboxServices {
  readonly enabled: boolean;
  readClock(actor: Actor): SandboxClockView;
  moveClock(actor: Actor, at: Date): Promise<SandboxClockView>;
}

/** The earliest and latest instants the clock may be moved to (anything else is a typo). */
export const SANDBOX_EARLIEST = new Date('2000-01-01T00:00:00Z');
export const SANDBOX_LATEST = new Date('2100-01-01T00:00:00Z');

function notInSandbox(): never {
  // normal mode: the sandbox routes do not exist
  throw new AppError('not_found', 'Not found.');
}

function viewOf(clock: SandboxClock): SandboxClockView {
  return { now: clock.now(), realNow: clock.realNow(), offsetMs: clock.offset() };
}

export function sandboxServices(db: Kysely<Database>, clock: SandboxClock | undefined): SandboxServices {
  if (clock === undefined) {
    return { enabled: false, readClock: notInSandbox, moveClock: () => Promise.reject(new AppError('not_found', 'Not found.')) };
  }
  return {
    enabled: true,
    // any signed-in user may see which day the sandbox believes it is
    readClock: () => viewOf(clock),
    moveClock: async (actor, at) => {
      requireRole(actor.principal, ['clinic_admin']);
      if (at < SANDBOX_EARLIEST || at >= SANDBOX_LATEST) {
        throw new AppError('invalid_input', 'Move the clock to an instant from 2000 to 2099.', { errors: [{ pointer: '/at', detail: 'out of range' }] });
      }
      const before = clock.now();
      clock.moveTo(at);
      // recorded at the instant the clock showed before the move, in the admin's clinic chain
      await db.transaction().execute((trx) =>
        appendAudit(trx, auditOf(actor, before, { action: 'move_sandbox_clock', resourceType: 'sandbox_clock', resourceId: at.toISOString(), clinicId: actor.principal.clinicId, patientId: null })),
      );
      return viewOf(clock);
    },
  };
}
