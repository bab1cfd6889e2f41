/**
 * The people the browser tests sign in as: the demo clinic's accounts. playwright.config.ts runs
 * `isocourse demo` on an empty data directory before the server starts, so every role is a real
 * account with a real history (README, "Try the demo"; src/cli/demo/). The demo lays its courses
 * out in the weeks before today, so tests must not depend on a calendar date.
 */
export type TestRole = 'clinic_admin' | 'prescriber' | 'designee' | 'patient' | 'pharmacist';

export interface RealAccount {
  readonly role: TestRole;
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
}

/** The demo's one password (public, which is why the demo refuses production mode). */
const DEMO_PASSWORD = 'isocourse-demo';

const demo = (role: TestRole, local: string, displayName: string): RealAccount => ({
  role,
  email: `${local}@demo.isocourse.test`,
  password: DEMO_PASSWORD,
  displayName,
});

export const clinicAdmin = demo('clinic_admin', 'admin', 'Alex Morgan');
export const prescriber = demo('prescriber', 'prescriber', 'Dr Dana Reyes');
export const designee = demo('designee', 'nurse', 'Noor Haddad (nurse)');
export const pharmacist = demo('pharmacist', 'pharmacist', 'Pat Okafor');
/** Jordan Lee: active course, second month dispensed, logs doses. */
export const patient = demo('patient', 'jordan', 'Jordan Lee');
/** Sam Rivera: an authorization is open and waiting to be collected at the pharmacy. */
export const patientWithOpenAuthorization = demo('patient', 'sam', 'Sam Rivera');

/** The account each role signs in with by default. */
export const accounts: Readonly<Record<TestRole, RealAccount>> = {
  clinic_admin: clinicAdmin,
  prescriber,
  designee,
  patient,
  pharmacist,
};
