import type { Kysely } from 'kysely';
import { insertClinic, type Clinic } from '../../db/clinic.repository.js';
import type { Database, Role } from '../../db/schema.js';
import { addDesignee, insertUser } from '../../db/user.repository.js';
import { hashPassword } from '../auth/passwords.js';

/** Test builders: overrides win, missing parents are created, arguments are never mutated. */
let sequence = 0;
const next = (): number => (sequence += 1);

export const TEST_PASSWORD = 'correct horse battery staple';

export async function aClinic(db: Kysely<Database>, overrides: Partial<{ name: string; jurisdiction: string; timeZone: string }> = {}): Promise<Clinic> {
  return insertClinic(db, { name: `Clinic ${next()}`, jurisdiction: 'US', timeZone: 'America/New_York', ...overrides });
}

export async function aPharmacy(db: Kysely<Database>, overrides: Partial<{ name: string; jurisdiction: string }> = {}): Promise<string> {
  const row = await db
    .insertInto('pharmacy')
    .values({ name: overrides.name ?? `Pharmacy ${next()}`, jurisdiction: overrides.jurisdiction ?? 'US', certified_on: '2026-01-01', activated_on: '2026-01-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function aPatientRecord(db: Kysely<Database>, clinicId: string, overrides: Partial<{ displayName: string; birthDate: string }> = {}): Promise<string> {
  const row = await db
    .insertInto('patient')
    .values({ clinic_id: clinicId, display_name: overrides.displayName ?? `Patient ${next()}`, birth_date: overrides.birthDate ?? '2004-05-06' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly role: Role;
  readonly clinicId: string | null;
  readonly pharmacyId: string | null;
  readonly patientId: string | null;
}

export async function aUser(
  db: Kysely<Database>,
  role: Role,
  scope: { clinicId?: string; pharmacyId?: string; patientId?: string; actsFor?: readonly string[] } = {},
): Promise<TestUser> {
  const n = next();
  const email = `${role.replace('_', '-')}-${n}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const clinicId = role === 'pharmacist' ? null : (scope.clinicId ?? (await aClinic(db)).id);
  const pharmacyId = role === 'pharmacist' ? (scope.pharmacyId ?? (await aPharmacy(db))) : null;
  const patientId = role === 'patient' ? (scope.patientId ?? (await aPatientRecord(db, clinicId ?? ''))) : null;
  const id = await insertUser(db, {
    email,
    displayName: `${role} ${n}`,
    passwordHash: await hashPassword(TEST_PASSWORD),
    role,
    clinicId,
    pharmacyId,
    patientId,
    prescriberSpecialty: role === 'prescriber' ? 'dermatologist' : null,
    prescriberCertifiedOn: role === 'prescriber' ? '2026-01-01' : null,
  });
  for (const prescriberId of scope.actsFor ?? []) await addDesignee(db, id, prescriberId);
  return { id, email, password: TEST_PASSWORD, role, clinicId, pharmacyId, patientId };
}
