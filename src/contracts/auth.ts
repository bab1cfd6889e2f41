import { z } from 'zod';

export const loginRequestSchema = z
  .object({
    email: z.string().trim().min(3).max(254).describe('The account e-mail address'),
    password: z.string().min(1).max(1024),
    totpCode: z.string().regex(/^\d{6}$/, 'a 6-digit code').optional().describe('Code from the authenticator app, when enabled'),
  })
  .meta({ id: 'LoginRequest' });

export const roleSchema = z.enum(['prescriber', 'designee', 'pharmacist', 'patient', 'clinic_admin']);

export const sessionUserSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    role: roleSchema,
    clinicId: z.string().nullable(),
    pharmacyId: z.string().nullable(),
    patientId: z.string().nullable(),
    actsFor: z.array(z.string()).describe('Prescribers a designee acts for'),
  })
  .meta({ id: 'SessionUser' });

export const sessionResponseSchema = z
  .object({
    user: sessionUserSchema,
    csrfToken: z.string().describe('Send it back as the x-csrf-token header on every POST, PUT, PATCH and DELETE'),
    credentialChangeRequired: z
      .boolean()
      .describe('signed in with a temporary password: every other request answers 403 password_change_required until POST /api/account/password'),
  })
  .meta({ id: 'Session' });

export const changePasswordRequestSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(1024).describe('the current (or temporary) password'),
    newPassword: z.string().min(1).max(4096).describe('at least 12 and at most 1024 characters (SEC-PASSWORD-LENGTH)'),
  })
  .meta({ id: 'ChangePasswordRequest' });

export const totpSetupResponseSchema = z.object({ secret: z.string(), otpauthUri: z.string() }).meta({ id: 'TotpSetup' });
export const totpEnableRequestSchema = z.object({ code: z.string().regex(/^\d{6}$/, 'a 6-digit code') }).meta({ id: 'TotpEnable' });

export type LoginRequest = z.infer<typeof loginRequestSchema>;
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
