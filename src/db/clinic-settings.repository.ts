import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ClinicFacts {
  readonly id: string;
  readonly name: string;
  readonly jurisdiction: string;
  readonly timeZone: string;
  readonly settings: unknown;
  readonly prescribers: ReadonlyArray<{ id: string; specialty: string | null; certifiedOn: string | null }>;
}

/** The clinic as the programme engine needs it: zone, settings and its prescribers. */
export async function loadClinicFacts(db: Db, clinicId: string): Promise<ClinicFacts | undefined> {
  const clinic = await db.selectFrom('clinic').select(['id', 'name', 'jurisdiction', 'time_zone', 'settings']).where('id', '=', clinicId).executeTakeFirst();
  if (clinic === undefined) return undefined;
  const prescribers = await db
    .selectFrom('app_user')
    .select(['id', 'prescriber_specialty', 'prescriber_certified_on'])
    .where('clinic_id', '=', clinicId)
    .where('role', '=', 'prescriber')
    .where('disabled', '=', false)
    .execute();
  return {
    id: clinic.id,
    name: clinic.name,
    jurisdiction: clinic.jurisdiction,
    timeZone: clinic.time_zone,
    settings: clinic.settings,
    prescribers: prescribers.map((p) => ({ id: p.id, specialty: p.prescriber_specialty, certifiedOn: p.prescriber_certified_on })),
  };
}
