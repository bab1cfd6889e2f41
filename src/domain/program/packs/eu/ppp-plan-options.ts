import { addDays, addMonths, compareDates, localDateOf, maxDate, minDate, type LocalDate } from '../../../calendar/index.js';
import { protectedSince } from '../../contraception-coverage.js';
import type { EventOf } from '../../events.js';
import type { PlanStep } from '../../planning.js';
import { eventsOf } from '../../timeline.js';
import { dispensesOfPrescription } from './ppp-checks.js';
import { exemptionOn } from './ppp-contraception.js';
import { pppProtection } from './ppp-methods.js';
import type { PppState } from './ppp-model.js';
import { EU2_DISPENSE_WINDOW_DAYS, EU3_TEST_DAYS_BEFORE_PRESCRIPTION, EU4_CONTRACEPTION_MONTHS_BEFORE } from './ppp-rules.js';
import { initialOfPhase, phaseTests, testFitsPrescription } from './ppp-sequence.js';
import { ofChildbearingPotential, testDay } from './ppp-state.js';

/**
 * Candidate plans for one pickup day, best first: reuse a recorded prescription, reuse a
 * recorded test with a new prescription, or a new test and a new prescription (EU3: test on the
 * prescribing day or in the 3 days before; EU2: dispense within 7 days of the prescription). The
 * planner keeps the first candidate that the engine allows.
 */
export interface PlanOption {
  readonly steps: readonly PlanStep[];
  /** Recorded prescription the option authorizes, when it writes none. */
  readonly reusedPrescriptionId?: string | undefined;
}

const iso = (d: LocalDate): string => d.toString();

function prescriptionStep(on: LocalDate, earliest: LocalDate, latest: LocalDate, childbearing: boolean): PlanStep {
  return {
    who: 'clinic',
    code: 'write_prescription',
    ruleId: childbearing ? 'EU3' : 'EU2',
    text: childbearing
      ? 'Write the prescription (at most 30 days, no refills) on the test day or within the 3 days after it.'
      : 'Write the prescription (no refills); it must be dispensed within 7 days.',
    earliest: iso(earliest),
    latest: iso(latest),
    on: iso(on),
    fact: { kind: 'prescription', on: iso(on) },
  };
}

/** Recorded prescriptions of the course that are still unused (no authorization, no dispense). */
function unusedPrescriptions(state: PppState, pickup: LocalDate): Array<EventOf<'prescription'>> {
  const start = state.phaseStart;
  if (start === undefined) return [];
  return eventsOf(state.timeline, 'prescription').filter(
    (rx) =>
      compareDates(rx.writtenOn, start) >= 0 &&
      compareDates(rx.writtenOn, pickup) <= 0 &&
      compareDates(pickup, addDays(rx.writtenOn, EU2_DISPENSE_WINDOW_DAYS - 1)) <= 0 &&
      dispensesOfPrescription(state, rx.id).length === 0 &&
      !eventsOf(state.timeline, 'authorization_issued').some((a) => a.prescriptionId === rx.id),
  );
}

/** First day a new qualifying test may be collected (EU4 month of contraception when needed). */
function firstTestDay(state: PppState, since: LocalDate | undefined, exempt: boolean): LocalDate {
  const today = state.clinicDay;
  if (exempt) return today;
  const lastDispense = state.dispensesInPhase[state.dispensesInPhase.length - 1];
  const interrupted = since !== undefined && lastDispense !== undefined && compareDates(since, localDateOf(lastDispense.at, state.zone)) > 0;
  if (since !== undefined && !initialOfPhase(state) && !interrupted) return today;
  return maxDate(today, addMonths(since ?? today, EU4_CONTRACEPTION_MONTHS_BEFORE));
}

export function planOptions(state: PppState, pickup: LocalDate): PlanOption[] {
  const today = state.clinicDay;
  if (compareDates(pickup, today) < 0) return [];
  const childbearing = ofChildbearingPotential(state);
  const reuse = unusedPrescriptions(state, pickup).map((rx) => ({ steps: [], reusedPrescriptionId: rx.id }));
  const windowStart = maxDate(today, addDays(pickup, 1 - EU2_DISPENSE_WINDOW_DAYS));
  if (!childbearing) return [...reuse, { steps: [prescriptionStep(pickup, windowStart, pickup, false)] }];
  const exempt = exemptionOn(state, today).kind === 'active';
  const since = exempt ? undefined : protectedSince(state.timeline, today, pppProtection);
  const start: PlanStep[] =
    exempt || since !== undefined
      ? []
      : [{ who: 'patient', code: 'start_contraception', ruleId: 'EU4', text: 'Start effective contraception (one highly effective method, or a hormonal method plus a barrier).', on: iso(today), latest: iso(today), fact: { kind: 'contraception_started', on: iso(today) } }];
  const options: PlanOption[] = reuse.map((r) => ({ ...r, steps: start }));
  const initial = initialOfPhase(state);
  const lastDispense = state.dispensesInPhase[state.dispensesInPhase.length - 1];
  const recorded = phaseTests(state)
    .filter((t) => t.result === 'negative' && (lastDispense === undefined || compareDates(testDay(t, state.zone), localDateOf(lastDispense.at, state.zone)) >= 0))
    .map((t) => testDay(t, state.zone))
    .pop();
  if (recorded !== undefined) {
    const on = maxDate(today, recorded, addDays(pickup, 1 - EU2_DISPENSE_WINDOW_DAYS));
    if (testFitsPrescription(recorded, on) && compareDates(on, pickup) <= 0) {
      options.push({ steps: [...start, prescriptionStep(on, on, minDate(addDays(recorded, EU3_TEST_DAYS_BEFORE_PRESCRIPTION), pickup), true)] });
    }
  }
  const testOn = maxDate(firstTestDay(state, since, exempt), addDays(pickup, -EU3_TEST_DAYS_BEFORE_PRESCRIPTION));
  if (compareDates(testOn, pickup) <= 0) {
    const test: PlanStep = {
      who: 'clinic',
      code: initial ? 'initial_pregnancy_test' : 'pregnancy_test',
      ruleId: 'EU3',
      text: initial
        ? 'Medically supervised pregnancy test in person, at least one calendar month after contraception began.'
        : 'Pregnancy test on the prescribing day or in the 3 days before it (medically supervised; UK: may be supervised remotely).',
      earliest: iso(testOn),
      latest: iso(pickup),
      on: iso(testOn),
      fact: { kind: 'pregnancy_test', on: iso(testOn), purpose: initial ? 'screening' : 'monthly', setting: 'medical_setting' },
    };
    options.push({ steps: [...start, test, prescriptionStep(pickup, testOn, minDate(addDays(testOn, EU3_TEST_DAYS_BEFORE_PRESCRIPTION), pickup), true)] });
  }
  return options;
}
