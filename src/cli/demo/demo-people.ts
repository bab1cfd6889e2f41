import { bootstrapClinic } from '../../app/bootstrap.js';
import type { Actor } from '../../app/course/course-context.js';
import { createPharmacyRequestSchema, createUserRequestSchema } from '../../contracts/admin.js';
import type { Database } from '../../db/schema.js';
import type { Kysely } from 'kysely';
import { actorOf, dayOf, goTo, type DemoContext } from './demo-context.js';

/** Every demo account signs in with this password (printed at the end and in the README). */
export const DEMO_PASSWORD = 'isocourse-demo';
export const DEMO_DOMAIN = 'demo.isocourse.test';

export type Jurisdiction = 'US' | 'EU' | 'EU-FR' | 'EU-IT' | 'UK';

export interface DemoLogin {
  readonly role: string;
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly note: string;
}

export interface DemoStaff {
  readonly admin: Actor;
  readonly prescriber: Actor;
  readonly designee: Actor;
  readonly pharmacist: Actor;
  readonly prescriberId: string;
  readonly pharmacyId: string;
  readonly logins: DemoLogin[];
}

const ZONES: Record<Jurisdiction, string> = {
  US: 'America/New_York',
  EU: 'Europe/Berlin',
  'EU-FR': 'Europe/Paris',
  'EU-IT': 'Europe/Rome',
  UK: 'Europe/London',
};

export function demoZone(jurisdiction: Jurisdiction): string {
  return ZONES[jurisdiction];
}

export const demoEmail = (local: string): string => `${local}@${DEMO_DOMAIN}`;

/**
 * Signs in with the temporary password an administrator was shown, chooses the demo password
 * (as a new user would, SEC-TEMP-PASSWORD), and signs in again: the account is then exactly what
 * a real one would be, and its sign-in is proven to work.
 */
export async function activate(ctx: DemoContext, email: string, temporaryPassword: string): Promise<Actor> {
  const context = { ip: null, requestId: 'isocourse-demo' };
  const first = await ctx.services.auth.login({ email, password: temporaryPassword }, context);
  const session = await ctx.services.auth.resolveSession(first.sessionToken);
  if (session === undefined) throw new Error(`the demo could not resume the session of ${email}`);
  await ctx.services.auth.changePassword(session, { currentPassword: temporaryPassword, newPassword: DEMO_PASSWORD }, context);
  await ctx.services.auth.logout(session, context);
  const signedIn = await ctx.services.auth.login({ email, password: DEMO_PASSWORD }, context);
  return actorOf(signedIn.principal);
}

/** Creates an account through the administration use case and activates it. */
export async function createAccount(ctx: DemoContext, admin: Actor, request: unknown): Promise<{ actor: Actor; userId: string }> {
  const input = createUserRequestSchema.parse(request);
  const created = await ctx.services.admin.createUser(admin, input);
  return { actor: await activate(ctx, input.email, created.temporaryPassword), userId: created.user.id };
}

/**
 * The clinic and its people, created as a new clinic would be: `isocourse bootstrap` for the
 * clinic and its first administrator, then the administration use cases for everyone else.
 */
export async function createClinicAndStaff(ctx: DemoContext, db: Kysely<Database>, jurisdiction: Jurisdiction): Promise<DemoStaff> {
  const names = { US: 'Riverside Dermatology (demo)', UK: 'Thames Skin Clinic (demo)', EU: 'Hautklinik am Park (demo)', 'EU-FR': 'Clinique du Parc (demo)', 'EU-IT': 'Clinica del Parco (demo)' } as const;
  goTo(ctx, -150, '08:00');
  const adminEmail = demoEmail('admin');
  await bootstrapClinic({ db, clock: ctx.clock }, { clinic: { name: names[jurisdiction], jurisdiction, timeZone: ctx.zone }, admin: { email: adminEmail, displayName: 'Alex Morgan', password: DEMO_PASSWORD } });
  const admin = actorOf((await ctx.services.auth.login({ email: adminEmail, password: DEMO_PASSWORD }, { ip: null, requestId: 'isocourse-demo' })).principal);

  const prescriber = await createAccount(ctx, admin, {
    role: 'prescriber',
    email: demoEmail('prescriber'),
    displayName: 'Dr Dana Reyes',
    specialty: 'dermatologist',
    certifiedOn: dayOf(ctx, -400),
  });
  const designee = await createAccount(ctx, admin, { role: 'designee', email: demoEmail('nurse'), displayName: 'Noor Haddad (nurse)', actsFor: [prescriber.userId] });
  const pharmacy = await ctx.services.admin.createPharmacy(admin, createPharmacyRequestSchema.parse({ name: 'Main Street Pharmacy (demo)', certifiedOn: dayOf(ctx, -400), activatedOn: dayOf(ctx, -200) }));
  const pharmacist = await createAccount(ctx, admin, { role: 'pharmacist', email: demoEmail('pharmacist'), displayName: 'Pat Okafor', pharmacyId: pharmacy.id });
  const login = (role: string, name: string, local: string, note: string): DemoLogin => ({ role, name, email: demoEmail(local), password: DEMO_PASSWORD, note });
  return {
    admin,
    prescriber: prescriber.actor,
    designee: designee.actor,
    pharmacist: pharmacist.actor,
    prescriberId: prescriber.userId,
    pharmacyId: pharmacy.id,
    logins: [
      login('clinic_admin', 'Alex Morgan', 'admin', 'settings, accounts, pharmacies, audit log'),
      login('prescriber', 'Dr Dana Reyes', 'prescriber', 'every course of the clinic'),
      login('designee', 'Noor Haddad', 'nurse', 'acts for Dr Reyes'),
      login('pharmacist', 'Pat Okafor', 'pharmacist', 'verifies and dispenses at Main Street Pharmacy'),
    ],
  };
}
