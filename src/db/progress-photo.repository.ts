import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type PhotoContentType = 'image/jpeg' | 'image/png';
export type PhotoBodySite = 'face' | 'chest' | 'back' | 'other';

/** A progress photo without its bytes (what lists show). */
export interface PhotoRecord {
  readonly id: string;
  readonly courseId: string;
  readonly clinicId: string;
  readonly patientId: string;
  readonly contentType: PhotoContentType;
  readonly byteSize: number;
  readonly sha256: string;
  readonly takenOn: string | null;
  readonly bodySite: PhotoBodySite | null;
  readonly caption: string | null;
  readonly recordedAt: Date;
  readonly recordedBy: string;
  readonly recordedRole: string;
}

const metaColumns = [
  'id',
  'course_id',
  'clinic_id',
  'patient_id',
  'content_type',
  'byte_size',
  'sha256',
  'taken_on',
  'body_site',
  'caption',
  'recorded_at',
  'recorded_by',
  'recorded_role',
] as const;

interface MetaRow {
  id: string;
  course_id: string;
  clinic_id: string;
  patient_id: string;
  content_type: PhotoContentType;
  byte_size: number;
  sha256: string;
  taken_on: string | null;
  body_site: PhotoBodySite | null;
  caption: string | null;
  recorded_at: Date;
  recorded_by: string;
  recorded_role: string;
}

function toRecord(row: MetaRow): PhotoRecord {
  return {
    id: row.id,
    courseId: row.course_id,
    clinicId: row.clinic_id,
    patientId: row.patient_id,
    contentType: row.content_type,
    byteSize: row.byte_size,
    sha256: row.sha256,
    takenOn: row.taken_on,
    bodySite: row.body_site,
    caption: row.caption,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    recordedRole: row.recorded_role,
  };
}

export async function insertPhoto(db: Db, photo: Omit<PhotoRecord, 'id' | 'byteSize'> & { readonly content: Buffer }): Promise<PhotoRecord> {
  const row = await db
    .insertInto('progress_photo')
    .values({
      course_id: photo.courseId,
      clinic_id: photo.clinicId,
      patient_id: photo.patientId,
      content_type: photo.contentType,
      byte_size: photo.content.length,
      sha256: photo.sha256,
      content: photo.content,
      taken_on: photo.takenOn,
      body_site: photo.bodySite,
      caption: photo.caption,
      recorded_at: photo.recordedAt,
      recorded_by: photo.recordedBy,
      recorded_role: photo.recordedRole,
    })
    .returning(metaColumns)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function listPhotos(db: Db, courseId: string): Promise<PhotoRecord[]> {
  const rows = await db.selectFrom('progress_photo').select(metaColumns).where('course_id', '=', courseId).orderBy('recorded_at').orderBy('id').execute();
  return rows.map(toRecord);
}

/** One photo of a course with its bytes; a photo of another course is not found. */
export async function findPhoto(db: Db, courseId: string, photoId: string): Promise<{ photo: PhotoRecord; content: Buffer } | undefined> {
  const row = await db
    .selectFrom('progress_photo')
    .select([...metaColumns, 'content'])
    .where('id', '=', photoId)
    .where('course_id', '=', courseId)
    .executeTakeFirst();
  return row === undefined ? undefined : { photo: toRecord(row), content: row.content };
}
