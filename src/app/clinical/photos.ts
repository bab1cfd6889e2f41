import { createHash } from 'node:crypto';
import { appendAudit } from '../../db/audit.repository.js';
import { findPhoto, insertPhoto, listPhotos, type PhotoBodySite, type PhotoRecord } from '../../db/progress-photo.repository.js';
import type { Actor, CourseDeps } from '../course/course-context.js';
import { auditOf } from '../course/course-context.js';
import { AppError } from '../errors.js';
import { auditRead, fieldError, notAfterToday, PATIENT_OR_STAFF_WRITERS, withCourseForRead, withCourseForWrite } from './clinical-context.js';
import { detectImageType, PHOTO_MAX_BYTES } from './photo-image.js';

export interface PhotoUploadInput {
  readonly bytes: Buffer;
  /** The type the client declared (JSON `contentType` or the request's Content-Type). */
  readonly declaredType?: string | undefined;
  /** Where the bytes came from in the request, for the field an error names. */
  readonly pointer: string;
  readonly takenOn?: string | undefined;
  readonly bodySite?: PhotoBodySite | undefined;
  readonly caption?: string | undefined;
}

/**
 * Stores a progress photo (patient or staff) in the database (bytea, docs/adr/0010): the type is
 * what the bytes are (CLIN-PHOTO), never what the client says; the SHA-256 is kept as evidence.
 */
export async function uploadPhoto(deps: CourseDeps, actor: Actor, courseId: string, input: PhotoUploadInput): Promise<PhotoRecord> {
  return withCourseForWrite(deps, actor, courseId, PATIENT_OR_STAFF_WRITERS, undefined, async (scope) => {
    if (input.bytes.length > PHOTO_MAX_BYTES) throw fieldError(input.pointer, `the photo is ${input.bytes.length} bytes; the limit is ${PHOTO_MAX_BYTES}`, 'too_large');
    const type = detectImageType(input.bytes);
    if (type === undefined) throw fieldError(input.pointer, 'not a JPEG or PNG image (checked by its first bytes)', 'not_an_image');
    if (input.declaredType !== undefined && input.declaredType !== type) {
      throw fieldError(input.pointer === '/dataBase64' ? '/contentType' : input.pointer, `declared ${input.declaredType} but the bytes are ${type}`, 'type_mismatch');
    }
    if (input.takenOn !== undefined) notAfterToday(input.takenOn, scope, '/takenOn');
    const { facts, now } = scope;
    const photo = await insertPhoto(scope.trx, {
      courseId: facts.course.id,
      clinicId: facts.clinic.id,
      patientId: facts.patient.id,
      contentType: type,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      content: input.bytes,
      takenOn: input.takenOn ?? null,
      bodySite: input.bodySite ?? null,
      caption: input.caption ?? null,
      recordedAt: now,
      recordedBy: actor.principal.userId,
      recordedRole: actor.principal.role,
    });
    await appendAudit(scope.trx, auditOf(actor, now, { action: 'record_photo', resourceType: 'progress_photo', resourceId: photo.id, clinicId: facts.clinic.id, patientId: facts.patient.id }));
    return photo;
  });
}

/** The photos of a course without their bytes (patient and clinic only; audited). */
export async function listCoursePhotos(deps: CourseDeps, actor: Actor, courseId: string): Promise<PhotoRecord[]> {
  return withCourseForRead(deps, actor, courseId, async (scope) => {
    const photos = await listPhotos(scope.trx, courseId);
    await auditRead(scope, 'read_photos', 'course', courseId);
    return photos;
  });
}

/** One photo with its bytes (patient and clinic only; every view is audited). */
export async function readPhoto(deps: CourseDeps, actor: Actor, courseId: string, photoId: string): Promise<{ photo: PhotoRecord; content: Buffer }> {
  return withCourseForRead(deps, actor, courseId, async (scope) => {
    const found = await findPhoto(scope.trx, courseId, photoId);
    if (found === undefined) throw new AppError('not_found', 'No such photo.');
    await auditRead(scope, 'read_photo', 'progress_photo', photoId);
    return found;
  });
}
