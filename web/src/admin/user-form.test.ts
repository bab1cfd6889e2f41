import { describe, expect, it } from 'vitest';
import { emptyNewUser, newUserRequest } from './user-form.js';

const prescriberId = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';

describe('the create-account form', () => {
  it('sends only the chosen role’s fields, trimmed', () => {
    expect(newUserRequest({ ...emptyNewUser, role: 'prescriber', displayName: ' Dr Ada Obi ', email: ' ada@example.org ', certifiedOn: '', actsFor: [prescriberId] })).toEqual({
      ok: true,
      request: { role: 'prescriber', displayName: 'Dr Ada Obi', email: 'ada@example.org', specialty: 'dermatologist', certifiedOn: null },
    });
    expect(newUserRequest({ ...emptyNewUser, role: 'designee', displayName: 'Noor', email: 'noor@example.org', actsFor: [prescriberId], pharmacyId: 'x' })).toEqual({
      ok: true,
      request: { role: 'designee', displayName: 'Noor', email: 'noor@example.org', actsFor: [prescriberId] },
    });
    expect(newUserRequest({ ...emptyNewUser, role: 'clinic_admin', displayName: 'Alex', email: 'alex@example.org' })).toEqual({
      ok: true,
      request: { role: 'clinic_admin', displayName: 'Alex', email: 'alex@example.org' },
    });
  });

  it('names each missing field of the role', () => {
    expect(newUserRequest({ ...emptyNewUser, role: 'designee', email: 'not-an-address' })).toEqual({ ok: false, problems: ['displayName', 'email', 'actsFor'] });
    expect(newUserRequest({ ...emptyNewUser, role: 'pharmacist', displayName: 'Pat', email: 'pat@example.org' })).toEqual({ ok: false, problems: ['pharmacyId'] });
    expect(newUserRequest({ ...emptyNewUser, role: 'patient', displayName: 'Sam', email: 'sam@example.org' })).toEqual({ ok: false, problems: ['patientId'] });
  });
});
