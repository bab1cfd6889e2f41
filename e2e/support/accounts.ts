/**
 * The people the browser tests sign in as. Today the only way to create an account is
 * `isocourse bootstrap` (a clinic and its administrator), which playwright.config.ts runs on the
 * empty database before the server starts; that account is `real`. The other roles are
 * `simulated` until the demo command creates them: the browser is told by GET /api/auth/session
 * that such a person is signed in, which is honest for screens that call no other API (the
 * education pages, the PHQ-9 and symptom check-ins, the dose calculator, the role homes).
 * When the demo lands, give each role its e-mail and password here and make it `real`: the tests
 * do not change.
 */
export type TestRole = 'clinic_admin' | 'prescriber' | 'designee' | 'patient' | 'pharmacist';

export interface RealAccount {
  readonly kind: 'real';
  readonly role: TestRole;
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
}

export interface SimulatedAccount {
  readonly kind: 'simulated';
  readonly role: TestRole;
  readonly displayName: string;
}

export type TestAccount = RealAccount | SimulatedAccount;

export const clinicAdmin: RealAccount = {
  kind: 'real',
  role: 'clinic_admin',
  email: 'admin@e2e.isocourse.test',
  password: 'e2e correct horse battery staple',
  displayName: 'Robin Admin',
};

export const accounts: Readonly<Record<TestRole, TestAccount>> = {
  clinic_admin: clinicAdmin,
  prescriber: { kind: 'simulated', role: 'prescriber', displayName: 'Dr Sam Okafor' },
  designee: { kind: 'simulated', role: 'designee', displayName: 'Jo Rivera' },
  patient: { kind: 'simulated', role: 'patient', displayName: 'Alex Kim' },
  pharmacist: { kind: 'simulated', role: 'pharmacist', displayName: 'Priya Shah' },
};

/** What `isocourse bootstrap` reads on stdin to create the clinic and the real administrator. */
export const bootstrapInput = {
  clinic: { name: 'E2E Dermatology', jurisdiction: 'US', timeZone: 'America/New_York' },
  admin: { email: clinicAdmin.email, displayName: clinicAdmin.displayName, password: clinicAdmin.password },
} as const;
