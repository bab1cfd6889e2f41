import { describe, expect, it } from 'vitest';
import { dispenseRequest, type DispenseFormValues } from './dispense-form.js';

const us: DispenseFormValues = { quantity: '60', rmaNumber: ' RMA-123 ', dndDate: '2026-11-28', medicationGuideGiven: true, checklist: [false, false, false, false] };
const eu: DispenseFormValues = { quantity: '30', rmaNumber: '', dndDate: '', medicationGuideGiven: false, checklist: [true, true, true, true] };

describe('the dispense form', () => {
  it('makes the US request with the RMA number trimmed, the DND date and the Medication Guide', () => {
    expect(dispenseRequest(us, true)).toEqual({ ok: true, request: { quantity: 60, medicationGuideGiven: true, rmaNumber: 'RMA-123', dndDate: '2026-11-28' } });
  });

  it('refuses a US dispense without the Medication Guide confirmation, RMA or DND date, naming each', () => {
    expect(dispenseRequest({ ...us, medicationGuideGiven: false, rmaNumber: ' ', dndDate: '', quantity: '0' }, true)).toEqual({ ok: false, problems: ['quantity', 'rmaNumber', 'dndDate', 'medicationGuideGiven'] });
  });

  it('makes the EU/UK request only with every checklist item ticked', () => {
    expect(dispenseRequest(eu, false)).toEqual({ ok: true, request: { quantity: 30, medicationGuideGiven: true, pharmacistChecklistCompleted: true } });
    expect(dispenseRequest({ ...eu, checklist: [true, true, false, true] }, false)).toEqual({ ok: false, problems: ['checklist'] });
  });
});
