import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ClinicFacts {
  readonly id: string;
  readonly name: string;
  readonly jurisdiction: string;
  readonly timeZone: string;
  readonly settings: unknown;
  readonly prescribers: ReadonlyArray<{ id: string; specialty: string | null; certifiedOn: string | null }>;
  /** The clinic's change version when these facts were read (migration 2026-11-26T0000-change-versions); absent when not read from the database. */
  readonly changeSeq?: string | undefined;
}

/**
 * The clinic as the programme engine needs it: zone, settings and its prescribers, in one
 * statement (every decision loads it, so a second round trip would cost every request).
 */
export async function loadClinicFacts(db: Db, clinicId: string): Promise<ClinicFacts | undefined> {
  const clinic = await db
    .selectFrom('clinic')
    .select((eb) => [
      'id',
      'name',
      'jurisdiction',
      'time_zone',
      'settings',
      sql<string>`change_seq::text`.as('change_seq'),
      jsonArrayFrom(
        eb
          .selectFrom('app_user')
          .select(['app_user.id', 'app_user.prescriber_specialty', 'app_user.prescriber_certified_on'])
          .whereRef('app_user.clinic_id', '=', 'clinic.id')
          .where('app_user.role', '=', 'prescriber')
          .where('app_user.disabled', '=', false)
          .orderBy('app_user.id'),
      ).as('prescribers'),
    ])
    .where('id', '=', clinicId)
    .executeTakeFirst();
  if (clinic === undefined) return undefined;
  // DATE values inside JSON arrive as `YYYY-MM-DD` text, like DATE columns (connect.ts)
  const prescribers = clinic.prescribers;
  return {
    id: clinic.id,
    name: clinic.name,
    jurisdiction: clinic.jurisdiction,
    timeZone: clinic.time_zone,
    settings: clinic.settings,
    prescribers: prescribers.map((p) => ({ id: p.id, specialty: p.prescriber_specialty, certifiedOn: p.prescriber_certified_on })),
    changeSeq: clinic.change_seq,
  };
}
