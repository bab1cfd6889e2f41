import type { Instant, LocalDate } from '../calendar/index.js';
import type { ProgramAction } from './actions.js';
import type { ProgramEvent } from './events.js';
import type { Jurisdiction } from './jurisdiction.js';
import type { RiskAssessment } from './risk.js';

/**
 * Program-rules section 1 DECISION: the effective date E of the 2026 iPLEDGE modification defaults
 * to 2026-08-08 and is configuration, because a postponement has been reported [S].
 */
export const DEFAULT_US_MODIFICATION_DATE = '2026-08-08';

export interface HomeTestOptIn {
  /** The prescriber opted in to home tests during and after treatment (US11, 2026 pack). */
  readonly optedIn: boolean;
  /** The clinic's anti-falsification procedure; without one an opt-in does not count. */
  readonly antiFalsificationProcedure?: string | undefined;
}

export interface ClinicSettings {
  /** E: first day of the `us-ipledge-2026` pack (America/New_York calendar date). */
  readonly usModificationDate: LocalDate;
  /** FDA enforcement discretion of Oct 2023: `us-ipledge-2021` tolerates home / non-CLIA tests (US11). */
  readonly enforcementDiscretionHomeTests: boolean;
  readonly homeTestOptIn: HomeTestOptIn;
}

export const PRESCRIBER_SPECIALTIES = ['dermatologist', 'general_practitioner', 'other'] as const;
export type PrescriberSpecialty = (typeof PRESCRIBER_SPECIALTIES)[number];

export interface Prescriber {
  readonly id: string;
  /** France and Italy: initial prescription by a dermatologist, Italian renewals by the GP (EU6). */
  readonly specialty: PrescriberSpecialty;
}

export interface Clinic {
  readonly id?: string | undefined;
  /** IANA zone of the clinic: specimen dates and date-only events are read in it. */
  readonly timeZone: string;
  readonly prescribers: readonly Prescriber[];
  readonly settings: ClinicSettings;
}

export interface Patient {
  readonly id?: string | undefined;
  /** Needed by rules that depend on age (UK1 under-18); missing blocks those rules. */
  readonly birthDate?: LocalDate | undefined;
  /** Category at enrollment; later changes are `risk_category_changed` events. */
  readonly risk: RiskAssessment;
}

/**
 * Everything the engine reads to judge one action: the facts of one patient's programme history
 * (all courses) and the action to judge at an instant. Pure data; the engine never reads a clock.
 */
export interface ProgramCase {
  readonly jurisdiction: Jurisdiction;
  readonly clinic: Clinic;
  readonly patient: Patient;
  /** Dated facts, in any order; ties on the same date keep their list order. */
  readonly events: readonly ProgramEvent[];
  readonly action: ProgramAction;
}

/** The instant of the action being judged. */
export function actionInstant(programCase: ProgramCase): Instant {
  return programCase.action.at;
}
