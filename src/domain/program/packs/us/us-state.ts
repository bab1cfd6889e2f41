import { Temporal } from 'temporal-polyfill';
import { compareDates, localDateOf, maxDate, type LocalDate } from '../../../calendar/index.js';
import type { EventOf } from '../../events.js';
import { US_PROGRAMME_ZONE } from '../../jurisdiction.js';
import type { ClinicSettings, ProgramCase } from '../../program-case.js';
import type { RiskAssessment } from '../../risk.js';
import { currentCourse, coursesOf, eventsOf, riskOn, timelineOf, type CourseSpan, type Timeline } from '../../timeline.js';
import type { PackContext } from '../pack.js';
import { usVariant, type UsVariant } from './us-rules.js';

export type TestEvent = EventOf<'pregnancy_test'>;
export type DispenseEvent = EventOf<'dispense'>;

export interface QualifyingTest {
  readonly test: TestEvent;
  readonly day: LocalDate;
  /** US7: Day 1 + 6; the window closes at 23:59:59 New York time on it. */
  readonly lastDay: LocalDate;
}

/** The qualifying test, or the earliest day a new qualifying test can be collected. */
export type TestOutcome = { readonly q: QualifyingTest } | { readonly q?: undefined; readonly nextTestFrom: LocalDate };


/**
 * Everything the US rules derive from a case before judging one action, computed once so every
 * check reads the same facts (and so that "all unmet requirements" are about the same state).
 */
export interface UsState {
  readonly programCase: ProgramCase;
  readonly timeline: Timeline;
  readonly settings: ClinicSettings;
  /** America/New_York (US7, DECISION 5). */
  readonly zone: string;
  /** The action's day in New York: windows are judged on it. */
  readonly actionDay: LocalDate;
  /** The action's day in the clinic's zone: date-only facts are compared with it. */
  readonly clinicDay: LocalDate;
  readonly variant: UsVariant;
  /** Variant in force on another day: a test is judged by its own specimen date. */
  readonly variantOn: (day: LocalDate) => UsVariant;
  readonly courses: readonly CourseSpan[];
  readonly course: CourseSpan | undefined;
  readonly risk: RiskAssessment;
  /**
   * First day of the current pre-treatment sequence: the course start, or a later change of
   * risk category from "cannot" to "can" (DECISION-RISK-CHANGE restarts the sequence).
   */
  readonly phaseStart: LocalDate | undefined;
  readonly riskRestartOn: LocalDate | undefined;
  /** Visible tests, in collection order. */
  readonly tests: readonly TestEvent[];
  /** Positive tests not cleared by a re-qualification or a course stop (US14). */
  readonly blockingPositives: readonly TestEvent[];
  /**
   * Tests whose result is not recorded, whenever they were collected (DECISION 8): a pending test
   * from before the course (or from an earlier course) may be a pregnancy; the clinic resolves it
   * by recording its result, or `invalid` when the specimen was lost.
   */
  readonly pendingTests: readonly TestEvent[];
  readonly dispensesInPhase: readonly DispenseEvent[];
  readonly firstDoseOn: LocalDate | undefined;
  readonly lastDoseOn: LocalDate | undefined;
}

export function testDay(test: { readonly collectedAt: Temporal.Instant }, clinicZone: string): LocalDate {
  return localDateOf(test.collectedAt, clinicZone);
}

function lastRiskRestart(timeline: Timeline, from: LocalDate): LocalDate | undefined {
  let previous = timeline.initialRisk.category;
  let restart: LocalDate | undefined;
  for (const event of eventsOf(timeline, 'risk_category_changed')) {
    const next = event.assessment.category;
    if (compareDates(event.on, from) >= 0 && previous !== 'can_get_pregnant' && next === 'can_get_pregnant') {
      restart = event.on;
    }
    previous = next;
  }
  return restart;
}

function isCleared(timeline: Timeline, positive: TestEvent, zone: string): boolean {
  const day = testDay(positive, zone);
  const requalified = eventsOf(timeline, 'requalified').some(
    (r) => Temporal.Instant.compare(r.at, positive.collectedAt) >= 0,
  );
  const stopped = eventsOf(timeline, 'course_stopped').some((s) => compareDates(s.on, day) >= 0);
  return requalified || stopped;
}

export function usState(programCase: ProgramCase, context: PackContext): UsState {
  const timeline = timelineOf(programCase);
  const zone = programCase.clinic.timeZone;
  const course = currentCourse(timeline);
  const riskRestartOn = course === undefined ? undefined : lastRiskRestart(timeline, course.startedOn);
  const phaseStart =
    course === undefined ? undefined : riskRestartOn === undefined ? course.startedOn : maxDate(course.startedOn, riskRestartOn);
  const tests = eventsOf(timeline, 'pregnancy_test');
  const inCourse = (day: LocalDate): boolean => course !== undefined && compareDates(day, course.startedOn) >= 0;
  // DECISION-RISK-CHANGE: a dispense on the day of the change belongs to the old phase (the change
  // is a date; a dispense of the new phase needs a confirmation test 19 days after its screening)
  const restartedOnPhaseStart = riskRestartOn !== undefined && phaseStart !== undefined && compareDates(riskRestartOn, phaseStart) === 0;
  const dispensesInPhase =
    phaseStart === undefined
      ? []
      : eventsOf(timeline, 'dispense').filter((d) => {
          const byDay = compareDates(localDateOf(d.at, zone), phaseStart);
          return restartedOnPhaseStart ? byDay > 0 : byDay >= 0;
        });
  const doseDay = (kind: 'first_dose' | 'last_dose'): LocalDate | undefined =>
    eventsOf(timeline, kind)
      .filter((e) => inCourse(e.on))
      .map((e) => e.on)
      .pop();
  return {
    programCase,
    timeline,
    settings: programCase.clinic.settings,
    zone: US_PROGRAMME_ZONE,
    actionDay: context.actionDate,
    clinicDay: timeline.clinicDay,
    variant: usVariant(context.packIdOn(context.actionDate)),
    variantOn: (day) => usVariant(context.packIdOn(day)),
    courses: coursesOf(timeline),
    course,
    risk: riskOn(timeline, timeline.clinicDay),
    phaseStart,
    riskRestartOn,
    tests,
    blockingPositives: tests.filter((t) => t.result === 'positive' && !isCleared(timeline, t, zone)),
    pendingTests: tests.filter((t) => t.result === 'unknown'),
    dispensesInPhase,
    firstDoseOn: doseDay('first_dose'),
    lastDoseOn: doseDay('last_dose'),
  };
}

/** A course is open when it started and has not been stopped. */
export function openCourse(state: UsState): CourseSpan | undefined {
  return state.course !== undefined && state.course.stoppedOn === undefined ? state.course : undefined;
}
