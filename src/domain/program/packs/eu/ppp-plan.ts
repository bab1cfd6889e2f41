import { Temporal } from 'temporal-polyfill';
import { addDays, date, localDateOf, type Instant, type LocalDate } from '../../../calendar/index.js';
import type { Decision, PackRef, Unmet } from '../../decision.js';
import type { ProgramEvent } from '../../events.js';
import type { PickupPlan, PickupPlanRequest, PlanStep } from '../../planning.js';
import type { ProgramCase } from '../../program-case.js';
import { timelineOf } from '../../timeline.js';
import type { PackContext } from '../pack.js';
import type { PppVariant } from './ppp-model.js';
import { variantLookup, type PppFamily } from './ppp-family.js';
import { planOptions, type PlanOption } from './ppp-plan-options.js';
import { pppState } from './ppp-state.js';

/** How far the planner looks for the earliest feasible pickup. */
export const PPP_PLAN_HORIZON_DAYS = 120;

/** Unmet codes a plan answers with its own steps; any other code is an obstacle the plan cannot remove. */
const PLANNED_CODES = new Set([
  'initial_pregnancy_test_missing', 'pregnancy_test_missing', 'contraception_not_in_use', 'contraception_month_not_reached',
  'contraception_interrupted', 'prescription_expired', 'test_not_medically_supervised', 'test_not_in_person',
  'remote_test_supervision_missing', 'test_sensitivity_unknown', 'test_sensitivity_insufficient', 'pregnancy_test_invalid',
]);

const PLAN_PREFIX = 'plan-';
const wall = (day: string, time: string, zone: string): Instant => Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime(zone).toInstant();

/** EU6: the initial prescription of a French or Italian course is planned with a dermatologist. */
function plannedPrescriber(programCase: ProgramCase, initialOfCourse: boolean): string {
  const prescribers = programCase.clinic.prescribers;
  const dermatologist = prescribers.find((p) => p.specialty === 'dermatologist')?.id;
  const last = programCase.events.filter((e) => e.kind === 'prescription').pop()?.prescriberId;
  if (initialOfCourse && dermatologist !== undefined) return dermatologist;
  return last ?? dermatologist ?? prescribers[0]?.id ?? 'prescriber';
}

/** Planned facts as events; times put the test (08:00) before the authorization (20:00) and the pickup (20:30). */
function plannedEvents(programCase: ProgramCase, steps: readonly PlanStep[], prescriberId: string): ProgramEvent[] {
  const zone = programCase.clinic.timeZone;
  const lastRx = programCase.events.filter((e) => e.kind === 'prescription').pop();
  const strengthMg = lastRx?.strengthMg ?? 20;
  const dailyMg = lastRx?.dailyMg ?? 40;
  return steps.flatMap((s, i): ProgramEvent[] => {
    const f = s.fact;
    const id = `${PLAN_PREFIX}${String(i)}`;
    if (f === undefined) return [];
    switch (f.kind) {
      case 'pregnancy_test':
        return [{ id, kind: 'pregnancy_test', collectedAt: wall(f.on, '08:00', zone), specimen: 'urine', setting: f.setting, sensitivityMiuPerMl: 25, result: 'negative', purpose: f.purpose }];
      case 'contraception_started':
        return [{ id, kind: 'contraception_started', on: date(f.on), method: 'implant' }];
      case 'prescription':
        return [{ id: `${PLAN_PREFIX}rx`, kind: 'prescription', writtenOn: date(f.on), prescriberId, product: lastRx?.product ?? 'isotretinoin', strengthMg, dailyMg, quantity: Math.floor((30 * dailyMg) / strengthMg), refills: 0 }];
      case 'comprehension_questions':
      case 'counselling':
      case 'office_visit':
      case 'authorization':
      case 'pickup':
        return [];
      default: {
        const unreachable: never = f;
        return unreachable;
      }
    }
  });
}

interface Attempt {
  readonly steps: readonly PlanStep[];
  readonly decisions: readonly Decision[];
}

function verify(programCase: ProgramCase, request: PickupPlanRequest, context: PackContext, pickup: LocalDate, option: PlanOption, initialOfCourse: boolean): Attempt {
  const zone = context.zone;
  const day = pickup.toString();
  const events = [...programCase.events, ...plannedEvents(programCase, option.steps, plannedPrescriber(programCase, initialOfCourse))];
  const rxId = option.reusedPrescriptionId ?? `${PLAN_PREFIX}rx`;
  const authorizeAt = wall(day, '20:00', zone);
  const steps: PlanStep[] = [
    ...option.steps,
    { who: 'clinic', code: 'request_authorization', ruleId: 'EU2', text: 'Issue the dispense authorization for the prescription.', on: day, fact: { kind: 'authorization', on: day } },
    { who: 'pharmacy', code: 'checklist_and_dispense', ruleId: 'EU5', text: 'Complete the pharmacist checklist and dispense (within 7 days of the prescription date).', on: day, fact: { kind: 'pickup', on: day } },
  ];
  const authorization = context.decide({ ...programCase, events, action: { kind: 'issue_authorization', at: authorizeAt, prescriptionId: rxId } });
  const decisions = [authorization];
  if (authorization.outcome === 'allowed' && request.pharmacyId !== undefined && authorization.window !== undefined) {
    const lastDay = date(authorization.window.lastDayToCollect);
    const withAuth: ProgramEvent[] = [...events, { id: `${PLAN_PREFIX}auth`, kind: 'authorization_issued', at: authorizeAt, prescriptionId: rxId, lastDayToCollect: lastDay }];
    const rx = withAuth.find((e) => e.kind === 'prescription' && e.id === rxId);
    decisions.push(
      context.decide({
        ...programCase,
        events: withAuth,
        action: {
          kind: 'dispense',
          at: wall(day, '20:30', zone),
          dispense: { id: `${PLAN_PREFIX}dispense`, authorizationId: `${PLAN_PREFIX}auth`, pharmacyId: request.pharmacyId, quantity: rx?.kind === 'prescription' ? rx.quantity : 1, pharmacistChecklistCompleted: true },
        },
      }),
    );
  }
  return { steps, decisions };
}

const worked = (a: Attempt): boolean => a.decisions.every((d) => d.unmet.every((u) => !PLANNED_CODES.has(u.code)));
const obstaclesOf = (a: Attempt): Unmet[] => a.decisions.flatMap((d) => d.unmet.filter((u) => !PLANNED_CODES.has(u.code)));

function obstacleSteps(a: Attempt): PlanStep[] {
  return a.decisions.flatMap((d) =>
    d.nextSteps
      .filter((s) => !PLANNED_CODES.has(s.code) && d.unmet.some((u) => u.code === s.code))
      .map((s) => ({ who: s.who, code: s.code, ruleId: s.ruleId, text: s.text, earliest: s.from, latest: s.by })),
  );
}

/**
 * Planner (EU/UK): the dated checklist that makes the intended pickup possible - a test on the
 * prescribing day or in the 3 days before it, the prescription, the authorization and the
 * dispense within 7 days of the prescription - or the earliest feasible pickup. Every candidate is
 * verified by the real engine, so a feasible plan, followed, is allowed.
 */
export function planPppPickup(programCase: ProgramCase, request: PickupPlanRequest, context: PackContext, variant: PppVariant, family: PppFamily, version: string): PickupPlan {
  const asOfNow: ProgramCase = { ...programCase, action: { kind: 'finish_course', at: request.at } };
  const base: ProgramCase = { ...asOfNow, events: timelineOf(asOfNow).events };
  const today = localDateOf(request.at, context.zone);
  const pack: PackRef = { id: variant.id, version, jurisdiction: programCase.jurisdiction, zone: context.zone };
  const state = pppState(base, { ...context, actionDate: today }, pack, variantLookup(family, base));
  const initialOfCourse = state.dispensesInCourse.length === 0;
  let last: Attempt | undefined;
  for (let i = 0; i <= PPP_PLAN_HORIZON_DAYS; i += 1) {
    const pickup = addDays(request.intendedPickup, i);
    for (const option of planOptions(state, pickup)) {
      const a = verify(base, request, context, pickup, option, initialOfCourse);
      last = a;
      if (!worked(a)) continue;
      const obstacles = obstaclesOf(a);
      return {
        kind: 'pickup_plan',
        pack: a.decisions[0]?.pack ?? pack,
        intendedPickup: request.intendedPickup.toString(),
        feasible: i === 0 && obstacles.length === 0,
        plannedPickup: obstacles.every((o) => o.earliestDate !== undefined) ? pickup.toString() : undefined,
        obstacles,
        steps: [...obstacleSteps(a), ...a.steps],
      };
    }
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

