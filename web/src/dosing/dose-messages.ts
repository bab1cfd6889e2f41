import type { DoseWarningCode } from '../../../src/domain/dosing/index.js';
import { getProduct, PRODUCT_IDS } from '../../../src/domain/dosing/index.js';
import { t, type PlainMessageKey } from '../i18n/t.js';
import type { DoseField, DoseFieldProblem } from './dose-form.js';

/** The id of the input a field's message is about (for labels and links from the summary). */
export function fieldId(field: DoseField): string {
  const phase = /^phases\.(\d+)\.(mgPerDay|days)$/.exec(field);
  if (phase !== null) return `dose-phase-${phase[1] ?? '0'}-${phase[2] === 'days' ? 'days' : 'mg'}`;
  switch (field) {
    case 'product':
      return 'dose-product';
    case 'weightKg':
      return 'dose-weight';
    case 'mgPerKgPerDay':
      return 'dose-per-kg';
    case 'targetMgPerKg':
      return 'dose-target-120';
    case 'startDate':
      return 'dose-start';
    default:
      return 'dose-product';
  }
}

/** How a message names the field: "the weight", "the days of phase 2". */
function fieldName(field: DoseField): string {
  const phase = /^phases\.(\d+)\.(mgPerDay|days)$/.exec(field);
  if (phase !== null) {
    const number = Number(phase[1]) + 1;
    return phase[2] === 'days' ? t('dose.fieldName.phaseDays', { number }) : t('dose.fieldName.phaseMg', { number });
  }
  switch (field) {
    case 'weightKg':
      return t('dose.fieldName.weight');
    case 'mgPerKgPerDay':
      return t('dose.fieldName.perKg');
    case 'targetMgPerKg':
      return t('dose.fieldName.target');
    case 'startDate':
      return t('dose.fieldName.startDate');
    case 'product':
      return t('dose.fieldName.product');
    default:
      // phase fields were handled above
      return t('dose.fieldName.product');
  }
}

function productName(productId: string): string {
  return (PRODUCT_IDS as readonly string[]).includes(productId) ? getProduct(productId).displayName : productId;
}

export function problemMessage(problem: DoseFieldProblem, values: { readonly product: string }): string {
  const field = fieldName(problem.field);
  switch (problem.code) {
    case 'required':
      return problem.field === 'targetMgPerKg' ? t('dose.error.chooseTarget') : t('dose.error.required', { field });
    case 'notANumber':
      return t('dose.error.notANumber', { field });
    case 'notPositive':
      return t('dose.error.notPositive', { field });
    case 'notWhole':
      return t('dose.error.notWhole', { field });
    case 'invalidDate':
      return t('dose.error.invalidDate');
    case 'unknownProduct':
      return t('dose.error.unknownProduct');
    case 'tooLarge':
      return t('dose.error.tooLarge', { field, max: problem.max });
    case 'notAchievable':
      return t('dose.error.notAchievable', { product: productName(values.product), mg: problem.requestedMg, nearest: problem.nearestMg });
    case 'domain':
      return problem.message;
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}

export const warningTitle = {
  dose_not_exact: 'dose.warning.doseNotExact',
  above_daily_mg_bound: 'dose.warning.aboveDailyBound',
  below_usual_range: 'dose.warning.belowUsualRange',
  above_usual_range: 'dose.warning.aboveUsualRange',
  above_maximum: 'dose.warning.aboveMaximum',
  maximum_unknown: 'dose.warning.maximumUnknown',
  once_daily_not_recommended: 'dose.warning.onceDaily',
  retreatment_too_early: 'dose.warning.retreatmentTooEarly',
  take_with_food: 'dose.warning.takeWithFood',
  course_shorter_than_usual: 'dose.warning.courseShorter',
  course_longer_than_usual: 'dose.warning.courseLonger',
  target_reached_before_final_phase: 'dose.warning.targetBeforeFinal',
  ld_equivalence_unsettled: 'dose.warning.ldEquivalence',
} as const satisfies Record<DoseWarningCode, PlainMessageKey>;
