import { compareDates, localDateOf, type Instant, type LocalDate } from '../calendar/index.js';
import { decideProgramCase, programmeZone, type Decision, type EventOf, type IsoDate, type ProgramCase, type ProgramEvent } from '../program/index.js';
import { timelineOf } from '../program/timeline.js';
import { collectItem, openAuthorizations, supplyItem } from './supply.js';
import { classify, timingOf, WL_NEXT_AUTH, type WorkItem } from './work-items.js';

export type CourseState = 'qualifying' | 'active' | 'paused' | 'completed' | 'stopped';
export type ProgramFacts = Omit<ProgramCase, 'action'>;

export interface CourseWorkInput {
  /** The patient's whole programme history (every course): the engine reads all of it. */
  readonly facts: ProgramFacts;
  /** Ids of the events that belong to the course being worked on. */
  readonly courseEventIds: ReadonlySet<string>;
  readonly state: CourseState;
  /** Now: facts dated later are ignored, as the engine does. */
  readonly at: Instant;
  /** Prescriber of the course, who would write the prospective prescription (WL-NEXT-AUTH). */
  readonly prescriberId?: string | undefined;
  readonly product?: string | undefined;
}

export interface NextAuthorization {
  /** A recorded prescription waiting for its authorization, or a prospective one written today. */
  readonly basis: 'recorded_prescription' | 'prospective_prescription';
  readonly prescriptionId: string;
  readonly decision: Decision;
}

export interface CourseWork {
  /** Today in the programme zone (New York for the US, the clinic's zone elsewhere: DECISION 5). */
  readonly today: IsoDate;
  readonly zone: string;
  readonly due: readonly WorkItem[];
  readonly overdue: readonly WorkItem[];
  readonly upcoming: readonly WorkItem[];
  /** The engine's decision on the next authorization, when one is the next thing to come. */
  readonly nextAuthorization?: NextAuthorization | undefined;
  /** The engine's decision on finishing the course, once the last dose is recorded. */
  readonly courseEnd?: Decision | undefined;
}

const OPEN_STATES: readonly CourseState[] = ['qualifying', 'active', 'paused'];
/** WL-NEXT-AUTH: the prospective prescription is a 30-day supply (US1, EU1) at the last daily dose. */
const PROSPECTIVE_DAYS = 30;
const DEFAULT_STRENGTH_MG = 20;
const DEFAULT_DAILY_MG = 40;
export const PROSPECTIVE_PRESCRIPTION_ID = 'worklist-prospective-prescription';

type Prescription = EventOf<'prescription'>;

function isPrescription(e: ProgramEvent): e is Prescription {
  return e.kind === 'prescription';
}

function dispensedPrescriptions(history: readonly ProgramEvent[]): Set<string> {
  const dispensedAuthorizations = new Set(history.flatMap((e) => (e.kind === 'dispense' ? [e.authorizationId] : [])));
  return new Set(history.flatMap((e) => (e.kind === 'authorization_issued' && dispensedAuthorizations.has(e.id) ? [e.prescriptionId] : [])));
}

/**
 * WL-NEXT-AUTH: the latest prescription of the course that was never dispensed is judged for its
 * authorization; without one, a prospective 30-day prescription written today by the course's
 * prescriber at the last prescribed strength and daily dose is judged instead, so the answer is
 * "what blocks the next authorization", not "there is no prescription". A blocked decision is the
 * course's "blocked"; an allowed one is a due item (see `courseWork` for when it is not).
 */
function nextAuthorization(input: CourseWorkInput, history: readonly ProgramEvent[], courseEvents: readonly ProgramEvent[]): NextAuthorization {
  const used = dispensedPrescriptions(history);
  const courseRx = courseEvents.filter(isPrescription);
  const latest = courseRx[courseRx.length - 1];
  const action = (prescriptionId: string) => ({ kind: 'issue_authorization' as const, at: input.at, prescriptionId });
  if (latest !== undefined && !used.has(latest.id)) {
    return { basis: 'recorded_prescription', prescriptionId: latest.id, decision: decideProgramCase({ ...input.facts, action: action(latest.id) }) };
  }
  const lastRx = history.filter(isPrescription).pop();
  const strengthMg = lastRx?.strengthMg ?? DEFAULT_STRENGTH_MG;
  const dailyMg = lastRx?.dailyMg ?? DEFAULT_DAILY_MG;
  const prospective: Prescription = {
    id: PROSPECTIVE_PRESCRIPTION_ID,
    kind: 'prescription',
    writtenOn: localDateOf(input.at, input.facts.clinic.timeZone),
    prescriberId: input.prescriberId ?? lastRx?.prescriberId ?? input.facts.clinic.prescribers[0]?.id ?? 'unassigned',
    product: input.product ?? lastRx?.product ?? 'isotretinoin',
    strengthMg,
    dailyMg,
    quantity: Math.floor((PROSPECTIVE_DAYS * dailyMg) / strengthMg),
    refills: 0,
  };
  const decision = decideProgramCase({ ...input.facts, events: [...input.facts.events, prospective], action: action(prospective.id) });
  return { basis: 'prospective_prescription', prescriptionId: prospective.id, decision };
}

function allowedAuthorizationItem(next: NextAuthorization, today: LocalDate): WorkItem | undefined {
  const window = next.decision.window;
  if (next.decision.outcome !== 'allowed' || window === undefined) return undefined;
  const recorded = next.basis === 'recorded_prescription';
  return {
    code: recorded ? 'issue_authorization' : 'write_prescription_and_authorize',
    ruleId: WL_NEXT_AUTH,
    who: 'clinic',
    staffText: recorded
      ? `The programme allows the authorization of prescription ${next.prescriptionId} now; it can be collected until ${window.lastDayToCollect}.`
      : `The programme allows the next prescription and its authorization now; it can be collected until ${window.lastDayToCollect}.`,
    patientText: `Your clinic can now authorize your next supply; you would collect it by ${window.lastDayToCollect}.`,
    from: today.toString(),
    by: window.lastDayToCollect,
  };
}

/**
 * WL-COURSE-END: after the last dose the finish decision says what remains (US5, US12 and their
 * EU/UK counterparts). Its steps become dated items; an end-of-treatment test whose last day has
 * passed is overdue; a requirement without a step is due from its earliest day.
 */
function courseEndItems(decision: Decision): WorkItem[] {
  const items: WorkItem[] = decision.nextSteps.map((s) => ({
    code: s.code,
    ruleId: s.ruleId,
    who: s.who,
    staffText: s.text,
    patientText: decision.unmet.find((u) => u.code === s.code)?.patientMessage ?? s.text,
    from: s.from,
    by: s.by,
  }));
  const endTest = decision.courseEnd?.endOfTreatmentTest;
  for (const u of decision.unmet) {
    if (decision.nextSteps.some((s) => s.code === u.code)) continue;
    const missedEndTest = endTest !== undefined && !endTest.done && u.earliestDate === undefined && u.code.startsWith('end_of_treatment_test');
    items.push({
      code: u.code,
      ruleId: u.ruleId,
      who: 'clinic',
      staffText: u.staffMessage,
      patientText: u.patientMessage,
      from: missedEndTest ? endTest.from : u.earliestDate,
      by: missedEndTest ? endTest.by : undefined,
    });
  }
  return items;
}

/**
 * What is due, overdue, upcoming or blocked for one course now, from the programme engine and
 * the course's events (pure: the caller loads the facts once for a whole page of courses).
 * Closed courses have no programme work left (they are listed only for their red flags).
 */
export function courseWork(input: CourseWorkInput): CourseWork {
  const zone = programmeZone(input.facts.jurisdiction, input.facts.clinic.timeZone);
  const today = localDateOf(input.at, zone);
  const empty = { today: today.toString(), zone, due: [], overdue: [], upcoming: [] };
  if (!OPEN_STATES.includes(input.state)) return empty;
  const history = timelineOf({ ...input.facts, action: { kind: 'finish_course', at: input.at } }).events;
  const courseEvents = history.filter((e) => input.courseEventIds.has(e.id));
  if (courseEvents.some((e) => e.kind === 'last_dose')) {
    const courseEnd = decideProgramCase({ ...input.facts, action: { kind: 'finish_course', at: input.at } });
    return { ...empty, ...classify(courseEndItems(courseEnd), today.toString()), courseEnd };
  }
  const open = openAuthorizations(courseEvents);
  const items: WorkItem[] = open.map((a) => collectItem(a, today, zone));
  // one authorization at a time (DECISION 6): while one can still be collected, the next pickup
  // is arranged and the next authorization is not judged; an expired one only awaits its reversal
  const live = open.filter((a) => compareDates(today, a.lastDayToCollect) <= 0);
  const supply = input.state === 'active' && live.length === 0 ? supplyItem(courseEvents, history, input.facts.clinic.timeZone) : undefined;
  if (supply !== undefined) items.push(supply);
  const next = live.length === 0 ? nextAuthorization(input, history, courseEvents) : undefined;
  // an allowed next authorization is due now, except while the course is paused (nothing is
  // due then) or while the current supply lasts beyond its due window (WL-SUPPLY says when)
  const supplyAhead = supply !== undefined && timingOf(supply, today.toString()) === 'upcoming';
  const allowed = next === undefined || input.state === 'paused' || supplyAhead ? undefined : allowedAuthorizationItem(next, today);
  if (allowed !== undefined) items.push(allowed);
  return { ...empty, ...classify(items, today.toString()), nextAuthorization: next };
}

/**
 * NIGHTLY-CLOSED: the obligations of the course-end decision that outlive the course itself: the
 * post-treatment pregnancy test (US12, EU3), contraception (US5, EU4) and no blood donation (US12)
 * for the month after the last dose. Everything else the finish decision says about a closed
 * course (that it is closed, that it could be recorded as completed) is not work any more.
 */
export const AFTER_COURSE_CODES: ReadonlySet<string> = new Set(['post_treatment_test_missing', 'contraception_period_not_over', 'blood_donation_period_not_over']);

/**
 * NIGHTLY-CLOSED: what a completed or stopped course still asks after it closed: the engine's
 * course-end decision (WL-COURSE-END, the same items the worklist shows for an open course after
 * its last dose), kept to AFTER_COURSE_CODES. Nothing when the course is still open (use
 * `courseWork`), when it was stopped for a pregnancy (its red flag is the follow-up), when a later course of the patient has started (that course's work covers the
 * patient) or when no last dose is recorded (no date to count from).
 */
export function afterCourseWork(input: CourseWorkInput): CourseWork {
  const zone = programmeZone(input.facts.jurisdiction, input.facts.clinic.timeZone);
  const today = localDateOf(input.at, zone);
  const empty = { today: today.toString(), zone, due: [], overdue: [], upcoming: [] };
  if (OPEN_STATES.includes(input.state)) return empty;
  const history = timelineOf({ ...input.facts, action: { kind: 'finish_course', at: input.at } }).events;
  const lastStart = history.filter((e) => e.kind === 'course_started').pop();
  if (lastStart === undefined || !input.courseEventIds.has(lastStart.id)) return empty;
  // a course stopped by a pregnancy is followed up as a red flag (WL-FLAG, US14), not by reminders
  if (history.some((e) => e.kind === 'course_stopped' && e.reason === 'pregnancy' && input.courseEventIds.has(e.id))) return empty;
  const decision = decideProgramCase({ ...input.facts, action: { kind: 'finish_course', at: input.at } });
  if (decision.courseEnd?.lastDoseOn === undefined) return empty;
  const remaining = courseEndItems(decision).filter((i) => AFTER_COURSE_CODES.has(i.code));
  const courseEnd: Decision = { ...decision, unmet: decision.unmet.filter((u) => AFTER_COURSE_CODES.has(u.code)), nextSteps: decision.nextSteps.filter((s) => AFTER_COURSE_CODES.has(s.code)) };
  return { ...empty, ...classify(remaining, today.toString()), courseEnd };
}

/** True when the engine blocks the next authorization (the worklist's "blocked"). */
export function isBlocked(work: CourseWork): boolean {
  return work.nextAuthorization?.decision.outcome === 'blocked';
}
