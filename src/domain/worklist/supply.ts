import { addDays, compareDates, localDateOf, windowLastDay, type LocalDate } from '../calendar/index.js';
import type { EventOf, ProgramEvent } from '../program/index.js';
import { WL_COLLECT, WL_SUPPLY, type WorkItem } from './work-items.js';

/**
 * WL-SUPPLY: the next pickup is due in the 7 calendar days that end on the last day of the
 * current supply, so a monthly test taken in them still opens a 7-day window (US7, EU2) that
 * covers the day the capsules run out.
 */
export const WL_SUPPLY_DUE_DAYS = 7;

/**
 * WL-SUPPLY: days' supply = quantity x strength / daily mg (the US1 formula), whole days only
 * (integer division: a part day is not a day of treatment); Day 1 is the day of the dispense
 * (DECISION 2), so the supply lasts until Day 1 + days - 1. Never less than the dispense day.
 */
export function supplyLastDay(dispensedOn: LocalDate, quantity: number, strengthMg: number, dailyMg: number): LocalDate {
  const days = Math.floor((quantity * strengthMg) / dailyMg);
  return windowLastDay(dispensedOn, Math.max(1, days));
}

type Authorization = EventOf<'authorization_issued'>;

/** DECISION 6: an authorization is open until it is dispensed or reversed. */
export function openAuthorizations(courseEvents: readonly ProgramEvent[]): Authorization[] {
  const closed = new Set(courseEvents.flatMap((e) => (e.kind === 'dispense' || e.kind === 'authorization_reversed' ? [e.authorizationId] : [])));
  return courseEvents.filter((e): e is Authorization => e.kind === 'authorization_issued' && !closed.has(e.id));
}

/**
 * WL-COLLECT: an open authorization is due for collection until its last day (US7, EU2, US10);
 * from the next day it is overdue: the pharmacy reverses it and returns the stock (US13).
 */
export function collectItem(authorization: Authorization, today: LocalDate, zone: string): WorkItem {
  const last = authorization.lastDayToCollect;
  const issuedOn = localDateOf(authorization.at, zone).toString();
  if (compareDates(today, last) > 0) {
    return {
      code: 'authorization_not_collected',
      ruleId: WL_COLLECT,
      who: 'pharmacy',
      staffText: `Authorization ${authorization.id} was not collected by ${last.toString()}: reverse it and return the stock (US13); the next authorization needs the programme's steps again.`,
      patientText: `Your prescription was not collected by ${last.toString()}. Contact your clinic to arrange the next steps.`,
      by: last.toString(),
    };
  }
  return {
    code: 'collect_by',
    ruleId: WL_COLLECT,
    who: 'patient',
    staffText: `Authorization ${authorization.id} is open: the patient collects by ${last.toString()} (23:59, ${zone}).`,
    patientText: `Collect your isotretinoin at the pharmacy by ${last.toString()} (23:59, ${zone} time).`,
    from: issuedOn,
    by: last.toString(),
  };
}

/**
 * WL-SUPPLY: the last dispense of the course and the prescription it was made against give the
 * day the capsules run out; the next pickup is due in the 7 days ending that day, overdue after.
 * Undefined when nothing was dispensed in this course or the dispense cannot be traced.
 */
export function supplyItem(courseEvents: readonly ProgramEvent[], history: readonly ProgramEvent[], clinicZone: string): WorkItem | undefined {
  const dispenses = courseEvents.filter((e): e is EventOf<'dispense'> => e.kind === 'dispense');
  const last = dispenses[dispenses.length - 1];
  if (last === undefined) return undefined;
  const authorization = history.find((e): e is Authorization => e.kind === 'authorization_issued' && e.id === last.authorizationId);
  const rx = authorization === undefined ? undefined : history.find((e): e is EventOf<'prescription'> => e.kind === 'prescription' && e.id === authorization.prescriptionId);
  if (rx === undefined) return undefined;
  const lastDay = supplyLastDay(localDateOf(last.at, clinicZone), last.quantity, rx.strengthMg, rx.dailyMg);
  return {
    code: 'next_pickup',
    ruleId: WL_SUPPLY,
    who: 'clinic',
    staffText: `The supply dispensed on ${localDateOf(last.at, clinicZone).toString()} lasts until ${lastDay.toString()}: arrange the monthly steps, the next prescription and its authorization so the patient can collect by then.`,
    patientText: `Your capsules last until ${lastDay.toString()}. Plan your monthly visit so you can collect your next supply by then.`,
    from: addDays(lastDay, 1 - WL_SUPPLY_DUE_DAYS).toString(),
    by: lastDay.toString(),
  };
}
