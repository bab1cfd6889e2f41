import { z } from 'zod';
import { isValidTimeZone } from '../domain/calendar/index.js';
import { roleSchema } from './auth.js';
import { programCaseSchema } from './program-case.js';

/**
 * Wire schemas of the clinic administration API (clinic administrators of their own clinic).
 * Requests are strict objects: a misspelt field is an error naming it.
 */
const isoDate = z.iso.date().describe('calendar date YYYY-MM-DD');
const name = z.string().trim().min(1).max(200);
const jurisdiction = z.enum(['US', 'EU', 'EU-FR', 'EU-IT', 'UK']).describe('decides the rule packs');

/**
 * The rule-pack options of a clinic, validated exactly as the programme case validates
 * `clinic.settings` (the same schema object, so the two can never disagree).
 */
export const clinicSettingsSchema = programCaseSchema.shape.clinic.shape.settings;

export const clinicSettingsViewSchema = z
  .object({
    usModificationDate: z.string().describe('date E from which us-ipledge-2026 applies (YYYY-MM-DD)'),
    enforcementDiscretionHomeTests: z.boolean().describe('2021 pack: tolerate home / non-CLIA tests'),
    homeTestOptIn: z.object({ optedIn: z.boolean(), antiFalsificationProcedure: z.string().optional() }).describe('2026 pack: home tests during and after treatment'),
  })
  .meta({ id: 'ClinicRuleSettings' });

export const clinicUpdateSchema = z
  .strictObject({
    name,
    jurisdiction: jurisdiction.describe('can change only while the clinic has no patients'),
    timeZone: z.string().refine(isValidTimeZone, 'an IANA time zone such as America/New_York').describe('IANA time zone of the clinic'),
    settings: clinicSettingsSchema,
  })
  .meta({ id: 'ClinicUpdate' });

export const clinicViewSchema = z
  .object({ id: z.string(), name: z.string(), jurisdiction, timeZone: z.string(), settings: clinicSettingsViewSchema })
  .meta({ id: 'Clinic' });

export const specialtySchema = z.enum(['dermatologist', 'general_practitioner', 'other']);

const account = {
  email: z.email().max(254).describe('sign-in address (stored in lower case)'),
  displayName: name.describe('name shown to colleagues and in the audit log'),
};

export const createUserRequestSchema = z
  .discriminatedUnion('role', [
    z.strictObject({ role: z.literal('prescriber'), ...account, specialty: specialtySchema, certifiedOn: isoDate.nullable().default(null).describe('programme certification date (US2); null while not certified') }),
    z.strictObject({ role: z.literal('designee'), ...account, actsFor: z.array(z.uuid()).min(1).max(50).describe('active prescribers of this clinic the designee acts for') }),
    z.strictObject({ role: z.literal('patient'), ...account, patientId: z.uuid().describe('patient record of this clinic the account opens') }),
    z.strictObject({ role: z.literal('pharmacist'), ...account, pharmacyId: z.uuid().describe('a pharmacy this clinic manages') }),
    z.strictObject({ role: z.literal('clinic_admin'), ...account }),
  ])
  .meta({ id: 'CreateUserRequest' });

export const updateUserRequestSchema = z
  .strictObject({
    displayName: name.optional(),
    specialty: specialtySchema.optional().describe('prescribers only'),
    certifiedOn: isoDate.nullable().optional().describe('prescribers only; null clears it'),
    actsFor: z.array(z.uuid()).max(50).optional().describe('designees only: replaces the list'),
  })
  .refine((u) => Object.keys(u).length > 0, 'give at least one field to change')
  .meta({ id: 'UpdateUserRequest' });

export const managedUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: roleSchema,
    pharmacyId: z.string().nullable(),
    patientId: z.string().nullable(),
    specialty: z.string().nullable(),
    certifiedOn: z.string().nullable(),
    actsFor: z.array(z.string()),
    disabled: z.boolean(),
    totpEnabled: z.boolean(),
    lockedUntil: z.string().nullable().describe('set while sign-in is locked after failed attempts'),
    temporaryPasswordUntil: z.string().nullable().describe('set while the account still has an administrator-issued temporary password'),
    createdAt: z.string(),
  })
  .meta({ id: 'ManagedUser' });

export const userListQuerySchema = z.strictObject({
  role: roleSchema.optional(),
  status: z.enum(['active', 'disabled', 'all']).default('all'),
});

export const temporaryPasswordSchema = z
  .object({
    temporaryPassword: z.string().describe('shown once, never stored in clear: hand it to the user, who must replace it at first sign-in'),
    expiresAt: z.string().describe('the temporary password is refused after this instant (SEC-TEMP-PASSWORD)'),
  })
  .meta({ id: 'TemporaryPassword' });

export const createUserResponseSchema = z
  .object({ user: managedUserSchema, temporaryPassword: z.string(), expiresAt: z.string() })
  .meta({ id: 'CreateUserResponse' });

export const patientListingSchema = z
  .object({ id: z.string(), displayName: z.string(), birthDate: z.string().nullable(), accountId: z.string().nullable() })
  .meta({ id: 'PatientListing' });

export const createPharmacyRequestSchema = z
  .strictObject({
    name,
    certifiedOn: isoDate.nullable().default(null).describe('programme certification of the pharmacy (US2)'),
    activatedOn: isoDate.nullable().default(null).describe('last yearly activation (US2); valid 12 months'),
  })
  .meta({ id: 'CreatePharmacyRequest' });

export const updatePharmacyRequestSchema = z
  .strictObject({ name: name.optional(), certifiedOn: isoDate.nullable().optional(), activatedOn: isoDate.nullable().optional() })
  .refine((u) => Object.keys(u).length > 0, 'give at least one field to change')
  .meta({ id: 'UpdatePharmacyRequest' });

export const pharmacySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    jurisdiction: z.string(),
    certifiedOn: z.string().nullable(),
    activatedOn: z.string().nullable(),
    activationValidThrough: z.string().nullable().describe('US: last day the yearly activation counts (activation + 12 months - 1 day)'),
    pharmacists: z.number().int().describe('active pharmacist accounts'),
  })
  .meta({ id: 'Pharmacy' });

export const auditQuerySchema = z.strictObject({
  actor: z.uuid().optional().describe('user id of the actor'),
  patient: z.uuid().optional().describe('patient id'),
  action: z.string().trim().min(1).max(100).optional().describe('exact action, e.g. read, enroll, create_user'),
  from: isoDate.optional().describe('first day, in the clinic time zone'),
  to: isoDate.optional().describe('last day (inclusive), in the clinic time zone'),
  before: z.string().regex(/^[1-9]\d{0,17}$/, 'a sequence number').optional().describe('cursor: entries older than this sequence number (nextCursor of the previous page)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEntrySchema = z
  .object({
    seq: z.string().describe('position in the clinic chain'),
    at: z.string(),
    actorUserId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    onBehalfOf: z.string().nullable(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    patientId: z.string().nullable(),
    outcome: z.string(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditPageSchema = z
  .object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable().describe('pass as `before` for the next page; null on the last page') })
  .meta({ id: 'AuditPage' });

export const auditVerificationSchema = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    problems: z.array(z.object({ seq: z.string(), problem: z.enum(['hash_mismatch', 'broken_link', 'missing_entry', 'head_mismatch']) })),
  })
  .meta({ id: 'AuditVerification' });

export type ClinicUpdate = z.output<typeof clinicUpdateSchema>;
export type CreateUserRequest = z.output<typeof createUserRequestSchema>;
export type UpdateUserRequest = z.output<typeof updateUserRequestSchema>;
export type CreatePharmacyRequest = z.output<typeof createPharmacyRequestSchema>;
export type UpdatePharmacyRequest = z.output<typeof updatePharmacyRequestSchema>;
export type AuditQuery = z.output<typeof auditQuerySchema>;
export type UserListQuery = z.output<typeof userListQuerySchema>;
