/**
 * Builders for UK cases (London clinic): a first course with the Acknowledgement of Risk Form of
 * the pack, the in-person assessments, one month of contraception, a supervised test and a
 * prescription. Used by the UK pack tests only; not part of the engine.
 */
import { addMonths, date, minDate } from '../../../calendar/index.js';
import type { FormKind, ProgramEvent } from '../../events.js';
import { LONDON, assessmentsOn, contraceptionFrom, pppAuthorization, pppDispense, pppPrescription, pppStart, supervisedTest, wall } from '../eu/ppp-testing.js';

/** 56 x 20 mg at 40 mg/day: 28 days, the UK formulary supply (no EU1 warning). */
export const UK_28_DAYS = 56;

export interface UkCourseOptions {
  readonly test?: string;
  readonly form?: FormKind;
  readonly assessments?: 'in_person' | 'remote' | 'none';
}

/** First prescription (28 days) on `rx`; course, form, card and contraception one calendar month before the test. */
export function ukFirstCourse(rx: string, options: UkCourseOptions = {}): ProgramEvent[] {
  const test = options.test ?? rx;
  const start = addMonths(minDate(date(rx), date(test)), -1).toString();
  const assessments = options.assessments ?? 'in_person';
  return [
    ...pppStart(start, options.form ?? 'uk_acknowledgement_of_risk_2023'),
    ...contraceptionFrom(start),
    ...(assessments === 'none' ? [] : assessmentsOn(rx, assessments)),
    supervisedTest(test, LONDON, { purpose: 'screening' }),
    pppPrescription(rx, { quantity: UK_28_DAYS }),
  ];
}

/** The first course dispensed on the day after `rx`, then a renewal `rx-2` on `renewal` with its test (and remote assessments). */
export function ukRenewal(rx: string, renewal: string, options: UkCourseOptions & { readonly renewalTest?: ProgramEvent } = {}): ProgramEvent[] {
  const dispensed = date(rx).add({ days: 1 }).toString();
  return [
    ...ukFirstCourse(rx, options),
    pppAuthorization(`rx-${rx}`, wall(rx, '15:00', LONDON), date(rx).add({ days: 6 }).toString()),
    pppDispense(`auth-rx-${rx}`, wall(dispensed, '11:00', LONDON), { quantity: UK_28_DAYS }),
    { id: 'first-dose', kind: 'first_dose', on: date(dispensed) },
    ...assessmentsOn(renewal, 'remote'),
    options.renewalTest ?? supervisedTest(renewal, LONDON, { id: 'test-renewal' }),
    pppPrescription(renewal, { id: 'rx-2', quantity: UK_28_DAYS }),
  ];
}
