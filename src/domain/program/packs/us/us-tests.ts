import { Temporal } from 'temporal-polyfill';
import { compareDates, type LocalDate } from '../../../calendar/index.js';
import type { RuleId } from '../../decision.js';
import type { PregnancyTestFacts } from '../../pregnancy-tests.js';
import { testDay, type UsState } from './us-state.js';
import { US3_MAX_DETECTION_THRESHOLD_MIU_PER_ML } from './us-rules.js';

/** Why a test does not count, or a note on a test that counts. */
export interface TestNote {
  readonly code: string;
  readonly ruleId: RuleId;
  readonly staff: string;
  readonly patient: string;
}

export interface TestAssessment {
  readonly day: LocalDate;
  /** Empty when the test counts as a valid negative test for the programme. */
  readonly defects: readonly TestNote[];
  readonly warnings: readonly TestNote[];
}

export function describeTest(test: PregnancyTestFacts, day: LocalDate): string {
  return `${test.specimen} pregnancy test ${test.id} collected on ${day.toString()}`;
}

/**
 * Pre-treatment while no dose has been recorded before the specimen day, or while no dispense of
 * the current sequence happened before the specimen: the stricter setting rules apply
 * (US11 2026: medical setting; US9 2026: "if no dose has been taken yet").
 */
export function isPreTreatment(state: UsState, test: PregnancyTestFacts, day: LocalDate): boolean {
  const noDoseYet = state.firstDoseOn === undefined || compareDates(state.firstDoseOn, day) >= 0;
  const noDispenseYet = !state.dispensesInPhase.some((d) => Temporal.Instant.compare(d.at, test.collectedAt) < 0);
  return noDoseYet || noDispenseYet;
}

function missingEvidence(test: PregnancyTestFacts): string[] {
  const evidence = test.homeEvidence;
  const missing: string[] = [];
  if (evidence?.photoRef === undefined || evidence.photoRef === '') missing.push('photo');
  if (evidence?.brand === undefined || evidence.brand === '') missing.push('brand');
  if (evidence?.readAt === undefined) missing.push('time read');
  if (evidence?.readBy === undefined || evidence.readBy === '') missing.push('who read it');
  return missing;
}

function settingNotes(state: UsState, test: PregnancyTestFacts, day: LocalDate, what: string): {
  defects: TestNote[];
  warnings: TestNote[];
} {
  const defects: TestNote[] = [];
  const warnings: TestNote[] = [];
  const variant = state.variantOn(day);
  switch (variant.testSettings) {
    case 'clia_lab_with_enforcement_discretion':
      if (test.setting === 'clia_lab') break;
      if (state.settings.enforcementDiscretionHomeTests) {
        warnings.push({
          code: 'test_under_enforcement_discretion',
          ruleId: 'US11',
          staff: `The ${what} was not done in a CLIA-certified lab (${test.setting}); it counts only under the FDA enforcement discretion of October 2023 that this clinic applies.`,
          patient: 'Your test was accepted under a temporary FDA tolerance for tests outside a certified lab.',
        });
      } else {
        defects.push({
          code: 'test_not_in_clia_lab',
          ruleId: 'US11',
          staff: `The ${what} was done in a ${test.setting} setting; the 2021 iPLEDGE rules need a CLIA-certified lab (enforcement discretion is off for this clinic).`,
          patient: 'Your pregnancy test must be done in a certified laboratory.',
        });
      }
      break;
    case 'medical_setting_then_home_with_opt_in': {
      if (test.setting !== 'home') break;
      if (isPreTreatment(state, test, day)) {
        defects.push({
          code: 'test_not_in_medical_setting',
          ruleId: 'US11',
          staff: `The ${what} is a home test before treatment started; pre-treatment tests (and repeats before the first dose) must be done in a medical setting.`,
          patient: 'Before you start treatment, your pregnancy tests must be done at a clinic or lab, not at home.',
        });
        break;
      }
      const optIn = state.settings.homeTestOptIn;
      if (!optIn.optedIn || optIn.antiFalsificationProcedure === undefined || optIn.antiFalsificationProcedure.trim() === '') {
        defects.push({
          code: 'home_test_not_opted_in',
          ruleId: 'US11',
          staff: `The ${what} is a home test but the prescriber has not opted in to home tests with an anti-falsification procedure.`,
          patient: 'Your clinic does not accept home pregnancy tests; please test at the clinic or a lab.',
        });
      }
      const missing = missingEvidence(test);
      if (missing.length > 0) {
        defects.push({
          code: 'home_test_evidence_missing',
          ruleId: 'US11',
          staff: `The ${what} is a home test without its evidence: ${missing.join(', ')} missing.`,
          patient: `Your home test needs its evidence recorded (${missing.join(', ')}).`,
        });
      }
      break;
    }
    default: {
      const unreachable: never = variant.testSettings;
      return unreachable;
    }
  }
  return { defects, warnings };
}

/** Judges one test as a negative test for the programme, by the pack of its specimen date. */
export function assessTest(state: UsState, test: PregnancyTestFacts): TestAssessment {
  const day = testDay(test, state.programCase.clinic.timeZone);
  const what = describeTest(test, day);
  const defects: TestNote[] = [];
  switch (test.result) {
    case 'negative':
    case 'positive':
      break;
    case 'unknown':
      defects.push({
        code: 'pregnancy_test_result_unknown',
        ruleId: 'DECISION-8',
        staff: `The result of the ${what} is not recorded; an unknown result never counts as negative.`,
        patient: 'The result of your pregnancy test has not been recorded yet.',
      });
      break;
    case 'invalid':
      defects.push({
        code: 'pregnancy_test_invalid',
        ruleId: 'US6',
        staff: `The ${what} could not be read or the specimen was lost; repeat it.`,
        patient: 'Your pregnancy test could not be read; it must be repeated.',
      });
      break;
    default: {
      const unreachable: never = test.result;
      return unreachable;
    }
  }
  if (test.sensitivityMiuPerMl === undefined) {
    defects.push({
      code: 'test_sensitivity_unknown',
      ruleId: 'DECISION-8',
      staff: `The sensitivity of the ${what} is not recorded; it must detect 25 mIU/mL or less.`,
      patient: 'The clinic must record which pregnancy test was used.',
    });
  } else if (test.sensitivityMiuPerMl > US3_MAX_DETECTION_THRESHOLD_MIU_PER_ML) {
    defects.push({
      code: 'test_sensitivity_insufficient',
      ruleId: 'US3',
      staff: `The ${what} detects ${test.sensitivityMiuPerMl} mIU/mL; iPLEDGE needs a sensitivity of at least 25 mIU/mL (a threshold of 25 or lower).`,
      patient: 'The pregnancy test used was not sensitive enough; it must be repeated with a more sensitive test.',
    });
  }
  const setting = settingNotes(state, test, day, what);
  return { day, defects: [...defects, ...setting.defects], warnings: setting.warnings };
}
