import { Temporal } from 'temporal-polyfill';
import { addDays, date, localDateOf, type Instant, type LocalDate } from '../../../calendar/index.js';
import type { Decision, PackRef, Unmet } from '../../decision.js';
import type { ProgramEvent } from '../../events.js';
import type { PickupPlan, PickupPlanRequest, PlannedFact, PlanStep } from '../../planning.js';
import type { ProgramCase } from '../../program-case.js';
import { eventsOf, timelineOf } from '../../timeline.js';
import type { PackContext } from '../pack.js';
import { buildPlan } from './us-plan-build.js';
import { usState } from './us-state.js';

/** How far the planner looks for the earliest feasible pickup. */
export const PLAN_HORIZON_DAYS = 120;

/** Unmet codes a plan answers with its own steps; any other code is an obstacle the plan cannot remove. */
const PLANNED_CODES = new Set([
  'screening_test_missing', 'confirmation_test_missing', 'test_window_closed', 'repeat_test_during_lockout',
  'monthly_test_missing', 'two_methods_not_in_use', 'two_methods_interrupted', 'comprehension_questions_not_done',
  'comprehension_questions_unanswered', 'comprehension_questions_incorrect', 'prescription_before_test',
  'office_visit_missing', 'office_visit_window_closed', 'monthly_counselling_missing', 'prescription_pickup_period_over',
  'test_not_in_clia_lab', 'test_not_in_medical_setting', 'home_test_not_opted_in', 'home_test_evidence_missing',
  'test_sensitivity_unknown', 'test_sensitivity_insufficient', 'pregnancy_test_invalid',
]);

const PLAN_PREFIX = 'plan-';
const wall = (day: string, time: string, zone: string): Instant =>
  Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime(zone).toInstant();

/** Planned facts as the events they become; times are chosen so that test < questions < authorization. */
function plannedEvents(programCase: ProgramCase, facts: readonly PlannedFact[]): ProgramEvent[] {
  const local = programCase.clinic.timeZone;
  const lastRx = eventsOf(timelineOf(programCase), 'prescription').pop();
  const prescriberId = lastRx?.prescriberId ?? programCase.clinic.prescribers[0]?.id ?? 'prescriber';
  const strengthMg = lastRx?.strengthMg ?? 20;
  const dailyMg = lastRx?.dailyMg ?? 40;
  const events: ProgramEvent[] = [];
  facts.forEach((f, i) => {
    const id = `${PLAN_PREFIX}${String(i)}-${f.kind}`;
    switch (f.kind) {
      case 'pregnancy_test':
        events.push({ id, kind: 'pregnancy_test', collectedAt: wall(f.on, '08:00', local), specimen: 'urine', setting: f.setting, sensitivityMiuPerMl: 25, result: 'negative', purpose: f.purpose });
        break;
      case 'contraception_started':
        events.push({ id, kind: 'contraception_started', on: date(f.on), method: 'iud_copper' }, { id: `${id}-2`, kind: 'contraception_started', on: date(f.on), method: 'male_latex_condom' });
        break;
      case 'comprehension_questions':
        events.push({ id, kind: 'comprehension_questions', at: wall(f.on, '10:00', local), items: [{ questionId: 'planned', answer: 'correct' }] });
        break;
      case 'counselling':
        events.push({ id, kind: 'counselling', on: date(f.on) });
        break;
      case 'office_visit':
        events.push({ id, kind: 'office_visit', on: date(f.on) });
        break;
      case 'prescription':
        events.push({ id: `${PLAN_PREFIX}rx`, kind: 'prescription', writtenOn: date(f.on), prescriberId, product: lastRx?.product ?? 'isotretinoin', strengthMg, dailyMg, quantity: Math.floor((30 * dailyMg) / strengthMg), refills: 0 });
        break;
      case 'authorization':
      case 'pickup':
        break;
      default: {
        const unreachable: never = f;
        return unreachable;
      }
    }
  });
  return events;
}

/** The planned prescription, else the latest recorded one that has no authorization yet. */
function prescriptionToAuthorize(events: readonly ProgramEvent[]): string | undefined {
  const unused = events
    .filter((e) => e.kind === 'prescription')
    .filter((e) => !events.some((a) => a.kind === 'authorization_issued' && a.prescriptionId === e.id))
    .sort((a, b) => (a.id.startsWith(PLAN_PREFIX) ? 1 : 0) - (b.id.startsWith(PLAN_PREFIX) ? 1 : 0) || a.writtenOn.toString().localeCompare(b.writtenOn.toString()));
  return unused[unused.length - 1]?.id;
}

interface Attempt {
  readonly pickup: LocalDate;
  readonly steps: readonly PlanStep[];
  readonly decisions: readonly Decision[];
}

function attempt(programCase: ProgramCase, request: PickupPlanRequest, context: PackContext, pickup: LocalDate): Attempt | undefined {
  const zone = context.zone;
  const today = localDateOf(request.at, zone);
  const state = usState(programCase, { ...context, actionDate: today });
  const built = buildPlan(state, pickup);
  if (built === undefined) return undefined;
  const facts = built.steps.flatMap((s) => (s.fact === undefined ? [] : [s.fact]));
  const events = [...programCase.events, ...plannedEvents(programCase, facts)];
  const authorizeAt = wall(pickup.toString(), '20:00', zone);
  const rxId = prescriptionToAuthorize(events);
  if (rxId === undefined) return { pickup, steps: built.steps, decisions: [] };
  const authorization = context.decide({ ...programCase, events, action: { kind: 'issue_authorization', at: authorizeAt, prescriptionId: rxId } });
  const decisions = [authorization];
  if (authorization.outcome === 'allowed' && request.pharmacyId !== undefined && authorization.window !== undefined) {
    const lastDay = date(authorization.window.lastDayToCollect);
    const withAuth: ProgramEvent[] = [...events, { id: `${PLAN_PREFIX}auth`, kind: 'authorization_issued', at: authorizeAt, prescriptionId: rxId, lastDayToCollect: lastDay }];
    const rx = withAuth.find((e) => e.id === rxId);
    const quantity = rx?.kind === 'prescription' ? rx.quantity : 0;
    decisions.push(
      context.decide({
        ...programCase,
        events: withAuth,
        action: { kind: 'dispense', at: wall(pickup.toString(), '20:30', zone), dispense: { id: `${PLAN_PREFIX}dispense`, authorizationId: `${PLAN_PREFIX}auth`, pharmacyId: request.pharmacyId, quantity, rmaNumber: 'to be obtained', dndDate: lastDay, medicationGuideGiven: true } },
      }),
    );
  }
  return { pickup, steps: built.steps, decisions };
}

function obstaclesOf(a: Attempt): Unmet[] {
  return a.decisions.flatMap((d) => d.unmet.filter((u) => !PLANNED_CODES.has(u.code)));
}

function worked(a: Attempt): boolean {
  return a.decisions.length > 0 && a.decisions.every((d) => d.unmet.every((u) => !PLANNED_CODES.has(u.code)));
}

/**
 * Planner: the dated checklist that makes the intended pickup possible, or the earliest feasible
 * pickup. Each candidate plan is verified by judging its authorization (and dispense) with the
 * real engine, so a feasible plan, followed, is allowed.
 */
export function planUsPickup(programCase: ProgramCase, request: PickupPlanRequest, context: PackContext, pack: PackRef): PickupPlan {
  // facts dated after "now" are ignored: the plan starts from what is known
  const asOfNow: ProgramCase = { ...programCase, action: { kind: 'finish_course', at: request.at } };
  const base: ProgramCase = { ...asOfNow, events: timelineOf(asOfNow).events };
  let last: Attempt | undefined;
  for (let i = 0; i <= PLAN_HORIZON_DAYS; i += 1) {
    const pickup = addDays(request.intendedPickup, i);
    const a = attempt(base, request, context, pickup);
    if (a === undefined) continue;
    last = a;
    if (!worked(a)) continue;
    const obstacles = obstaclesOf(a);
    const dated = obstacles.every((o) => o.earliestDate !== undefined);
    return {
      kind: 'pickup_plan',
      pack: a.decisions[0]?.pack ?? pack,
      intendedPickup: request.intendedPickup.toString(),
      feasible: i === 0 && obstacles.length === 0,
      plannedPickup: dated ? pickup.toString() : undefined,
      obstacles,
      steps: [...obstacleSteps(a), ...a.steps],
    };
  }
  return {
    kind: 'pickup_plan',
    pack,
    intendedPickup: request.intendedPickup.toString(),
    feasible: false,
    obstacles: last === undefined ? [] : last.decisions.flatMap((d) => d.unmet),
    steps: [],
  };
}

function obstacleSteps(a: Attempt): PlanStep[] {
  return a.decisions.flatMap((d) =>
    d.nextSteps
      .filter((s) => !PLANNED_CODES.has(s.code) && d.unmet.some((u) => u.code === s.code))
      .map((s) => ({ who: s.who, code: s.code, ruleId: s.ruleId, text: s.text, earliest: s.from, latest: s.by })),
  );
}
