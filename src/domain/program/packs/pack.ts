import type { LocalDate } from '../../calendar/index.js';
import type { Decision, PackId } from '../decision.js';
import type { CourseCalendar, FirstCoursePlanRequest, PickupPlan, PickupPlanRequest } from '../planning.js';
import type { ProgramCase } from '../program-case.js';

/** A problem with the input that the engine cannot judge (becomes a DomainInputError). */
export interface InputIssue {
  readonly code: string;
  /** Dotted path of the input field, e.g. `events.3.loinc`. */
  readonly field: string;
  readonly message: string;
}

/** What a pack receives besides the case. */
export interface PackContext {
  /** Zone of the programme's calendar days (DECISION 5). */
  readonly zone: string;
  /** The calendar day that chose this pack (DECISION-ACTION-DATE). */
  readonly actionDate: LocalDate;
  /**
   * Pack in force on another day of the same jurisdiction: facts are judged by the rules in
   * force on their own date (a test by its specimen date), even inside a later action.
   */
  readonly packIdOn: (day: LocalDate) => PackId;
  /** The whole engine (every pack), so that a planner can verify its plan as the engine will judge it. */
  readonly decide: (programCase: ProgramCase) => Decision;
}

/**
 * One dated rule pack. Pure functions of the case: same case, same decision. A change of
 * regulation is a new pack, never an edit of an old one (program-rules preamble).
 */
export interface RulePack {
  readonly id: PackId;
  /** Revision of this module's rules (not the regulation's date). */
  readonly version: string;
  readonly title: string;
  /** Pack-specific input checks (e.g. US: tubal ligation alone cannot make "cannot get pregnant"). */
  validate(programCase: ProgramCase): readonly InputIssue[];
  decide(programCase: ProgramCase, context: PackContext): Decision;
  /** The dated checklist that makes an intended pickup possible (planner). */
  planPickup?(programCase: ProgramCase, request: PickupPlanRequest, context: PackContext): PickupPlan;
  /** The whole calendar of a first course for a patient who can get pregnant. */
  planFirstCourse?(programCase: ProgramCase, request: FirstCoursePlanRequest, context: PackContext): CourseCalendar;
}
