import { localDateOf, startOfDay, type LocalDate } from '../../calendar/index.js';
import { DomainInputError } from '../../errors.js';
import type { Decision, PackId } from '../decision.js';
import type { PlanAnswer, PlanCase } from '../planning.js';
import { programmeZone } from '../jurisdiction.js';
import type { ProgramCase } from '../program-case.js';
import { validateCase } from '../validate-case.js';
import type { InputIssue, PackContext, RulePack } from './pack.js';
import { packIdOn } from './schedule.js';
import { usIpledge2021 } from './us-ipledge-2021.js';
import { usIpledge2026 } from './us-ipledge-2026.js';
import { euPpp2018 } from './eu-ppp-2018.js';
import { ukMhra2023 } from './uk-mhra-2023.js';
import { ukMhra2026 } from './uk-mhra-2026.js';

/**
 * The implemented packs. Adding a pack = one import line above and its name in this list; the
 * schedule (which pack is in force when) is in schedule.ts and already lists every pack of
 * program-rules section 1.
 */
const IMPLEMENTED_PACKS: readonly RulePack[] = [usIpledge2021, usIpledge2026, euPpp2018, ukMhra2023, ukMhra2026];

export function implementedPack(id: PackId): RulePack | undefined {
  return IMPLEMENTED_PACKS.find((p) => p.id === id);
}

/**
 * DECISION-ACTION-DATE: the date of the action the check is about - the specimen date for a
 * test, the prescription date for a prescription, otherwise the day of the action's instant in
 * the programme zone (New York for the US, the clinic's zone for EU/UK).
 */
export function actionDateOf(programCase: ProgramCase): LocalDate {
  const action = programCase.action;
  switch (action.kind) {
    case 'record_pregnancy_test':
      return localDateOf(action.test.collectedAt, programCase.clinic.timeZone);
    case 'write_prescription':
      return action.prescription.writtenOn;
    case 'enroll':
    case 'issue_authorization':
    case 'dispense':
    case 'start_course':
    case 'finish_course':
      return localDateOf(action.at, programmeZone(programCase.jurisdiction, programCase.clinic.timeZone));
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

function throwIfAny(issues: readonly InputIssue[]): void {
  const [first, ...rest] = issues;
  if (first === undefined) return;
  const more = rest.map((i) => `; also field ${i.field}: ${i.message}`).join('');
  throw new DomainInputError(first.code, first.field, `${first.message}${more}`);
}

export interface ResolvedPack {
  readonly pack: RulePack;
  readonly context: PackContext;
}

/** Validates the case and chooses its pack by jurisdiction and action date; throws DomainInputError. */
export function resolvePack(programCase: ProgramCase, onDay?: LocalDate): ResolvedPack {
  throwIfAny(validateCase(programCase));
  const settings = programCase.clinic.settings;
  const actionDate = onDay ?? actionDateOf(programCase);
  const id = packIdOn(programCase.jurisdiction, actionDate, settings);
  const pack = implementedPack(id);
  if (pack === undefined) {
    throw new DomainInputError(
      'rule_pack_not_implemented',
      'jurisdiction',
      `rule pack ${id} (${programCase.jurisdiction} on ${actionDate.toString()}) is not implemented yet`,
    );
  }
  throwIfAny(pack.validate(programCase));
  return {
    pack,
    context: {
      zone: programmeZone(programCase.jurisdiction, programCase.clinic.timeZone),
      actionDate,
      packIdOn: (day) => packIdOn(programCase.jurisdiction, day, settings),
      decide: decideProgramCase,
    },
  };
}

/** The engine's entry point: the decision on the case's action (pure, deterministic). */
export function decideProgramCase(programCase: ProgramCase): Decision {
  const { pack, context } = resolvePack(programCase);
  return pack.decide(programCase, context);
}

function planningFailure(id: string): never {
  throw new DomainInputError('planner_not_implemented', 'jurisdiction', `rule pack ${id} has no planner yet`);
}

/**
 * The planner's entry point: a pickup plan (the pack of the intended pickup day) or the calendar
 * of a first course (the pack of the screening day). The facts are validated as of the request.
 */
export function planProgramCase(planCase: PlanCase): PlanAnswer {
  const request = planCase.request;
  switch (request.kind) {
    case 'pickup': {
      const asCase: ProgramCase = { ...planCase, action: { kind: 'finish_course', at: request.at } };
      const { pack, context } = resolvePack(asCase, request.intendedPickup);
      if (pack.planPickup === undefined) return planningFailure(pack.id);
      return pack.planPickup(asCase, request, context);
    }
    case 'first_course': {
      const zone = programmeZone(planCase.jurisdiction, planCase.clinic.timeZone);
      const asCase: ProgramCase = { ...planCase, action: { kind: 'start_course', at: startOfDay(request.screeningOn, zone), prescriberId: '' } };
      const { pack, context } = resolvePack(asCase, request.screeningOn);
      if (pack.planFirstCourse === undefined) return planningFailure(pack.id);
      return pack.planFirstCourse(asCase, request, context);
    }
    default: {
      const unreachable: never = request;
      return unreachable;
    }
  }
}
