import type { LocalDate } from '../../../calendar/index.js';
import type { RuleId } from '../../decision.js';
import type { PregnancyTestFacts } from '../../pregnancy-tests.js';
import type { PppState } from './ppp-model.js';
import { EU3_MAX_DETECTION_THRESHOLD_MIU_PER_ML } from './ppp-rules.js';
import { testDay } from './ppp-state.js';

/** Why a test does not count (or a note on one that counts). */
export interface TestNote {
  readonly code: string;
  readonly ruleId: RuleId;
  readonly staff: string;
  readonly patient: string;
}

/**
 * What a test is for: the test before the first prescription of a sequence, a follow-up test
 * before a later prescription, or the final test after the last dose (EU3).
 */
export type TestRole = 'pre_treatment' | 'follow_up' | 'post_treatment';

export interface TestAssessment {
  readonly day: LocalDate;
  /** Empty when the test counts as a valid negative test for its role. */
  readonly defects: readonly TestNote[];
}

function describe(test: PregnancyTestFacts, day: LocalDate): string {
  return `${test.specimen} pregnancy test ${test.id} collected on ${day.toString()}`;
}

/**
 * EU3 "medically supervised" [C]: a laboratory or a medical setting. UK2 [C] (2025 guidance): the
 * first appointment is in person, later follow-up and post-treatment tests may be supervised
 * remotely. DECISION-UK2-REMOTE-TEST: a remote (home) test counts only with its supervision
 * recorded - who supervised or read it and when.
 */
function settingDefects(state: PppState, test: PregnancyTestFacts, role: TestRole, what: string): TestNote[] {
  if (test.setting !== 'home') return [];
  if (!state.variantOn(testDay(test, state.zone)).remoteFollowUpTests) {
    return [
      {
        code: 'test_not_medically_supervised',
        ruleId: 'EU3',
        staff: `The ${what} is a home test; EU pregnancy tests must be medically supervised (laboratory or medical setting).`,
        patient: 'Your pregnancy test must be done under medical supervision, not at home.',
      },
    ];
  }
  if (role === 'pre_treatment') {
    return [
      {
        code: 'test_not_in_person',
        ruleId: 'UK2',
        staff: `The ${what} is a remote test; the test before the first prescription is done in person, at the first appointment.`,
        patient: 'Your first pregnancy test must be done in person at the clinic or a laboratory.',
      },
    ];
  }
  const evidence = test.homeEvidence;
  const missing: string[] = [];
  if (evidence?.readBy === undefined || evidence.readBy.trim() === '') missing.push('who supervised it');
  if (evidence?.readAt === undefined) missing.push('when it was read');
  if (missing.length === 0) return [];
  return [
    {
      code: 'remote_test_supervision_missing',
      ruleId: 'UK2',
      staff: `The ${what} is a remote test without its supervision recorded: ${missing.join(', ')} missing.`,
      patient: 'Your remote pregnancy test must be supervised by the clinic; its record is incomplete.',
    },
  ];
}

/** Judges one test as a valid negative test for its role, by the pack of its specimen date. */
export function assessTest(state: PppState, test: PregnancyTestFacts, role: TestRole): TestAssessment {
  const day = testDay(test, state.zone);
  const what = describe(test, day);
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
        ruleId: 'EU3',
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
  } else if (test.sensitivityMiuPerMl > EU3_MAX_DETECTION_THRESHOLD_MIU_PER_ML) {
    defects.push({
      code: 'test_sensitivity_insufficient',
      ruleId: 'EU3',
      staff: `The ${what} detects ${test.sensitivityMiuPerMl} mIU/mL; a minimum sensitivity of 25 mIU/mL (a threshold of 25 or lower) is needed.`,
      patient: 'The pregnancy test used was not sensitive enough; it must be repeated with a more sensitive test.',
    });
  }
  return { day, defects: [...defects, ...settingDefects(state, test, role, what)] };
}

export function isValidNegative(test: PregnancyTestFacts, assessment: TestAssessment): boolean {
  return test.result === 'negative' && assessment.defects.length === 0;
}
