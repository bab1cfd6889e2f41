import type { Instant } from '../calendar/index.js';
import type { DispenseFacts, PrescriptionFacts } from './events.js';
import type { PregnancyTestFacts } from './pregnancy-tests.js';

/**
 * The action being judged, at an instant. The case's events are read as they were known at that
 * instant: anything dated later is ignored, so a decision can be replayed for any past moment.
 */
export type ProgramAction =
  /** Qualify and enroll the patient in the programme. */
  | { readonly kind: 'enroll'; readonly at: Instant; readonly prescriberId: string }
  /** Is this new test valid for its purpose (setting, sensitivity, spacing, timing)? */
  | { readonly kind: 'record_pregnancy_test'; readonly at: Instant; readonly test: PregnancyTestFacts }
  /** May this prescription be written (US1 supply, DECISION 7 no refills, certification)? */
  | { readonly kind: 'write_prescription'; readonly at: Instant; readonly prescription: PrescriptionFacts }
  /** May an authorization be issued for this recorded prescription now? */
  | { readonly kind: 'issue_authorization'; readonly at: Instant; readonly prescriptionId: string }
  /** May this pharmacy dispense against this recorded authorization now? */
  | { readonly kind: 'dispense'; readonly at: Instant; readonly dispense: DispenseFacts }
  /** May a new course be opened now (the full pre-treatment sequence follows)? */
  | { readonly kind: 'start_course'; readonly at: Instant; readonly prescriberId: string }
  /** May the open course be closed as complete, and what remains until then? */
  | { readonly kind: 'finish_course'; readonly at: Instant };

export type ActionKind = ProgramAction['kind'];
export const ACTION_KINDS = [
  'enroll',
  'record_pregnancy_test',
  'write_prescription',
  'issue_authorization',
  'dispense',
  'start_course',
  'finish_course',
] as const satisfies readonly ActionKind[];
