import { systemClock, type Clock } from '../ports.js';

/**
 * SEC-SANDBOX: the movable clock of sandbox mode (training and what-if). It keeps running from
 * the moment it was moved to, so a trainee sees time pass as usual: now = real now + offset.
 * Only clinical time moves; sessions, lockouts, one-time codes and temporary passwords keep
 * real time (src/app/services.ts), so moving the clock never signs anybody out.
 */
export class SandboxClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly real: Clock = systemClock) {}

  now(): Date {
    return new Date(this.real.now().getTime() + this.offsetMs);
  }

  /** Moves the clock so that it reads `at` now (forwards or backwards). */
  moveTo(at: Date): void {
    this.offsetMs = at.getTime() - this.real.now().getTime();
  }

  /** Real time, for showing how far the sandbox is from it. */
  realNow(): Date {
    return this.real.now();
  }

  offset(): number {
    return this.offsetMs;
  }
}
