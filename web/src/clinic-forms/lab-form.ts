import type { z } from 'zod';
import type { labRequestSchema } from '../../../src/contracts/clinical.js';
import { DEFAULT_LAB_CODES, type LabCode } from '../../../src/domain/labs/index.js';
import { Checker, instantOf, type FormOutcome } from './form-fields.js';

export type LabBody = z.input<typeof labRequestSchema>;

/** The single results a clinic records (panels are recorded as their members). */
export const LAB_CODES: readonly Exclude<LabCode, { kind: 'panel' }>[] = Object.values(DEFAULT_LAB_CODES).filter(
  (code): code is Exclude<LabCode, { kind: 'panel' }> => code.kind !== 'panel' && code.analyte !== 'bodyWeight',
);

export const QUALITATIVE = ['negative', 'positive', 'indeterminate'] as const;
export type Qualitative = (typeof QUALITATIVE)[number];
export const LAB_PURPOSES = ['screening', 'confirmation', 'monthly', 'end_of_treatment', 'post_treatment'] as const;
export const LAB_SETTINGS = ['clia_lab', 'medical_setting'] as const;

export interface LabFormValues {
  readonly loinc: string;
  readonly value: string;
  readonly qualitative: Qualitative | '';
  readonly referenceRangeHigh: string;
  readonly baselineValue: string;
  readonly date: string;
  readonly time: string;
  readonly purpose: (typeof LAB_PURPOSES)[number] | '';
  readonly setting: (typeof LAB_SETTINGS)[number] | '';
}

export type LabField = keyof LabFormValues;

export function labCodeOf(loinc: string): Exclude<LabCode, { kind: 'panel' }> | undefined {
  return LAB_CODES.find((code) => code.loinc === loinc);
}

export function isPregnancyCode(code: LabCode | undefined): boolean {
  return code !== undefined && code.kind !== 'panel' && code.analyte === 'pregnancyTest';
}

export function labRequestFrom(values: LabFormValues, now: Date, today: string, prescriber: { prescriberId?: string } = {}, zone?: string): FormOutcome<LabBody, LabField> {
  const check = new Checker<LabField>();
  const code = labCodeOf(values.loinc);
  if (code === undefined) check.add('loinc', 'notChosen');
  let value: LabBody['value'] | undefined;
  if (code?.kind === 'presence') value = check.chosen('qualitative', values.qualitative);
  else if (code?.kind === 'quantity') {
    const trimmed = values.value.trim().replace(',', '.');
    if (trimmed === '') check.add('value', 'required');
    else if (!/^\d+(\.\d+)?$/.test(trimmed)) check.add('value', 'notANumber');
    else value = Number(trimmed);
  }
  const uln = code?.kind === 'quantity' ? check.optionalDecimal('referenceRangeHigh', values.referenceRangeHigh, 100000) : undefined;
  const baseline = code?.kind === 'quantity' && (code.analyte === 'alt' || code.analyte === 'ast') ? check.optionalDecimal('baselineValue', values.baselineValue, 100000) : undefined;
  const day = check.date('date', values.date, today);
  const collectedAt = day === undefined ? undefined : instantOf(day, values.time, zone);
  if (day !== undefined && collectedAt === undefined) check.add('time', 'required');
  else if (collectedAt !== undefined && new Date(collectedAt).getTime() > now.getTime()) check.add('time', 'future');
  const pregnancy = isPregnancyCode(code);
  if (pregnancy) {
    if (values.purpose === '') check.add('purpose', 'notChosen');
    if (values.setting === '') check.add('setting', 'notChosen');
  }
  return check.outcome(() => ({
    loinc: code?.loinc ?? '',
    value: value ?? 0,
    ...(code?.kind === 'quantity' ? { unit: code.unit } : {}),
    ...(uln === undefined ? {} : { referenceRangeHigh: uln }),
    ...(baseline === undefined ? {} : { baselineValue: baseline }),
    collectedAt: collectedAt ?? '',
    ...(pregnancy && values.purpose !== '' && values.setting !== '' ? { pregnancyTest: { purpose: values.purpose, setting: values.setting } } : {}),
    ...prescriber,
  }));
}
