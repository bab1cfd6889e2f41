import { DomainInputError } from '../errors.js';
import { decimalFromNumber, type Decimal } from './decimal.js';

/**
 * Plausibility bounds. Not clinical rules: guards against unit errors (g for kg, a dose in mg/kg
 * typed as mg) and against inputs so large that dates would leave the calendar's range.
 */
export const MAX_WEIGHT_KG = 700;
export const MAX_MG_PER_KG_PER_DAY = 10;
export const MAX_TARGET_MG_PER_KG = 1000;
export const MAX_PHASE_DAYS = 3650;

/**
 * Guards for numbers the domain receives from callers other than the CLI (which validates with
 * zod first): a weight, a mg/kg figure or a mg count outside its domain is an input error that
 * names the field, never a silent clamp.
 */
export function positiveDecimal(value: number, field: string, max?: number): Decimal {
  if (!Number.isFinite(value) || value <= 0) {
    throw new DomainInputError('not_positive', field, `must be a positive number: ${value}`);
  }
  if (max !== undefined && value > max) {
    throw new DomainInputError('implausible_value', field, `must be at most ${max}: ${value}`);
  }
  return decimalFromNumber(value);
}

export function positiveWholeNumber(value: number, field: string, max?: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new DomainInputError('not_positive_integer', field, `must be a positive whole number: ${value}`);
  }
  if (max !== undefined && value > max) {
    throw new DomainInputError('implausible_value', field, `must be at most ${max}: ${value}`);
  }
  return value;
}
