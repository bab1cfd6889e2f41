import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A pharmacy as its managing clinic sees it (DECISION-PHARMACY-MANAGEMENT). */
export interface ManagedPharmacy {
  readonly id: string;
  readonly name: string;
  readonly jurisdiction: string;
  readonly certifiedOn: string | null;
  readonly activatedOn: string | null;
  readonly managedByClinicId: string;
  readonly pharmacists: number;
  readonly createdAt: Date;
}

function selectManaged(db: Db, clinicId: string) {
  return db
    .selectFrom('pharmacy')
    .select((eb) => [
      'pharmacy.id',
      'pharmacy.name',
      'pharmacy.jurisdiction',
      'pharmacy.certified_on',
      'pharmacy.activated_on',
      'pharmacy.managed_by_clinic_id',
      'pharmacy.created_at',
      eb
        .selectFrom('app_user')
        .select((inner) => inner.fn.countAll<string>().as('n'))
        .whereRef('app_user.pharmacy_id', '=', 'pharmacy.id')
        .where('app_user.disabled', '=', false)
        .as('pharmacists'),
    ])
    .where('pharmacy.managed_by_clinic_id', '=', clinicId);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectManaged>['executeTakeFirstOrThrow']>>;

function toPharmacy(r: Row, clinicId: string): ManagedPharmacy {
  return {
    id: r.id,
    name: r.name,
    jurisdiction: r.jurisdiction,
    certifiedOn: r.certified_on,
    activatedOn: r.activated_on,
    managedByClinicId: r.managed_by_clinic_id ?? clinicId,
    pharmacists: Number(r.pharmacists ?? 0),
    createdAt: r.created_at,
  };
}

export async function insertManagedPharmacy(
  db: Db,
  p: { name: string; jurisdiction: string; certifiedOn: string | null; activatedOn: string | null; clinicId: string },
): Promise<string> {
  const row = await db
    .insertInto('pharmacy')
    .values({ name: p.name, jurisdiction: p.jurisdiction, certified_on: p.certifiedOn, activated_on: p.activatedOn, managed_by_clinic_id: p.clinicId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listManagedPharmacies(db: Db, clinicId: string): Promise<ManagedPharmacy[]> {
  const rows = await selectManaged(db, clinicId).orderBy('pharmacy.name').orderBy('pharmacy.id').execute();
  return rows.map((r) => toPharmacy(r, clinicId));
}

/** A pharmacy the clinic manages, or undefined (one managed by another clinic is not found). */
export async function findManagedPharmacy(db: Db, clinicId: string, pharmacyId: string, options: { lock?: boolean } = {}): Promise<ManagedPharmacy | undefined> {
  let query = selectManaged(db, clinicId).where('pharmacy.id', '=', pharmacyId);
  if (options.lock === true) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toPharmacy(row, clinicId);
}

export async function updateManagedPharmacy(
  db: Db,
  pharmacyId: string,
  changes: { name?: string | undefined; certifiedOn?: string | null | undefined; activatedOn?: string | null | undefined },
): Promise<void> {
  const set = {
    ...(changes.name === undefined ? {} : { name: changes.name }),
    ...(changes.certifiedOn === undefined ? {} : { certified_on: changes.certifiedOn }),
    ...(changes.activatedOn === undefined ? {} : { activated_on: changes.activatedOn }),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable('pharmacy').set(set).where('id', '=', pharmacyId).execute();
}
