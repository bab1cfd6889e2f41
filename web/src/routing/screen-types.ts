import type { Role } from '../api/auth-api.js';
import type { PlainMessageKey } from '../i18n/t.js';

export type RoleId = 'clinic' | 'patient' | 'pharmacy' | 'admin';

/** Prescribers, designees and clinic administrators: everyone who works in a clinic. */
export const CLINIC_STAFF = ['prescriber', 'designee', 'clinic_admin'] as const satisfies readonly Role[];
/** The people who act on a course clinically: prescribers and their designees. */
export const PRESCRIBING = ['prescriber', 'designee'] as const satisfies readonly Role[];

/**
 * A page that needs a signed-in person of one of `roles`. `path` may hold parameters written
 * `:name` as whole segments (`/clinic/courses/:courseId`); `pageFor` hands their decoded values to
 * the screen.
 */
export interface ScreenDefinition<Id extends string = string> {
  readonly id: Id;
  readonly area: RoleId;
  readonly path: `/${string}`;
  readonly titleKey: PlainMessageKey;
  readonly roles: readonly Role[];
}

/** The decoded path parameters of a screen's address (`{ courseId: '…' }`). */
export type ScreenParams = Readonly<Record<string, string>>;
