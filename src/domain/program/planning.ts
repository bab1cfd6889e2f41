import type { Instant, LocalDate } from '../calendar/index.js';
import type { Actor, IsoDate, PackRef, RuleId, Unmet } from './decision.js';
import type { ProgramCase } from './program-case.js';
import type { TestPurpose, TestSetting } from './pregnancy-tests.js';

/**
 * Planner types (phase 3 of the issue). A pack that can plan implements `planPickup` and
 * `planFirstCourse` of the RulePack interface with these shapes, so clinic, patient and pharmacy
 * see the same dated checklist whatever the jurisdiction.
 */
export interface PickupPlanRequest {
  /** Now: facts dated later are ignored and nothing is planned before this instant's day. */
  readonly at: Instant;
  /** The day the patient wants to collect (pack zone). */
  readonly intendedPickup: LocalDate;
  /** The pharmacy that will dispense; when given, its dispense is checked too. */
  readonly pharmacyId?: string | undefined;
}

/**
 * A fact the plan asks someone to create, with its date: applying every planned fact of a
 * feasible plan as events makes the pickup allowed (tested as a property).
 */
export type PlannedFact =
  | { readonly kind: 'pregnancy_test'; readonly on: IsoDate; readonly purpose: TestPurpose; readonly setting: TestSetting }
  | { readonly kind: 'contraception_started'; readonly on: IsoDate }
  | { readonly kind: 'comprehension_questions'; readonly on: IsoDate }
  | { readonly kind: 'counselling'; readonly on: IsoDate }
  | { readonly kind: 'office_visit'; readonly on: IsoDate }
  | { readonly kind: 'prescription'; readonly on: IsoDate }
  | { readonly kind: 'authorization'; readonly on: IsoDate }
  | { readonly kind: 'pickup'; readonly on: IsoDate };

export interface PlanStep {
  readonly who: Actor;
  readonly code: string;
  readonly ruleId: RuleId;
  readonly text: string;
  /** Not before this day. */
  readonly earliest?: IsoDate | undefined;
  /** At the latest on this day. */
  readonly latest?: IsoDate | undefined;
  /** The day the plan proposes (within earliest..latest). */
  readonly on?: IsoDate | undefined;
  readonly fact?: PlannedFact | undefined;
}

export interface PickupPlan {
  readonly kind: 'pickup_plan';
  readonly pack: PackRef;
  readonly intendedPickup: IsoDate;
  /** True when the intended day works if the steps are followed. */
  readonly feasible: boolean;
  /** The day the plan is built for: the intended day, or the earliest feasible one. */
  readonly plannedPickup?: IsoDate | undefined;
  /** Requirements that no plan can meet (a positive test, a course stopped, ...). */
  readonly obstacles: readonly Unmet[];
  readonly steps: readonly PlanStep[];
}

export interface FirstCoursePlanRequest {
  /** Day of the screening test that opens the calendar. */
  readonly screeningOn: LocalDate;
  /** Number of monthly prescriptions to lay out (default 5, about 20 weeks). */
  readonly months?: number | undefined;
}

export interface CourseCalendar {
  readonly kind: 'course_calendar';
  readonly pack: PackRef;
  readonly entries: readonly PlanStep[];
}

export type PlanRequest = ({ readonly kind: 'pickup' } & PickupPlanRequest) | ({ readonly kind: 'first_course' } & FirstCoursePlanRequest);

/** What `rules plan` reads: the facts of a case (no action) and what to plan. */
export interface PlanCase {
  readonly jurisdiction: ProgramCase['jurisdiction'];
  readonly clinic: ProgramCase['clinic'];
  readonly patient: ProgramCase['patient'];
  readonly events: ProgramCase['events'];
  readonly request: PlanRequest;
}

export type PlanAnswer = PickupPlan | CourseCalendar;
