import type { DispenseRequest } from '../../../src/contracts/course.js';
import { parseQuantity } from './authorization-number.js';

/** The dispense form as typed; the EU/UK checklist is one box per item (all must be ticked). */
export interface DispenseFormValues {
  readonly quantity: string;
  readonly rmaNumber: string;
  readonly dndDate: string;
  readonly medicationGuideGiven: boolean;
  readonly checklist: readonly boolean[];
}

export type DispenseField = 'quantity' | 'rmaNumber' | 'dndDate' | 'medicationGuideGiven' | 'checklist';

export const CHECKLIST_ITEMS = ['prescriptionDate', 'pregnancyTest', 'supply', 'card'] as const;

/**
 * The request the form makes (src/contracts/course.ts dispenseRequestSchema), or the fields to
 * fix. The US asks for the RMA number, the DND date and the Medication Guide (US13); the EU and
 * the UK for the pharmacist checklist (EU5), its last item being the leaflet and patient card.
 */
export function dispenseRequest(values: DispenseFormValues, us: boolean): { ok: true; request: DispenseRequest } | { ok: false; problems: DispenseField[] } {
  const problems: DispenseField[] = [];
  const quantity = parseQuantity(values.quantity);
  if (quantity === undefined) problems.push('quantity');
  if (us) {
    if (values.rmaNumber.trim() === '') problems.push('rmaNumber');
    if (values.dndDate === '') problems.push('dndDate');
    if (!values.medicationGuideGiven) problems.push('medicationGuideGiven');
  } else if (values.checklist.length !== CHECKLIST_ITEMS.length || values.checklist.some((ticked) => !ticked)) {
    problems.push('checklist');
  }
  if (problems.length > 0 || quantity === undefined) return { ok: false, problems };
  if (us) return { ok: true, request: { quantity, medicationGuideGiven: true, rmaNumber: values.rmaNumber.trim(), dndDate: values.dndDate } };
  return { ok: true, request: { quantity, medicationGuideGiven: true, pharmacistChecklistCompleted: true } };
}
