import { addDays, compareDates, type LocalDate } from '../calendar/index.js';
import type { ContraceptionMethod } from './contraception-methods.js';
import type { Timeline } from './timeline.js';

/** What is in effect on one day: methods in use, abstinence commitment, UK3 exemption. */
export interface ProtectionState {
  readonly methods: ReadonlySet<ContraceptionMethod>;
  readonly abstinent: boolean;
  readonly exempt: boolean;
}

/** A pack's definition of "protected" (US: two methods, one primary, or abstinence; EU/UK differ). */
export type ProtectionRule = (state: ProtectionState) => boolean;

/**
 * State on a day. A method started on day D is in use on D; a method stopped on day D is no
 * longer in use on D (conservative: the stop day is not protected by that method).
 */
export function protectionOn(timeline: Timeline, day: LocalDate): ProtectionState {
  const methods = new Set<ContraceptionMethod>();
  let abstinent = false;
  let exempt = false;
  for (const event of timeline.events) {
    if (!('on' in event) || compareDates(event.on, day) > 0) continue;
    if (event.kind === 'contraception_started') methods.add(event.method);
    else if (event.kind === 'contraception_stopped') methods.delete(event.method);
    else if (event.kind === 'abstinence_committed') abstinent = true;
    else if (event.kind === 'abstinence_ended') abstinent = false;
    else if (event.kind === 'contraception_exemption') exempt = event.agreedByPatient && event.agreedByPrescriber;
  }
  return { methods, abstinent, exempt };
}

function changeDays(timeline: Timeline, day: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (const event of timeline.events) {
    if (
      (event.kind === 'contraception_started' ||
        event.kind === 'contraception_stopped' ||
        event.kind === 'abstinence_committed' ||
        event.kind === 'abstinence_ended' ||
        event.kind === 'contraception_exemption') &&
      compareDates(event.on, day) <= 0 &&
      !days.some((d) => compareDates(d, event.on) === 0)
    ) {
      days.push(event.on);
    }
  }
  return days.sort(compareDates);
}

/**
 * First day of the uninterrupted protected period that contains `day`, or undefined when the
 * patient is not protected on `day`. The state only changes on days with a contraception event,
 * so the walk goes back over those days only.
 */
export function protectedSince(timeline: Timeline, day: LocalDate, rule: ProtectionRule): LocalDate | undefined {
  if (!rule(protectionOn(timeline, day))) return undefined;
  const changes = changeDays(timeline, day);
  let start: LocalDate | undefined;
  for (let i = changes.length - 1; i >= 0; i -= 1) {
    const change = changes[i];
    if (change === undefined) break;
    start = change;
    if (!rule(protectionOn(timeline, addDays(change, -1)))) return change;
  }
  return start;
}
