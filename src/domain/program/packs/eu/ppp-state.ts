import { Temporal } from 'temporal-polyfill';
import { compareDates, localDateOf, maxDate, type LocalDate } from '../../../calendar/index.js';
import type { PackRef } from '../../decision.js';
import type { ProgramCase } from '../../program-case.js';
import { coursesOf, currentCourse, eventsOf, riskOn, timelineOf, type CourseSpan, type Timeline } from '../../timeline.js';
import type { PackContext } from '../pack.js';
import type { PppState, PppVariant, TestEvent } from './ppp-model.js';

export function testDay(test: { readonly collectedAt: Temporal.Instant }, zone: string): LocalDate {
  return localDateOf(test.collectedAt, zone);
}

/** DECISION-RISK-CHANGE: the last change from "cannot" (or unknown) to "can get pregnant" since `from`. */
function lastRiskRestart(timeline: Timeline, from: LocalDate): LocalDate | undefined {
  let previous = timeline.initialRisk.category;
  let restart: LocalDate | undefined;
  for (const event of eventsOf(timeline, 'risk_category_changed')) {
    const next = event.assessment.category;
    if (compareDates(event.on, from) >= 0 && previous !== 'can_get_pregnant' && next === 'can_get_pregnant') restart = event.on;
    previous = next;
  }
  return restart;
}

/** A positive test stops blocking once the patient is re-qualified after it or the course is stopped. */
function isCleared(timeline: Timeline, positive: TestEvent, zone: string): boolean {
  const day = testDay(positive, zone);
  const requalified = eventsOf(timeline, 'requalified').some((r) => Temporal.Instant.compare(r.at, positive.collectedAt) >= 0);
  const stopped = eventsOf(timeline, 'course_stopped').some((s) => compareDates(s.on, day) >= 0);
  return requalified || stopped;
}

/** The stop day of the course before the current one: documents of a course are signed after it. */
function previousStop(courses: readonly CourseSpan[]): LocalDate | undefined {
  return courses[courses.length - 2]?.stoppedOn;
}

export function pppState(
  programCase: ProgramCase,
  context: PackContext,
  pack: PackRef,
  variantOn: (day: LocalDate) => PppVariant,
): PppState {
  const timeline = timelineOf(programCase);
  const zone = context.zone;
  const courses = coursesOf(timeline);
  const course = currentCourse(timeline);
  const riskRestartOn = course === undefined ? undefined : lastRiskRestart(timeline, course.startedOn);
  const phaseStart = course === undefined ? undefined : riskRestartOn === undefined ? course.startedOn : maxDate(course.startedOn, riskRestartOn);
  const tests = eventsOf(timeline, 'pregnancy_test');
  const inCourse = (day: LocalDate): boolean => course !== undefined && compareDates(day, course.startedOn) >= 0;
  const dispensesFrom = (start: LocalDate | undefined) =>
    start === undefined ? [] : eventsOf(timeline, 'dispense').filter((d) => compareDates(localDateOf(d.at, zone), start) >= 0);
  return {
    programCase,
    pack,
    jurisdiction: programCase.jurisdiction,
    timeline,
    zone,
    actionDay: context.actionDate,
    clinicDay: timeline.clinicDay,
    variant: variantOn(context.actionDate),
    variantOn,
    courses,
    course,
    documentsFrom: previousStop(courses),
    risk: riskOn(timeline, timeline.clinicDay),
    phaseStart,
    riskRestartOn,
    tests,
    blockingPositives: tests.filter((t) => t.result === 'positive' && !isCleared(timeline, t, zone)),
    pendingTests: tests.filter((t) => t.result === 'unknown' && (course === undefined || inCourse(testDay(t, zone)))),
    dispensesInCourse: dispensesFrom(course?.startedOn),
    dispensesInPhase: dispensesFrom(phaseStart),
    lastDoseOn: eventsOf(timeline, 'last_dose')
      .filter((e) => inCourse(e.on))
      .map((e) => e.on)
      .pop(),
  };
}

/** A course is open when it started and has not been stopped. */
export function openCourse(state: PppState): CourseSpan | undefined {
  return state.course !== undefined && state.course.stoppedOn === undefined ? state.course : undefined;
}

/** Patients of childbearing potential are the ones EU1, EU3 and EU4 apply to (program-rules section 2). */
export function ofChildbearingPotential(state: PppState): boolean {
  return state.risk.category === 'can_get_pregnant';
}

/** True when a dated document (form, card, booklet, agreement) belongs to the current course. */
export function inDocumentWindow(state: PppState, on: LocalDate, by: LocalDate): boolean {
  const from = state.documentsFrom;
  return (from === undefined || compareDates(on, from) >= 0) && compareDates(on, by) <= 0;
}
