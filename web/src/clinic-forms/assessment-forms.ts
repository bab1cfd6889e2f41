import type { GradingRequest, Phq9Request } from '../../../src/contracts/clinical.js';
import { Checker, instantOf, type FormOutcome } from './form-fields.js';

export type Phq9Answer = '' | '0' | '1' | '2' | '3';

export interface Phq9FormValues {
  /** Items 1-9 in form order; '' is unanswered (kept as an incomplete form, never guessed). */
  readonly answers: readonly Phq9Answer[];
  readonly date: string;
  readonly time: string;
}

export type Phq9Field = 'answers' | 'date' | 'time';

export function emptyPhq9Form(today: string, time: string): Phq9FormValues {
  return { answers: Array.from({ length: 9 }, () => '' as const), date: today, time };
}

export function phq9RequestFrom(values: Phq9FormValues, now: Date, today: string, prescriber: { prescriberId?: string } = {}, zone?: string): FormOutcome<Phq9Request, Phq9Field> {
  const check = new Checker<Phq9Field>();
  if (values.answers.every((answer) => answer === '')) check.add('answers', 'notChosen');
  const day = check.date('date', values.date, today);
  const completedAt = day === undefined ? undefined : instantOf(day, values.time, zone);
  if (day !== undefined && completedAt === undefined) check.add('time', 'required');
  else if (completedAt !== undefined && new Date(completedAt).getTime() > now.getTime()) check.add('time', 'future');
  return check.outcome(() => ({
    answers: values.answers.map((answer) => (answer === '' ? null : (Number(answer) as 0 | 1 | 2 | 3))),
    ...(completedAt === undefined ? {} : { completedAt }),
    ...prescriber,
  }));
}

const numberOf = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

export const GRADING_SCALES = ['iga', 'gags', 'scars'] as const;
export type GradingScale = (typeof GRADING_SCALES)[number];
export const GAGS_REGIONS = ['forehead', 'rightCheek', 'leftCheek', 'nose', 'chin', 'chestAndUpperBack'] as const;
export type GagsRegion = (typeof GAGS_REGIONS)[number];

export interface GradingFormValues {
  readonly scale: GradingScale | '';
  readonly grade: string;
  readonly gags: Readonly<Record<GagsRegion, string>>;
  readonly assessedOn: string;
}

export type GradingField = 'scale' | 'grade' | 'assessedOn' | `gags.${GagsRegion}`;

export function emptyGradingForm(today: string): GradingFormValues {
  return { scale: '', grade: '', gags: { forehead: '', rightCheek: '', leftCheek: '', nose: '', chin: '', chestAndUpperBack: '' }, assessedOn: today };
}

/** IGA 0-4, Goodman & Baron scars 1-4, GAGS 0-4 in each of six regions. */
export function gradingRequestFrom(values: GradingFormValues, today: string, prescriber: { prescriberId?: string } = {}): FormOutcome<GradingRequest, GradingField> {
  const check = new Checker<GradingField>();
  const assessedOn = check.date('assessedOn', values.assessedOn, today);
  const scale = check.chosen('scale', values.scale);
  const common = { assessedOn: assessedOn ?? today, ...prescriber };
  switch (scale) {
    case undefined:
      return check.outcome(() => ({ scale: 'iga' as const, grade: 0, ...common }));
    case 'iga': {
      const grade = numberOf(check.chosen('grade', values.grade));
      return check.outcome(() => ({ scale, grade: grade ?? 0, ...common }));
    }
    case 'scars': {
      const grade = numberOf(check.chosen('grade', values.grade));
      return check.outcome(() => ({ scale, grade: grade ?? 1, ...common }));
    }
    case 'gags': {
      const grades = Object.fromEntries(GAGS_REGIONS.map((region) => [region, numberOf(check.chosen(`gags.${region}`, values.gags[region]))])) as Record<GagsRegion, number>;
      return check.outcome(() => ({ scale, ...grades, ...common }));
    }
    default: {
      const unreachable: never = scale;
      return unreachable;
    }
  }
}
