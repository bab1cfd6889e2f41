import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { SandboxClock } from '../../app/sandbox/sandbox-clock.js';
import type { AppServices } from '../../app/services.js';
import { MovableClock } from '../../app/testing/clock.js';
import { dayOf, instantOf, type DemoContext } from './demo-context.js';
import { DemoPlan, DemoStepError } from './demo-plan.js';

// 2026-11-22 08:00 in New York: "today at 10:00" has not happened yet
const REAL_NOW = new Date('2026-11-22T13:00:00Z');

function context(): DemoContext {
  const real = new MovableClock(REAL_NOW);
  return { services: {} as AppServices, clock: new SandboxClock(real), zone: 'America/New_York', today: Temporal.PlainDate.from('2026-11-22'), realNow: REAL_NOW };
}

describe('the demo timeline', () => {
  it('places a step at a local time on a day relative to today, in the clinic zone', () => {
    const ctx = context();
    expect(instantOf(ctx, -3, '09:30').toISOString()).toBe('2026-11-19T14:30:00.000Z');
    expect(dayOf(ctx, -40)).toBe('2026-10-13');
  });

  it('never places a step after the moment the demo started: today at 10:00 becomes a minute before 08:00', () => {
    const ctx = context();
    expect(instantOf(ctx, 0, '07:58').toISOString()).toBe('2026-11-22T12:58:00.000Z');
    expect(instantOf(ctx, 0, '10:00').toISOString()).toBe('2026-11-22T12:59:00.000Z');
  });

  it('runs the steps of every story in time order, with the clock at each step, and keeps the order of steps at the same moment', async () => {
    const ctx = context();
    const plan = new DemoPlan(ctx);
    const seen: string[] = [];
    const note = (label: string) => async () => {
      seen.push(`${label}@${ctx.clock.now().toISOString()}`);
      await Promise.resolve();
    };
    plan.at(-2, '11:00', 'b2', note('b2'));
    plan.at(-5, '09:00', 'a1', note('a1'));
    plan.at(-2, '11:00', 'b3', note('b3'));
    plan.at(-3, '16:00', 'c1', note('c1'));
    await plan.run();
    expect(seen).toEqual(['a1@2026-11-17T14:00:00.000Z', 'c1@2026-11-19T21:00:00.000Z', 'b2@2026-11-20T16:00:00.000Z', 'b3@2026-11-20T16:00:00.000Z']);
  });

  it('names the failing step, its moment and the use case\'s reason', async () => {
    const ctx = context();
    const plan = new DemoPlan(ctx);
    plan.at(-1, '10:00', 'Sam Rivera: dispense', () => Promise.reject(Object.assign(new Error('Not allowed now: window_closed.'), { details: { code: 'x' } })));
    const failure = await plan.run().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DemoStepError);
    expect((failure as Error).message).toBe('the demo step "Sam Rivera: dispense" (2026-11-21T15:00:00.000Z) failed: Not allowed now: window_closed. {"code":"x"}');
  });
});
