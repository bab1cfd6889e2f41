import { Temporal } from 'temporal-polyfill';
import { compareDates, localDateOf, type Instant, type LocalDate } from '../calendar/index.js';
import type { CourseStopReason, EventKind, EventOf, ProgramEvent } from './events.js';
import type { ProgramCase } from './program-case.js';
import type { RiskAssessment } from './risk.js';

/**
 * The case's events as they were known at the action's instant, in date order. Events with an
 * instant count when they happened at or before the action; date-only events count when their
 * day (clinic zone) is on or before the action's day. Later facts are ignored, so the same case
 * can be judged at any moment of its history without hindsight.
 */
export interface Timeline {
  readonly at: Instant;
  /** The action's calendar day in the clinic's zone. */
  readonly clinicDay: LocalDate;
  readonly clinicZone: string;
  readonly events: readonly ProgramEvent[];
  readonly initialRisk: RiskAssessment;
}

/** Exact instant of an event when it has one. */
export function eventInstant(event: ProgramEvent): Instant | undefined {
  switch (event.kind) {
    case 'pregnancy_test':
      return event.collectedAt;
    case 'comprehension_questions':
    case 'authorization_issued':
    case 'authorization_reversed':
    case 'dispense':
    case 'requalified':
      return event.at;
    case 'enrollment':
    case 'prescriber_certified':
    case 'pharmacy_certified':
    case 'pharmacy_activated':
    case 'form_signed':
    case 'counselling':
    case 'contraception_started':
    case 'contraception_stopped':
    case 'abstinence_committed':
    case 'abstinence_ended':
    case 'contraception_exemption':
    case 'prescription':
    case 'first_dose':
    case 'last_dose':
    case 'course_started':
    case 'course_stopped':
    case 'risk_category_changed':
    case 'office_visit':
    case 'material_given':
    case 'assessment':
    case 'second_prescriber_agreement':
      return undefined;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** Calendar day of an event in the clinic's zone. */
export function eventDay(event: ProgramEvent, clinicZone: string): LocalDate {
  const exact = eventInstant(event);
  if (exact !== undefined) return localDateOf(exact, clinicZone);
  if (event.kind === 'prescription') return event.writtenOn;
  return dateOnly(event);
}

function dateOnly(event: ProgramEvent): LocalDate {
  if ('on' in event) return event.on;
  // every event without an instant has `on` or `writtenOn` (checked above)
  throw new RangeError(`event ${event.id} has no date`);
}

export function timelineOf(programCase: ProgramCase): Timeline {
  const zone = programCase.clinic.timeZone;
  const at = programCase.action.at;
  const clinicDay = localDateOf(at, zone);
  const indexed = programCase.events
    .map((event, index) => ({ event, index, day: eventDay(event, zone), exact: eventInstant(event) }))
    .filter((e) =>
      e.exact === undefined ? compareDates(e.day, clinicDay) <= 0 : Temporal.Instant.compare(e.exact, at) <= 0,
    );
  indexed.sort((a, b) => {
    const byDay = compareDates(a.day, b.day);
    if (byDay !== 0) return byDay;
    if (a.exact !== undefined && b.exact !== undefined) {
      const byInstant = Temporal.Instant.compare(a.exact, b.exact);
      if (byInstant !== 0) return byInstant;
    }
    return a.index - b.index;
  });
  return { at, clinicDay, clinicZone: zone, events: indexed.map((e) => e.event), initialRisk: programCase.patient.risk };
}

export function eventsOf<K extends EventKind>(timeline: Timeline, kind: K): Array<EventOf<K>> {
  return timeline.events.filter((e): e is EventOf<K> => e.kind === kind);
}

export function lastOf<K extends EventKind>(timeline: Timeline, kind: K): EventOf<K> | undefined {
  const all = eventsOf(timeline, kind);
  return all[all.length - 1];
}

export interface CourseSpan {
  readonly startedOn: LocalDate;
  readonly stoppedOn?: LocalDate | undefined;
  readonly stopReason?: CourseStopReason | undefined;
}

/** Courses in order; a course runs from `course_started` until the next `course_stopped`. */
export function coursesOf(timeline: Timeline): CourseSpan[] {
  const courses: CourseSpan[] = [];
  for (const event of timeline.events) {
    if (event.kind === 'course_started') courses.push({ startedOn: event.on });
    if (event.kind === 'course_stopped') {
      const open = courses[courses.length - 1];
      if (open !== undefined && open.stoppedOn === undefined) {
        courses[courses.length - 1] = { ...open, stoppedOn: event.on, stopReason: event.reason };
      }
    }
  }
  return courses;
}

export function currentCourse(timeline: Timeline): CourseSpan | undefined {
  const courses = coursesOf(timeline);
  return courses[courses.length - 1];
}

/** Risk assessment in force on a day: the latest change on or before it, else the initial one. */
export function riskOn(timeline: Timeline, day: LocalDate): RiskAssessment {
  let current = timeline.initialRisk;
  for (const event of timeline.events) {
    if (event.kind === 'risk_category_changed' && compareDates(event.on, day) <= 0) current = event.assessment;
  }
  return current;
}

export function isEnrolled(timeline: Timeline): boolean {
  return eventsOf(timeline, 'enrollment').length > 0;
}

export function findEvent<K extends EventKind>(timeline: Timeline, kind: K, id: string): EventOf<K> | undefined {
  return eventsOf(timeline, kind).find((e) => e.id === id);
}
