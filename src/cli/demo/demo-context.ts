import { Temporal } from 'temporal-polyfill';
import type { Principal } from '../../app/auth/principal.js';
import type { Actor } from '../../app/course/course-context.js';
import type { SandboxClock } from '../../app/sandbox/sandbox-clock.js';
import type { AppServices } from '../../app/services.js';

/**
 * What every demo story needs: the real use cases, bound to a movable clock, and the clinic's
 * calendar. History is laid out in days relative to today (day 0) in the clinic's zone, so the
 * demo always looks current: "screened 3 days ago", "window closes in 4 days".
 */
export interface DemoContext {
  readonly services: AppServices;
  readonly clock: SandboxClock;
  readonly zone: string;
  /** Today in the clinic's zone (real time). */
  readonly today: Temporal.PlainDate;
  /** Real time when the demo started: nothing is recorded after it. */
  readonly realNow: Date;
}

/** Requests the demo makes carry no client address; the request id says where they came from. */
export function actorOf(principal: Principal): Actor {
  return { principal, context: { ip: null, requestId: 'isocourse-demo' } };
}

/** The calendar day `offset` days from today, `YYYY-MM-DD`. */
export function dayOf(ctx: DemoContext, offset: number): string {
  return ctx.today.add({ days: offset }).toString();
}

/**
 * The instant of a local time on a day relative to today, never later than a minute before the
 * demo started (a story step "today at 10:00" run at 08:00 happens at 07:59 instead).
 */
export function instantOf(ctx: DemoContext, offset: number, time: string): Date {
  const zoned = ctx.today.add({ days: offset }).toZonedDateTime({ timeZone: ctx.zone, plainTime: Temporal.PlainTime.from(time) });
  const at = new Date(zoned.epochMilliseconds);
  const latest = new Date(ctx.realNow.getTime() - 60_000);
  return at < latest ? at : latest;
}

/** Moves the clock to a local time on a day relative to today; returns the instant as ISO text. */
export function goTo(ctx: DemoContext, offset: number, time: string): string {
  const at = instantOf(ctx, offset, time);
  ctx.clock.moveTo(at);
  return at.toISOString();
}

/** ISO text of an instant a number of minutes before the clock (a specimen collected before it is recorded). */
export function minutesAgo(ctx: DemoContext, minutes: number): string {
  return new Date(ctx.clock.now().getTime() - minutes * 60_000).toISOString();
}
