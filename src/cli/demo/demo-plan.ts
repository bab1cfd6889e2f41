import { instantOf, type DemoContext } from './demo-context.js';

interface Step {
  readonly at: Date;
  readonly order: number;
  readonly label: string;
  readonly run: () => Promise<void>;
}

/**
 * The demo's history as dated steps, run in the order they happened across every story, with
 * the clock moved to each step's moment: the record, its decisions and the audit log read as if
 * the clinic had lived those weeks (audit entries in time order, windows judged on their days).
 */
export class DemoPlan {
  private readonly steps: Step[] = [];

  constructor(private readonly ctx: DemoContext) {}

  /** Schedules `run` at a local time (`HH:MM`) on a day relative to today. */
  at(day: number, time: string, label: string, run: () => Promise<void>): void {
    this.steps.push({ at: instantOf(this.ctx, day, time), order: this.steps.length, label, run });
  }

  async run(): Promise<void> {
    const ordered = [...this.steps].sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
    for (const step of ordered) {
      this.ctx.clock.moveTo(step.at);
      try {
        await step.run();
      } catch (error) {
        throw new DemoStepError(step.label, step.at, error);
      }
    }
  }
}

/** Which story step failed and when, with the use case's own error as the cause. */
export class DemoStepError extends Error {
  constructor(label: string, at: Date, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const details = typeof cause === 'object' && cause !== null && 'details' in cause ? ` ${JSON.stringify(cause.details)}` : '';
    super(`the demo step "${label}" (${at.toISOString()}) failed: ${reason}${details}`, { cause });
    this.name = 'DemoStepError';
  }
}
