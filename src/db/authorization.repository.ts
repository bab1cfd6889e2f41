import type { Kysely, Transaction } from 'kysely';
import type { PatientRecord } from './course.repository.js';
import type { AuthorizationStatus, Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface PrescriptionRecord {
  readonly id: string;
  readonly courseId: string;
  readonly clinicId: string;
  readonly patientId: string;
  readonly prescriberId: string;
  readonly writtenOn: string;
  readonly product: string;
  readonly strengthMg: number;
  readonly quantity: number;
  readonly dailyMg: number;
  readonly refills: number;
}

export interface AuthorizationRecord {
  readonly id: string;
  readonly number: string;
  readonly prescriptionId: string;
  readonly courseId: string;
  readonly clinicId: string;
  readonly patientId: string;
  readonly status: AuthorizationStatus;
  readonly issuedAt: Date;
  readonly firstInstant: string;
  readonly lastInstant: string;
  readonly lastDayToCollect: string;
  readonly packId: string;
}

const prescriptionColumns = ['id', 'course_id', 'clinic_id', 'patient_id', 'prescriber_id', 'written_on', 'product', 'strength_mg', 'quantity', 'daily_mg', 'refills'] as const;

export async function insertPrescription(db: Db, p: Omit<PrescriptionRecord, 'id'>): Promise<string> {
  const row = await db
    .insertInto('prescription')
    .values({
      course_id: p.courseId,
      clinic_id: p.clinicId,
      patient_id: p.patientId,
      prescriber_id: p.prescriberId,
      written_on: p.writtenOn,
      product: p.product,
      strength_mg: p.strengthMg,
      quantity: p.quantity,
      daily_mg: p.dailyMg,
      refills: p.refills,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findPrescription(db: Db, id: string, options: { lock?: boolean } = {}): Promise<PrescriptionRecord | undefined> {
  let query = db.selectFrom('prescription').select(prescriptionColumns).where('id', '=', id);
  if (options.lock === true) query = query.forUpdate();
  const r = await query.executeTakeFirst();
  return r === undefined
    ? undefined
    : {
        id: r.id,
        courseId: r.course_id,
        clinicId: r.clinic_id,
        patientId: r.patient_id,
        prescriberId: r.prescriber_id,
        writtenOn: r.written_on,
        product: r.product,
        strengthMg: r.strength_mg,
        quantity: r.quantity,
        dailyMg: r.daily_mg,
        refills: r.refills,
      };
}

export async function listCoursePrescriptions(db: Db, courseId: string): Promise<PrescriptionRecord[]> {
  const rows = await db.selectFrom('prescription').select('id').where('course_id', '=', courseId).orderBy('written_on').execute();
  const out: PrescriptionRecord[] = [];
  for (const row of rows) {
    const p = await findPrescription(db, row.id);
    if (p !== undefined) out.push(p);
  }
  return out;
}

const authorizationColumns = [
  'id',
  'number',
  'prescription_id',
  'course_id',
  'clinic_id',
  'patient_id',
  'status',
  'issued_at',
  'first_instant',
  'last_instant',
  'last_day_to_collect',
  'pack_id',
] as const;

type AuthorizationRow = {
  id: string;
  number: string;
  prescription_id: string;
  course_id: string;
  clinic_id: string;
  patient_id: string;
  status: AuthorizationStatus;
  issued_at: Date;
  first_instant: string;
  last_instant: string;
  last_day_to_collect: string;
  pack_id: string;
};

function toAuthorization(r: AuthorizationRow): AuthorizationRecord {
  return {
    id: r.id,
    number: r.number,
    prescriptionId: r.prescription_id,
    courseId: r.course_id,
    clinicId: r.clinic_id,
    patientId: r.patient_id,
    status: r.status,
    issuedAt: r.issued_at,
    firstInstant: r.first_instant,
    lastInstant: r.last_instant,
    lastDayToCollect: r.last_day_to_collect,
    packId: r.pack_id,
  };
}

export async function insertAuthorization(
  db: Db,
  a: Omit<AuthorizationRecord, 'id' | 'status'> & { issuedBy: string },
): Promise<AuthorizationRecord> {
  const row = await db
    .insertInto('authorization')
    .values({
      number: a.number,
      prescription_id: a.prescriptionId,
      course_id: a.courseId,
      clinic_id: a.clinicId,
      patient_id: a.patientId,
      status: 'open',
      issued_at: a.issuedAt,
      issued_by: a.issuedBy,
      first_instant: a.firstInstant,
      last_instant: a.lastInstant,
      last_day_to_collect: a.lastDayToCollect,
      pack_id: a.packId,
    })
    .returning(authorizationColumns)
    .executeTakeFirstOrThrow();
  return toAuthorization(row);
}

export async function findAuthorization(db: Db, id: string, options: { lock?: boolean } = {}): Promise<AuthorizationRecord | undefined> {
  let query = db.selectFrom('authorization').select(authorizationColumns).where('id', '=', id);
  if (options.lock === true) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toAuthorization(row);
}

export async function findAuthorizationByNumber(db: Db, number: string): Promise<AuthorizationRecord | undefined> {
  const row = await db.selectFrom('authorization').select(authorizationColumns).where('number', '=', number).executeTakeFirst();
  return row === undefined ? undefined : toAuthorization(row);
}

export interface AuthorizationWithContext {
  readonly authorization: AuthorizationRecord;
  readonly prescription: PrescriptionRecord;
  readonly patient: PatientRecord;
}

/**
 * An authorization with its prescription and patient in one statement, by id or by number: the
 * pharmacy counter (verify, dispense) needs all three on every request. With `lock`, only the
 * authorization row is locked, as `findAuthorization` does.
 */
export async function findAuthorizationWithContext(db: Db, by: { id: string } | { number: string }, options: { lock?: boolean } = {}): Promise<AuthorizationWithContext | undefined> {
  let query = db
    .selectFrom('authorization as a')
    .innerJoin('prescription as rx', 'rx.id', 'a.prescription_id')
    .innerJoin('patient as p', 'p.id', 'a.patient_id')
    .select([
      'a.id',
      'a.number',
      'a.prescription_id',
      'a.course_id',
      'a.clinic_id',
      'a.patient_id',
      'a.status',
      'a.issued_at',
      'a.first_instant',
      'a.last_instant',
      'a.last_day_to_collect',
      'a.pack_id',
      'rx.course_id as rx_course_id',
      'rx.clinic_id as rx_clinic_id',
      'rx.patient_id as rx_patient_id',
      'rx.prescriber_id as rx_prescriber_id',
      'rx.written_on as rx_written_on',
      'rx.product as rx_product',
      'rx.strength_mg as rx_strength_mg',
      'rx.quantity as rx_quantity',
      'rx.daily_mg as rx_daily_mg',
      'rx.refills as rx_refills',
      'p.clinic_id as p_clinic_id',
      'p.display_name as p_display_name',
      'p.birth_date as p_birth_date',
      'p.risk as p_risk',
    ]);
  query = 'id' in by ? query.where('a.id', '=', by.id) : query.where('a.number', '=', by.number);
  if (options.lock === true) query = query.forUpdate('a');
  const r = await query.executeTakeFirst();
  if (r === undefined) return undefined;
  return {
    authorization: toAuthorization(r),
    prescription: {
      id: r.prescription_id,
      courseId: r.rx_course_id,
      clinicId: r.rx_clinic_id,
      patientId: r.rx_patient_id,
      prescriberId: r.rx_prescriber_id,
      writtenOn: r.rx_written_on,
      product: r.rx_product,
      strengthMg: r.rx_strength_mg,
      quantity: r.rx_quantity,
      dailyMg: r.rx_daily_mg,
      refills: r.rx_refills,
    },
    patient: { id: r.patient_id, clinicId: r.p_clinic_id, displayName: r.p_display_name, birthDate: r.p_birth_date, risk: r.p_risk },
  };
}

export async function listAuthorizations(db: Db, filter: { prescriptionId?: string; courseId?: string; patientId?: string; status?: AuthorizationStatus }): Promise<AuthorizationRecord[]> {
  let query = db.selectFrom('authorization').select(authorizationColumns);
  if (filter.prescriptionId !== undefined) query = query.where('prescription_id', '=', filter.prescriptionId);
  if (filter.courseId !== undefined) query = query.where('course_id', '=', filter.courseId);
  if (filter.patientId !== undefined) query = query.where('patient_id', '=', filter.patientId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('issued_at').execute();
  return rows.map(toAuthorization);
}

export async function markReversed(db: Db, id: string, at: Date, reason: string): Promise<void> {
  await db.updateTable('authorization').set({ status: 'reversed', reversed_at: at, reversal_reason: reason }).where('id', '=', id).where('status', '=', 'open').execute();
}

export async function markDispensed(db: Db, id: string): Promise<void> {
  await db.updateTable('authorization').set({ status: 'dispensed' }).where('id', '=', id).where('status', '=', 'open').execute();
}

export async function insertDispense(
  db: Db,
  d: {
    authorizationId: string;
    prescriptionId: string;
    pharmacyId: string;
    pharmacistId: string;
    quantity: number;
    medicationGuideGiven: boolean;
    rmaNumber: string | null;
    dndDate: string | null;
    dispensedAt: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('dispense')
    .values({
      authorization_id: d.authorizationId,
      prescription_id: d.prescriptionId,
      pharmacy_id: d.pharmacyId,
      pharmacist_id: d.pharmacistId,
      quantity: d.quantity,
      medication_guide_given: d.medicationGuideGiven,
      rma_number: d.rmaNumber,
      dnd_date: d.dndDate,
      dispensed_at: d.dispensedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface PharmacyRecord {
  readonly id: string;
  readonly name: string;
  readonly jurisdiction: string;
  readonly certifiedOn: string | null;
  readonly activatedOn: string | null;
}

export async function findPharmacy(db: Db, id: string): Promise<PharmacyRecord | undefined> {
  const r = await db.selectFrom('pharmacy').select(['id', 'name', 'jurisdiction', 'certified_on', 'activated_on']).where('id', '=', id).executeTakeFirst();
  return r === undefined ? undefined : { id: r.id, name: r.name, jurisdiction: r.jurisdiction, certifiedOn: r.certified_on, activatedOn: r.activated_on };
}

export interface DispenseRecord {
  readonly id: string;
  readonly authorizationId: string;
  readonly prescriptionId: string;
  readonly pharmacyId: string;
  readonly quantity: number;
  readonly medicationGuideGiven: boolean;
  readonly rmaNumber: string | null;
  readonly dndDate: string | null;
  readonly dispensedAt: Date;
}

/** Every dispense of one patient's authorizations, oldest first (the patient's data export). */
export async function listPatientDispenses(db: Db, patientId: string): Promise<DispenseRecord[]> {
  const rows = await db
    .selectFrom('dispense')
    .innerJoin('authorization', 'authorization.id', 'dispense.authorization_id')
    .select(['dispense.id', 'dispense.authorization_id', 'dispense.prescription_id', 'dispense.pharmacy_id', 'dispense.quantity', 'dispense.medication_guide_given', 'dispense.rma_number', 'dispense.dnd_date', 'dispense.dispensed_at'])
    .where('authorization.patient_id', '=', patientId)
    .orderBy('dispense.dispensed_at')
    .orderBy('dispense.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    authorizationId: r.authorization_id,
    prescriptionId: r.prescription_id,
    pharmacyId: r.pharmacy_id,
    quantity: r.quantity,
    medicationGuideGiven: r.medication_guide_given,
    rmaNumber: r.rma_number,
    dndDate: r.dnd_date,
    dispensedAt: new Date(r.dispensed_at),
  }));
}
