import { DomainInputError } from '../errors.js';
import { decimalFromNumber, type Decimal } from './decimal.js';

/**
 * Guards for numbers the domain receives from callers other than the CLI (which validates with
 * zod first): a weight, a mg/kg figure or a mg count outside its domain is an input error that
 * names the field, never a silent clamp.
 */
export function positiveDecimal(value: number, field: string): Decimal {
  if (!Number.isFinite(value) || value <= 0) {
    throw new DomainInputError('not_positive', field, `must be a positive number: ${value}`);
  }
  return decimalFromNumber(value);
}

export function positiveWholeNumber(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new DomainInputError('not_positive_integer', field, `must be a positive whole number: ${value}`);
  }
  return value;
}
