import { DomainInputError } from '../errors.js';

/** Jurisdictions whose labels the clinical rules distinguish (clinical-rules.md section 4). */
export const JURISDICTIONS = ['US', 'EU', 'UK', 'CA'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export function isJurisdiction(value: string): value is Jurisdiction {
  return (JURISDICTIONS as readonly string[]).includes(value);
}

/** Reads a jurisdiction; anything else is input the engine cannot judge (never a silent default). */
export function parseJurisdiction(value: string, field = 'jurisdiction'): Jurisdiction {
  if (isJurisdiction(value)) return value;
  throw new DomainInputError('jurisdiction_unknown', field, `unknown jurisdiction "${value}": expected one of ${JURISDICTIONS.join(', ')}`);
}
