import type { z } from 'zod';
import type { enrollRequestSchema } from '../../../src/contracts/course.js';
import { MAX_WEIGHT_KG, TARGET_MG_PER_KG_OPTIONS } from '../../../src/domain/dosing/index.js';
import { Checker, lines, type FormOutcome } from './form-fields.js';

export type EnrollBody = z.input<typeof enrollRequestSchema>;

export const RISK_CATEGORIES = ['can_get_pregnant', 'cannot_get_pregnant', 'unknown'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/**
 * Reasons that make "cannot get pregnant" a category (a tubal ligation is a contraception
 * method, never alone such a reason, so it is not offered here).
 */
export const RISK_BASES = ['total_hysterectomy', 'hysterectomy', 'bilateral_oophorectomy', 'post_menopausal', 'pre_menarche', 'no_uterus_from_birth', 'other'] as const;
export type RiskBasisKind = (typeof RISK_BASES)[number];

export const CONFIRMERS = ['prescriber', 'health_professional', 'patient_report'] as const;
export type Confirmer = (typeof CONFIRMERS)[number];

export interface EnrollFormValues {
  readonly displayName: string;
  readonly birthDate: string;
  readonly category: RiskCategory | '';
  readonly basis: RiskBasisKind | '';
  readonly menopauseMonths: string;
  readonly basisOther: string;
  readonly confirmedBy: Confirmer | '';
  readonly confirmedOn: string;
  readonly weightKg: string;
  readonly targetMgPerKg: string;
  readonly acneHistory: string;
  readonly previousTreatments: string;
  readonly medicalHistory: string;
  readonly mentalHealthHistory: string;
  readonly conditions: string;
  readonly allergies: string;
  readonly medications: string;
}

export type EnrollField = keyof EnrollFormValues;

export function emptyEnrollForm(today: string): EnrollFormValues {
  return {
    displayName: '',
    birthDate: '',
    category: '',
    basis: '',
    menopauseMonths: '',
    basisOther: '',
    confirmedBy: 'prescriber',
    confirmedOn: today,
    weightKg: '',
    targetMgPerKg: String(TARGET_MG_PER_KG_OPTIONS[0]),
    acneHistory: '',
    previousTreatments: '',
    medicalHistory: '',
    mentalHealthHistory: '',
    conditions: '',
    allergies: '',
    medications: '',
  };
}

type Basis = EnrollBody['risk']['basis'];

/** The fields that say why a patient cannot get pregnant (enrollment and a later category change). */
export interface BasisValues {
  readonly basis: RiskBasisKind | '';
  readonly menopauseMonths: string;
  readonly basisOther: string;
}

export function basisOf<F extends string>(values: BasisValues, check: Checker<F | 'basis' | 'menopauseMonths' | 'basisOther'>): Basis | undefined {
  switch (values.basis) {
    case '':
      check.add('basis', 'notChosen');
      return undefined;
    case 'post_menopausal': {
      const months = check.whole('menopauseMonths', values.menopauseMonths, 0, 1200);
      return months === undefined ? undefined : [{ kind: 'post_menopausal', consecutiveMonths: months }];
    }
    case 'other': {
      const description = check.text('basisOther', values.basisOther, 500);
      return description === undefined ? undefined : [{ kind: 'other', description }];
    }
    case 'total_hysterectomy':
    case 'hysterectomy':
    case 'bilateral_oophorectomy':
    case 'pre_menarche':
    case 'no_uterus_from_birth':
      return [{ kind: values.basis }];
    default: {
      const unreachable: never = values.basis;
      return unreachable;
    }
  }
}

/**
 * The enrollment request from the form: every field checked at once; the basis only for
 * "cannot get pregnant" (the category the programme must trust), lists typed one per line.
 */
export function enrollRequestFrom(values: EnrollFormValues, today: string, prescriber: { prescriberId?: string } = {}): FormOutcome<EnrollBody, EnrollField> {
  const check = new Checker<EnrollField>();
  const displayName = check.text('displayName', values.displayName, 200);
  const birthDate = check.date('birthDate', values.birthDate, today);
  const category = check.chosen('category', values.category);
  const basis = values.category === 'cannot_get_pregnant' ? basisOf<EnrollField>(values, check) : [];
  const confirmedOn = values.confirmedBy === '' ? undefined : check.date('confirmedOn', values.confirmedOn, today);
  const weightKg = check.optionalDecimal('weightKg', values.weightKg, MAX_WEIGHT_KG);
  const target = TARGET_MG_PER_KG_OPTIONS.find((option) => String(option) === values.targetMgPerKg);
  if (target === undefined) check.add('targetMgPerKg', 'notChosen');
  const acneHistory = check.optionalText('acneHistory', values.acneHistory);
  const medicalHistory = check.optionalText('medicalHistory', values.medicalHistory);
  const mentalHealthHistory = check.optionalText('mentalHealthHistory', values.mentalHealthHistory);
  return check.outcome(() => ({
    displayName: displayName ?? '',
    birthDate: birthDate ?? '',
    risk: {
      category: category ?? 'unknown',
      basis: basis ?? [],
      ...(values.confirmedBy === '' ? {} : { confirmedBy: values.confirmedBy }),
      ...(confirmedOn === undefined ? {} : { confirmedOn }),
    },
    targetMgPerKg: target ?? TARGET_MG_PER_KG_OPTIONS[0],
    ...(weightKg === undefined ? {} : { baselineWeightKg: weightKg }),
    ...prescriber,
    baseline: {
      ...(acneHistory === undefined ? {} : { acneHistory }),
      ...(medicalHistory === undefined ? {} : { medicalHistory }),
      ...(mentalHealthHistory === undefined ? {} : { mentalHealthHistory }),
      previousTreatments: lines(values.previousTreatments),
      conditions: lines(values.conditions),
      allergies: lines(values.allergies),
      medications: lines(values.medications),
    },
  }));
}
