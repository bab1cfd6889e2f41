import type { Kysely } from 'kysely';
import { appendAudit } from '../db/audit.repository.js';
import type { Database } from '../db/schema.js';
import { insertUser } from '../db/user.repository.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './auth/passwords.js';
import { AppError } from './errors.js';
import type { Clock } from './ports.js';

export interface BootstrapInput {
  readonly clinic: { readonly name: string; readonly jurisdiction: 'US' | 'EU' | 'EU-FR' | 'EU-IT' | 'UK'; readonly timeZone: string };
  readonly admin: { readonly email: string; readonly displayName: string; readonly password: string };
}

/**
 * Creates a clinic and its first administrator in one transaction (the way in for a new
 * installation; every later account is created by an administrator). Audited as a system action.
 */
export async function bootstrapClinic(deps: { db: Kysely<Database>; clock: Clock }, input: BootstrapInput): Promise<{ clinicId: string; adminId: string }> {
  if (input.admin.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('invalid_input', `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const passwordHash = await hashPassword(input.admin.password);
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('app_user').select('id').where('email', '=', input.admin.email.trim().toLowerCase()).executeTakeFirst();
    if (existing !== undefined) throw new AppError('conflict', 'An account with that e-mail address exists already.');
    const clinic = await trx
      .insertInto('clinic')
      .values({ name: input.clinic.name, jurisdiction: input.clinic.jurisdiction, time_zone: input.clinic.timeZone, settings: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const adminId = await insertUser(trx, {
      email: input.admin.email,
      displayName: input.admin.displayName,
      passwordHash,
      role: 'clinic_admin',
      clinicId: clinic.id,
    });
    await appendAudit(trx, {
      at: deps.clock.now(),
      actorUserId: null,
      actorRole: 'system',
      onBehalfOf: null,
      action: 'bootstrap_clinic',
      resourceType: 'clinic',
      resourceId: clinic.id,
      clinicId: clinic.id,
      patientId: null,
      outcome: 'success',
      ip: null,
      requestId: null,
    });
    return { clinicId: clinic.id, adminId };
  });
}
