import { Temporal } from 'temporal-polyfill';
import { tryParseDate } from '../../../src/domain/calendar/index.js';

/** Why a typed value cannot be sent; the screen turns each code into words next to the field. */
export type ProblemCode = 'required' | 'notChosen' | 'notANumber' | 'notPositive' | 'notWhole' | 'invalidDate' | 'future' | 'tooLarge' | 'tooSmall' | 'notMultiple' | 'tooLong';

export interface FieldProblem<F extends string = string> {
  readonly field: F;
  readonly code: ProblemCode;
  /** The bound a `tooLarge`, `tooSmall`, `tooLong` or `notMultiple` problem is about. */
  readonly limit?: number;
}

export type FormOutcome<B, F extends string = string> = { readonly ok: true; readonly body: B } | { readonly ok: false; readonly problems: readonly FieldProblem<F>[] };

/** Collects the problems of one submission: every field is checked, never only the first. */
export class Checker<F extends string> {
  readonly problems: FieldProblem<F>[] = [];

  add(field: F, code: ProblemCode, limit?: number): void {
    this.problems.push(limit === undefined ? { field, code } : { field, code, limit });
  }

  /** A choice (select, radio): the value, or a `required` problem when nothing is chosen. */
  chosen<V extends string>(field: F, value: V | ''): V | undefined {
    if (value !== '') return value;
    this.add(field, 'notChosen');
    return undefined;
  }

  /** Trimmed text, required, at most `max` characters. */
  text(field: F, value: string, max = 500): string | undefined {
    const trimmed = value.trim();
    if (trimmed === '') {
      this.add(field, 'required');
      return undefined;
    }
    if (trimmed.length > max) {
      this.add(field, 'tooLong', max);
      return undefined;
    }
    return trimmed;
  }

  /** Trimmed text or undefined when empty (at most `max` characters). */
  optionalText(field: F, value: string, max = 4000): string | undefined {
    return value.trim() === '' ? undefined : this.text(field, value, max);
  }

  /** A calendar date YYYY-MM-DD; `notAfter` (also YYYY-MM-DD) refuses later days. */
  date(field: F, value: string, notAfter?: string): string | undefined {
    const trimmed = value.trim();
    if (trimmed === '') {
      this.add(field, 'required');
      return undefined;
    }
    if (tryParseDate(trimmed) === undefined) {
      this.add(field, 'invalidDate');
      return undefined;
    }
    if (notAfter !== undefined && trimmed > notAfter) {
      this.add(field, 'future');
      return undefined;
    }
    return trimmed;
  }

  /** A whole number from `min` to `max`. */
  whole(field: F, value: string, min: number, max: number): number | undefined {
    const trimmed = value.trim();
    if (trimmed === '') {
      this.add(field, 'required');
      return undefined;
    }
    if (/^\d+[.,]\d+$/.test(trimmed)) {
      this.add(field, 'notWhole');
      return undefined;
    }
    if (!/^\d+$/.test(trimmed)) {
      this.add(field, 'notANumber');
      return undefined;
    }
    const n = Number(trimmed);
    if (n < min) {
      this.add(field, min === 1 ? 'notPositive' : 'tooSmall', min);
      return undefined;
    }
    if (n > max) {
      this.add(field, 'tooLarge', max);
      return undefined;
    }
    return n;
  }

  /** A positive decimal (a decimal comma is accepted) up to `max`. */
  decimal(field: F, value: string, max: number): number | undefined {
    const trimmed = value.trim();
    if (trimmed === '') {
      this.add(field, 'required');
      return undefined;
    }
    if (!/^\d+([.,]\d+)?$/.test(trimmed)) {
      this.add(field, 'notANumber');
      return undefined;
    }
    const n = Number(trimmed.replace(',', '.'));
    if (n <= 0) {
      this.add(field, 'notPositive');
      return undefined;
    }
    if (n > max) {
      this.add(field, 'tooLarge', max);
      return undefined;
    }
    return n;
  }

  optionalDecimal(field: F, value: string, max: number): number | undefined {
    return value.trim() === '' ? undefined : this.decimal(field, value, max);
  }

  outcome<B>(build: () => B): FormOutcome<B, F> {
    return this.problems.length > 0 ? { ok: false, problems: this.problems } : { ok: true, body: build() };
  }
}

/** One entry per non-empty line (lists typed one item a line: medicines, allergies, ...). */
export function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * A wall-clock date and time as an ISO 8601 instant, or undefined: in the clinic's zone when it
 * is known (what the programme counts days in), else in the browser's.
 */
export function instantOf(date: string, time: string, zone?: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  if (zone !== undefined) {
    try {
      return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone).toInstant().toString();
    } catch {
      return undefined;
    }
  }
  const at = new Date(`${date}T${time}:00`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

function zoned(now: Date, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone);
}

/** Today in the clinic's zone (YYYY-MM-DD), or in the browser's when the zone is not known. */
export function todayIn(zone: string | undefined, now: Date = new Date()): string {
  return zone === undefined ? localToday(now) : zoned(now, zone).toPlainDate().toString();
}

/** The time now (HH:MM) in the clinic's zone, or in the browser's. */
export function timeIn(zone: string | undefined, now: Date = new Date()): string {
  return zone === undefined ? localTime(now) : zoned(now, zone).toPlainTime().toString().slice(0, 5);
}

/** Today's date in the browser's zone, YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The time now in the browser's zone, HH:MM. */
export function localTime(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
}

/** The prescriber a clinical write is for: none for a prescriber, the course's (or the first) for a designee. */
export function actingFor(user: { readonly role: string; readonly actsFor: readonly string[] }, coursePrescriberId?: string | null): { prescriberId?: string } {
  if (user.role !== 'designee') return {};
  const chosen = coursePrescriberId !== undefined && coursePrescriberId !== null && user.actsFor.includes(coursePrescriberId) ? coursePrescriberId : user.actsFor[0];
  return chosen === undefined ? {} : { prescriberId: chosen };
}

/**
 * A fresh Idempotency-Key for one form load: a double click or a retry of the same form sends
 * the same key, so the server applies the write once (128 random bits, hex).
 */
export function newIdempotencyKey(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> = (bytes) => crypto.getRandomValues(bytes)): string {
  return Array.from(random(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * An instant of the API (ISO 8601 with an offset, perhaps with a `[zone]` annotation) as the
 * clinic reads it: weekday, day, month, year and 24-hour time in the clinic's zone; the text as
 * given when it cannot be read, never an exception.
 */
export function formatInstantIn(text: string, zone: string | undefined): string {
  let epochMs: number;
  try {
    epochMs = Temporal.Instant.from(text).epochMilliseconds;
  } catch {
    return text;
  }
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', hourCycle: 'h23', ...(zone === undefined ? {} : { timeZone: zone }) }).format(new Date(epochMs));
}
