import { compareDates, type LocalDate } from '../../../calendar/index.js';
import { protectedSince, protectionOn } from '../../contraception-coverage.js';
import type { EventOf } from '../../events.js';
import type { Findings } from '../../findings.js';
import { eventsOf } from '../../timeline.js';
import { pppMethodClass, pppProtection } from './ppp-methods.js';
import type { PppState } from './ppp-model.js';

type ExemptionEvent = EventOf<'contraception_exemption'>;

/**
 * UK3 [S]: prescriber and patient agree there is no expected risk of pregnancy during and for one
 * month after treatment, and the reason is recorded. The latest exemption event on or before a day
 * is the one in force; withdrawing it = recording a new one without both agreements. The EU pack
 * does not know this exemption (it is noted, never applied).
 */
export type Exemption =
  | { readonly kind: 'none' }
  | { readonly kind: 'active'; readonly event: ExemptionEvent }
  | { readonly kind: 'incomplete'; readonly event: ExemptionEvent; readonly missing: readonly string[] }
  | { readonly kind: 'not_recognised'; readonly event: ExemptionEvent };

export function exemptionOn(state: PppState, day: LocalDate): Exemption {
  const event = eventsOf(state.timeline, 'contraception_exemption')
    .filter((e) => compareDates(e.on, day) <= 0)
    .pop();
  if (event === undefined) return { kind: 'none' };
  if (!state.variantOn(day).contraceptionExemption) return { kind: 'not_recognised', event };
  const missing: string[] = [];
  if (!event.agreedByPrescriber) missing.push("the prescriber's agreement");
  if (!event.agreedByPatient) missing.push("the patient's agreement");
  if (event.reason.trim() === '') missing.push('the reason');
  return missing.length === 0 ? { kind: 'active', event } : { kind: 'incomplete', event, missing };
}

/** UK3: what the exemption waives, said in the warning every time it is applied. */
export function warnExemptionApplied(f: Findings, event: ExemptionEvent): void {
  f.warn(
    'contraception_exemption_applied',
    'UK3',
    `Contraception exemption of ${event.on.toString()} (reason: ${event.reason.trim()}), agreed by prescriber and patient: EU4 contraception (one month before, during and one month after treatment) and the EU3 condition that the first test comes one month after contraception began are waived. Pregnancy tests are still required.`,
    'You and your prescriber agreed that you do not need contraception; you still need your pregnancy tests.',
  );
}

function notInUseDetail(state: PppState, day: LocalDate): string {
  const now = protectionOn(state.timeline, day);
  const methods = [...now.methods];
  const described =
    methods.length === 0 ? 'no method is recorded' : `methods in use: ${methods.map((m) => `${m} (${pppMethodClass(m).replaceAll('_', ' ')})`).join(', ')}`;
  const abstinence = now.abstinent ? '; abstinence does not replace contraception (EU4 applies even without sexual activity)' : '';
  return `${described}${abstinence}`;
}

/**
 * EU4 on `day`: 'exempt' under an active UK3 exemption, else the first day of the uninterrupted
 * protection that covers `day`, or undefined (the requirement is then added to the findings).
 */
export function contraceptionSince(state: PppState, f: Findings, day: LocalDate): LocalDate | 'exempt' | undefined {
  const exemption = exemptionOn(state, day);
  if (exemption.kind === 'active') {
    warnExemptionApplied(f, exemption.event);
    return 'exempt';
  }
  if (exemption.kind === 'not_recognised') {
    f.warn(
      'contraception_exemption_not_recognised',
      'EU4',
      `A contraception exemption is recorded (${exemption.event.on.toString()}), but the EU programme has none: EU4 contraception applies.`,
      'You still need contraception under this programme.',
    );
  }
  const since = protectedSince(state.timeline, day, pppProtection);
  if (since !== undefined) return since;
  f.require({
    code: 'contraception_not_in_use',
    ruleId: 'EU4',
    staff: `On ${day.toString()} the patient is not protected by one highly effective user-independent method or by a hormonal method plus a barrier (${notInUseDetail(state, day)}).`,
    patient: 'You must use effective contraception: one long-acting method, or a hormonal method together with a condom or another barrier.',
    earliest: state.clinicDay,
    step: { who: 'patient', text: 'Start effective contraception (one highly effective method, or a hormonal method plus a barrier).', from: state.clinicDay.toString() },
  });
  if (exemption.kind === 'incomplete') {
    f.require({
      code: 'contraception_exemption_incomplete',
      ruleId: 'UK3',
      staff: `The contraception exemption of ${exemption.event.on.toString()} does not apply: ${exemption.missing.join(', ')} missing.`,
      patient: 'Your exemption from contraception has not been agreed and recorded in full.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Record the exemption with the reason and both agreements, or start contraception.', from: state.clinicDay.toString() },
    });
  }
  return undefined;
}
