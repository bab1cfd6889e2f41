/**
 * Where a course is run. The jurisdiction picks the family of rule packs; the date of the action
 * picks the dated pack inside the family (program-rules section 1 and its DECISION).
 * `EU-FR` and `EU-IT` are the French and Italian variants of the EU programme (rule EU6).
 */
export const JURISDICTIONS = ['US', 'EU', 'EU-FR', 'EU-IT', 'UK'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/**
 * iPLEDGE windows close at 23:59 New York time whatever the clinic's own zone
 * (program-rules US7 [S] and DECISION 5).
 */
export const US_PROGRAMME_ZONE = 'America/New_York';

/**
 * The zone in which a jurisdiction's calendar days are counted (DECISION 5): New York for the US
 * packs, the clinic's configured zone for EU and UK packs.
 */
export function programmeZone(jurisdiction: Jurisdiction, clinicZone: string): string {
  switch (jurisdiction) {
    case 'US':
      return US_PROGRAMME_ZONE;
    case 'EU':
    case 'EU-FR':
    case 'EU-IT':
    case 'UK':
      return clinicZone;
    default: {
      const unreachable: never = jurisdiction;
      return unreachable;
    }
  }
}
