import { describe, expect, it } from 'vitest';
import { MovableClock } from '../testing/clock.js';
import { SandboxClock } from './sandbox-clock.js';

describe('SEC-SANDBOX: the sandbox clock', () => {
  it('reads real time until it is moved', () => {
    const real = new MovableClock('2026-11-22T10:00:00Z');
    const clock = new SandboxClock(real);
    expect(clock.now().toISOString()).toBe('2026-11-22T10:00:00.000Z');
    expect(clock.offset()).toBe(0);
  });

  it('reads the instant it was moved to, then runs on with real time', () => {
    const real = new MovableClock('2026-11-22T10:00:00Z');
    const clock = new SandboxClock(real);
    clock.moveTo(new Date('2027-01-15T09:30:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-15T09:30:00.000Z');
    real.advance(90_000);
    expect(clock.now().toISOString()).toBe('2027-01-15T09:31:30.000Z');
    expect(clock.realNow().toISOString()).toBe('2026-11-22T10:01:30.000Z');
  });

  it('moves backwards as well as forwards', () => {
    const real = new MovableClock('2026-11-22T10:00:00Z');
    const clock = new SandboxClock(real);
    clock.moveTo(new Date('2026-06-01T00:00:00Z'));
    expect(clock.offset()).toBeLessThan(0);
    clock.moveTo(real.now());
    expect(clock.offset()).toBe(0);
  });
});
