import { DomainInputError } from '../errors.js';

/** Reads a whole-number grade in [min, max]; anything else names its field (never rounded or clamped). */
export function wholeNumberIn(value: number, min: number, max: number, field: string, what: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DomainInputError('grade_out_of_range', field, `${what} is a whole number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}
