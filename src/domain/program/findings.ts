import type { Instant, LocalDate } from '../calendar/index.js';
import type { ProgramAction } from './actions.js';
import type {
  AuthorizationWindow,
  CourseEndSummary,
  Decision,
  IsoDate,
  NextStep,
  PackRef,
  RuleId,
  Unmet,
  Warning,
} from './decision.js';

/**
 * Collects what a pack finds while judging one action and turns it into a Decision. A pack never
 * stops at the first problem: it adds every unmet requirement it finds (DECISION 9), and the
 * outcome is derived from the list, so "allowed with a blocking reason" cannot be built.
 */
export interface RequirementInput {
  readonly code: string;
  readonly ruleId: RuleId;
  readonly staff: string;
  readonly patient: string;
  readonly earliest?: LocalDate | undefined;
  /** What someone must do to meet it; shown in `nextSteps` when the decision is blocked. */
  readonly step?: Omit<NextStep, 'code' | 'ruleId'> | undefined;
}

export class Findings {
  readonly #unmet: Unmet[] = [];
  readonly #blockedSteps: NextStep[] = [];
  readonly #steps: NextStep[] = [];
  readonly #warnings: Warning[] = [];

  require(input: RequirementInput): void {
    const duplicate = this.#unmet.some((u) => u.code === input.code && u.staffMessage === input.staff);
    if (duplicate) return;
    this.#unmet.push({
      code: input.code,
      ruleId: input.ruleId,
      staffMessage: input.staff,
      patientMessage: input.patient,
      ...(input.earliest === undefined ? {} : { earliestDate: input.earliest.toString() }),
    });
    if (input.step !== undefined) this.#blockedSteps.push({ ...input.step, code: input.code, ruleId: input.ruleId });
  }

  warn(code: string, ruleId: RuleId, staff: string, patient: string): void {
    if (this.#warnings.some((w) => w.code === code && w.staffMessage === staff)) return;
    this.#warnings.push({ code, ruleId, staffMessage: staff, patientMessage: patient });
  }

  /** A step shown whatever the outcome (e.g. the US14 steps after a positive test). */
  step(step: NextStep): void {
    if (this.#steps.some((s) => s.code === step.code && s.who === step.who && s.text === step.text)) return;
    this.#steps.push(step);
  }

  get blocked(): boolean {
    return this.#unmet.length > 0;
  }

  get unmetCodes(): readonly string[] {
    return this.#unmet.map((u) => u.code);
  }

  toDecision(args: {
    readonly pack: PackRef;
    readonly action: ProgramAction;
    readonly actionDate: LocalDate;
    /** Shown only when the outcome is `allowed`. */
    readonly window?: AuthorizationWindow | undefined;
    /** Steps for an allowed outcome (collect by, next test from, ...). */
    readonly allowedSteps?: readonly NextStep[] | undefined;
    readonly courseEnd?: CourseEndSummary | undefined;
  }): Decision {
    const blocked = this.blocked;
    const steps = [...this.#steps, ...(blocked ? this.#blockedSteps : (args.allowedSteps ?? []))];
    return {
      outcome: blocked ? 'blocked' : 'allowed',
      pack: args.pack,
      action: { kind: args.action.kind, at: zoned(args.action.at, args.pack.zone) },
      actionDate: args.actionDate.toString(),
      unmet: [...this.#unmet],
      ...(blocked || args.window === undefined ? {} : { window: args.window }),
      warnings: [...this.#warnings],
      nextSteps: steps,
      ...(args.courseEnd === undefined ? {} : { courseEnd: args.courseEnd }),
    };
  }
}

/** An instant shown in a zone to the second (23:59:59.999999999 reads 23:59:59, DECISION 5). */
export function zoned(at: Instant, zone: string): string {
  return at.toZonedDateTimeISO(zone).toString({ smallestUnit: 'second' });
}

export function iso(day: LocalDate): IsoDate {
  return day.toString();
}
