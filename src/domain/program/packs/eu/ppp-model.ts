import type { LocalDate } from '../../../calendar/index.js';
import type { NextStep, PackId, PackRef } from '../../decision.js';
import type { EventOf, FormKind, PrescriptionFacts } from '../../events.js';
import type { Findings } from '../../findings.js';
import type { Jurisdiction } from '../../jurisdiction.js';
import type { ProgramCase } from '../../program-case.js';
import type { RiskAssessment } from '../../risk.js';
import type { CourseSpan, Timeline } from '../../timeline.js';

/**
 * The shared model of the EU pregnancy prevention programme (EU1-EU6) and of its UK form (EU1-EU5
 * plus UK1-UK3). The three dated packs (`eu-ppp-2018`, `uk-mhra-2023`, `uk-mhra-2026`) share one
 * implementation parameterised by a `PppVariant`; what only one pack does (EU6, UK1, UK2) is a
 * `PrescriptionCheck` of its variant, so the shared code never imports a country's rules.
 */

export type PppPackId = Extract<PackId, 'eu-ppp-2018' | 'uk-mhra-2023' | 'uk-mhra-2026'>;

/** What a prescription check needs to know about the prescription it judges. */
export interface PrescriptionContext {
  readonly rx: PrescriptionFacts;
  /** No dispense yet in the current course: this is the initial prescription (EU6, UK1, UK2). */
  readonly initialOfCourse: boolean;
  /** The day judged: the prescription date when it is written, the action's day when it is authorized. */
  readonly judgedOn: LocalDate;
}

/** A pack-specific requirement on every prescription (EU6 prescriber, UK1 second prescriber, UK2 assessments). */
export type PrescriptionCheck = (state: PppState, f: Findings, p: PrescriptionContext) => void;

export interface PppVariant {
  readonly id: PppPackId;
  /** Program-rules section 2: the EU 2024 DHPC definition, or the UK one (also tubal ligation, menopause confirmed). */
  readonly childbearingDefinition: 'eu_dhpc_2024' | 'uk_pharmacist_checklist';
  /** EU5: the acknowledgement form of this pack. */
  readonly acknowledgementForm: Extract<FormKind, 'eu_acknowledgement_form' | 'uk_acknowledgement_of_risk_2023' | 'uk_acknowledgement_of_risk_2026'>;
  /** EU5: EU form for patients of childbearing potential; UK Acknowledgement of Risk Form for every patient. */
  readonly acknowledgementFormFor: 'childbearing_potential' | 'all_patients';
  /** UK3: a contraception exemption agreed by prescriber and patient replaces EU4. */
  readonly contraceptionExemption: boolean;
  /** UK2 (2025 guidance): follow-up and post-treatment tests may be supervised remotely. */
  readonly remoteFollowUpTests: boolean;
  /** EU1 note: warn above 28 days of treatment (UK formularies). */
  readonly formulary28DaysWarning: boolean;
  /** Where the positive-test report goes (EU3 steps). */
  readonly pregnancyReporting: string;
  /** Requirements only this pack has, run on every prescription judged under it. */
  readonly prescriptionChecks: readonly PrescriptionCheck[];
  /**
   * What only this pack asks before a prescription (EU6, UK1, UK2), as steps: shown at enrollment
   * and course start (initial prescription) and laid out in the course calendar.
   */
  readonly prescriptionSteps: (jurisdiction: Jurisdiction, initial: boolean, childbearing: boolean) => readonly VariantStep[];
}

/** A step only one pack has, dated by whoever shows it. */
export type VariantStep = Pick<NextStep, 'who' | 'code' | 'ruleId' | 'text'>;

export type TestEvent = EventOf<'pregnancy_test'>;
export type DispenseEvent = EventOf<'dispense'>;

/**
 * Everything the EU/UK rules derive from a case before judging one action, computed once so
 * that every check reads the same facts.
 */
export interface PppState {
  readonly programCase: ProgramCase;
  readonly pack: PackRef;
  readonly jurisdiction: Jurisdiction;
  readonly timeline: Timeline;
  /** The clinic's zone: EU/UK days are counted and windows close in it (DECISION 5). */
  readonly zone: string;
  /** The day that chose the pack (DECISION-ACTION-DATE). */
  readonly actionDay: LocalDate;
  /** The action's day in the clinic zone. */
  readonly clinicDay: LocalDate;
  readonly variant: PppVariant;
  /** Variant in force on another day: a fact is judged by the pack of its own date. */
  readonly variantOn: (day: LocalDate) => PppVariant;
  readonly courses: readonly CourseSpan[];
  readonly course: CourseSpan | undefined;
  /** Documents (forms, card, booklet, agreements) count from this day: the previous course's stop day. */
  readonly documentsFrom: LocalDate | undefined;
  readonly risk: RiskAssessment;
  /** First day of the current pre-treatment sequence (course start, or DECISION-RISK-CHANGE restart). */
  readonly phaseStart: LocalDate | undefined;
  readonly riskRestartOn: LocalDate | undefined;
  readonly tests: readonly TestEvent[];
  /** Positive tests not cleared by a re-qualification or a course stop. */
  readonly blockingPositives: readonly TestEvent[];
  /** Tests of the current course whose result is not recorded (DECISION 8). */
  readonly pendingTests: readonly TestEvent[];
  readonly dispensesInCourse: readonly DispenseEvent[];
  readonly dispensesInPhase: readonly DispenseEvent[];
  readonly lastDoseOn: LocalDate | undefined;
}
