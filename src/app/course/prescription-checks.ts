import type { CourseRecord } from '../../db/course.repository.js';
import { buildCapsuleTable, decimal, foodWarnings, getProduct, isAchievable, rangeWarnings, type DoseWarning } from '../../domain/dosing/index.js';
import { DomainInputError } from '../../domain/errors.js';
import { AppError } from '../errors.js';

export interface PrescriptionCheckInput {
  readonly product: string;
  readonly strengthMg: number;
  readonly dailyMg: number;
  readonly acknowledgeInteractions?: boolean | undefined;
}

export interface InteractionNote {
  readonly ruleId: string;
  readonly severity: 'absolute' | 'caution';
  readonly reason: string;
}

export interface PrescriptionChecks {
  readonly doseWarnings: readonly DoseWarning[];
  readonly interactions: readonly InteractionNote[];
}

const FAMILY: Record<string, string> = { US: 'US', UK: 'UK', EU: 'EU', 'EU-FR': 'EU', 'EU-IT': 'EU' };

function invalid(field: string, message: string): never {
  throw new AppError('invalid_input', message, { errors: [{ pointer: `/${field}`, detail: message }] });
}

/**
 * The clinical checks of a prescription before the programme engine sees it (issue 5 item 2):
 * the product exists and belongs to the clinic's jurisdiction, the strength is one of its
 * strengths, the daily dose can be made from its capsules (DOSE-CAPSULES), the dose against the
 * usual range and maximum for the course's baseline weight (DOSE-RANGE, DOSE-MAX, as warnings),
 * the food instruction (DOSE-FOOD), and the baseline's absolute interactions, which a prescriber
 * must acknowledge explicitly.
 */
export function checkPrescription(input: PrescriptionCheckInput, course: CourseRecord, clinicJurisdiction: string): PrescriptionChecks {
  let product;
  try {
    product = getProduct(input.product, 'product');
  } catch (error) {
    if (error instanceof DomainInputError) invalid('product', error.message);
    throw error;
  }
  if (product.jurisdiction !== FAMILY[clinicJurisdiction]) {
    invalid('product', `${product.displayName} is a ${product.jurisdiction} product; this clinic prescribes under ${clinicJurisdiction} rules.`);
  }
  if (!product.strengthsMg.includes(input.strengthMg)) {
    invalid('strengthMg', `${product.displayName} comes in ${product.strengthsMg.join(', ')} mg capsules.`);
  }
  if (!isAchievable(buildCapsuleTable(product.strengthsMg), input.dailyMg)) {
    invalid('dailyMg', `${input.dailyMg} mg a day cannot be made from ${product.displayName} capsules (${product.strengthsMg.join(', ')} mg).`);
  }
  const doseWarnings = [
    ...(course.baselineWeightKg === null ? [] : rangeWarnings(product, input.dailyMg, decimal(course.baselineWeightKg))),
    ...foodWarnings(product),
  ];
  const interactions = Array.isArray(course.interactionFindings) ? (course.interactionFindings as InteractionNote[]) : [];
  const absolute = interactions.filter((f) => f.severity === 'absolute');
  if (absolute.length > 0 && input.acknowledgeInteractions !== true) {
    throw new AppError('rule_blocked', `The baseline lists ${absolute.length} contraindication(s): ${absolute.map((f) => f.ruleId).join(', ')}. Review them and set acknowledgeInteractions to prescribe anyway.`, {
      interactions: absolute,
    });
  }
  return { doseWarnings, interactions };
}
