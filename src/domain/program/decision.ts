import type { ActionKind } from './actions.js';
import type { Jurisdiction } from './jurisdiction.js';

/** Dated rule packs of program-rules section 1. */
export const PACK_IDS = ['us-ipledge-2021', 'us-ipledge-2026', 'eu-ppp-2018', 'uk-mhra-2023', 'uk-mhra-2026'] as const;
export type PackId = (typeof PACK_IDS)[number];

/**
 * Rule ids of program-rules sections 3-5 (`US7`, `EU3`, `UK1`, `DECISION-6`) plus the named
 * decisions on section 1 and the open questions (`DECISION-ACTION-DATE`, `DECISION-SECOND-COURSE`, ...).
 */
export type RuleId = `US${number}` | `EU${number}` | `UK${number}` | `DECISION-${string}`;

/** `YYYY-MM-DD`, a calendar date in the pack's zone. */
export type IsoDate = string;
/** ISO 8601 instant with offset and zone, e.g. `2026-03-07T23:59:59-05:00[America/New_York]`. */
export type IsoZonedInstant = string;

export interface PackRef {
  readonly id: PackId;
  readonly version: string;
  readonly jurisdiction: Jurisdiction;
  /** Zone in which this decision's days are counted and windows close (DECISION 5). */
  readonly zone: string;
}

/** One requirement that is not met. Codes are stable snake_case; messages may be reworded. */
export interface Unmet {
  readonly code: string;
  readonly ruleId: RuleId;
  readonly staffMessage: string;
  readonly patientMessage: string;
  /** Earliest calendar day the requirement can be met, when such a day exists (DECISION 9). */
  readonly earliestDate?: IsoDate | undefined;
}

/** Noted, never blocking (abstinence chosen, a test under enforcement discretion, ...). */
export interface Warning {
  readonly code: string;
  readonly ruleId: RuleId;
  readonly staffMessage: string;
  readonly patientMessage: string;
}

export const ACTORS = ['clinic', 'patient', 'pharmacy'] as const;
export type Actor = (typeof ACTORS)[number];

export interface NextStep {
  readonly who: Actor;
  readonly code: string;
  readonly ruleId: RuleId;
  readonly text: string;
  /** Not before this day. */
  readonly from?: IsoDate | undefined;
  /** At the latest on this day (23:59:59 in the pack's zone). */
  readonly by?: IsoDate | undefined;
}

/** Validity of an allowed authorization (US: the DND date is `lastDayToCollect`). */
export interface AuthorizationWindow {
  readonly firstInstant: IsoZonedInstant;
  readonly lastInstant: IsoZonedInstant;
  readonly lastDayToCollect: IsoDate;
}

/** What remains after the last dose (US5, US12 and their EU/UK counterparts). */
export interface CourseEndSummary {
  readonly lastDoseOn?: IsoDate | undefined;
  readonly endOfTreatmentTest?: { readonly from: IsoDate; readonly by: IsoDate; readonly done: boolean } | undefined;
  readonly postTreatmentTest?: { readonly from: IsoDate; readonly done: boolean } | undefined;
  readonly contraceptionUntil?: IsoDate | undefined;
  readonly noBloodDonationUntil?: IsoDate | undefined;
}

export interface Decision {
  readonly outcome: 'allowed' | 'blocked';
  readonly pack: PackRef;
  readonly action: { readonly kind: ActionKind; readonly at: IsoZonedInstant };
  /** The date that chose the pack (DECISION-ACTION-DATE). */
  readonly actionDate: IsoDate;
  /** Every unmet requirement (DECISION 9); empty exactly when the outcome is `allowed`. */
  readonly unmet: readonly Unmet[];
  readonly window?: AuthorizationWindow | undefined;
  readonly warnings: readonly Warning[];
  readonly nextSteps: readonly NextStep[];
  readonly courseEnd?: CourseEndSummary | undefined;
}
