import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ProgressPhoto } from '../../app/clinical/clinical-services.js';
import { detectImageType, isPhotoContentType, PHOTO_CONTENT_TYPES, PHOTO_MAX_BYTES } from '../../app/clinical/photo-image.js';
import { photoUploadSchema, rawPhotoQuerySchema, type PhotoUpload } from '../../contracts/clinical.js';
import { photoListSchema, photoSchema } from '../../contracts/clinical-views.js';
import { ProblemError } from '../problem.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import type { ServerDeps } from '../server-deps.js';
import { actorOf, parsedQuery } from './clinical-present.js';
import { uuidParam } from './courses.routes.js';

export const RAW_PHOTO_URL = '/api/courses/:courseId/photos/raw';
const TAGS = ['clinical'];

/**
 * The API takes JSON only, except one route: a raw `image/jpeg` or `image/png` body up to
 * PHOTO_MAX_BYTES on the raw photo upload (CLIN-PHOTO). Everywhere else an image body is still
 * a 415, as every other non-JSON body is.
 */
export function registerPhotoBodyParser(app: FastifyInstance): void {
  app.addContentTypeParser([...PHOTO_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (request, body, done) => {
    if (request.routeOptions.url !== RAW_PHOTO_URL) {
      done(new ProblemError('unsupported_media_type', 'Send the body as application/json.'), undefined);
      return;
    }
    done(null, body);
  });
}

/** Presenter: a photo's metadata, never its bytes or who else may see it. */
export function presentPhoto(p: ProgressPhoto) {
  return {
    id: p.id,
    contentType: p.contentType,
    byteSize: p.byteSize,
    sha256: p.sha256,
    takenOn: p.takenOn,
    bodySite: p.bodySite,
    caption: p.caption,
    recordedAt: p.recordedAt.toISOString(),
    recordedByRole: p.recordedRole,
  };
}

/** The media type of a raw upload, without parameters. */
function declaredType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function photoRoutes(deps: ServerDeps): RouteDefinition[] {
  const clinical = deps.app.clinical;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/courses/:courseId/photos',
      operationId: 'uploadPhoto',
      summary: 'Upload a progress photo as base64 JSON (patient or staff; JPEG or PNG by its bytes; within the 1 MiB JSON limit: larger photos go to /photos/raw)',
      tags: TAGS,
      body: photoUploadSchema,
      responses: { 201: { description: 'Stored', schema: photoSchema }, 413: { description: 'Too large' } },
      handler: async (request, reply, input: PhotoUpload) => {
        const photo = await clinical.uploadPhoto(actorOf(request), uuidParam(request, 'courseId'), {
          bytes: Buffer.from(input.dataBase64, 'base64'),
          declaredType: input.contentType,
          pointer: '/dataBase64',
          takenOn: input.takenOn,
          bodySite: input.bodySite,
          caption: input.caption,
        });
        return reply.code(201).send(presentPhoto(photo));
      },
    }),
    defineRoute({
      method: 'POST',
      url: RAW_PHOTO_URL,
      operationId: 'uploadPhotoRaw',
      summary: `Upload a progress photo as a raw image/jpeg or image/png body of at most ${PHOTO_MAX_BYTES} bytes (query: takenOn, bodySite); the type is checked against the bytes`,
      tags: TAGS,
      responses: { 201: { description: 'Stored', schema: photoSchema }, 413: { description: 'Too large' }, 415: { description: 'Not a JPEG or PNG body' } },
      handler: async (request, reply) => {
        const query = parsedQuery(rawPhotoQuerySchema, request);
        const type = declaredType(request);
        const body: unknown = request.body;
        if (!isPhotoContentType(type) || !Buffer.isBuffer(body)) throw new ProblemError('unsupported_media_type', 'Send the photo as an image/jpeg or image/png body.');
        // the bytes must be what the header says (CLIN-PHOTO): checked here as a 415, again in the use case
        if (detectImageType(body) !== type) throw new ProblemError('unsupported_media_type', `The body is not a ${type} image.`);
        const photo = await clinical.uploadPhoto(actorOf(request), uuidParam(request, 'courseId'), {
          bytes: body,
          declaredType: type,
          pointer: '/body',
          takenOn: query.takenOn,
          bodySite: query.bodySite,
        });
        return reply.code(201).send(presentPhoto(photo));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/courses/:courseId/photos',
      operationId: 'listPhotos',
      summary: 'The progress photos of a course, without their bytes (the patient and their clinic only; audited read)',
      tags: TAGS,
      responses: { 200: { description: 'The photos', schema: photoListSchema } },
      handler: async (request) => ({ photos: (await clinical.listPhotos(actorOf(request), uuidParam(request, 'courseId'))).map(presentPhoto) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/courses/:courseId/photos/:photoId',
      operationId: 'getPhoto',
      summary: 'One progress photo, its bytes (the patient and their clinic only; every view audited)',
      tags: TAGS,
      responses: { 200: { description: 'The image', contentType: 'image/jpeg' } },
      handler: async (request, reply) => {
        const { photo, content } = await clinical.readPhoto(actorOf(request), uuidParam(request, 'courseId'), uuidParam(request, 'photoId'));
        return reply
          .type(photo.contentType)
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `inline; filename="photo-${photo.id}${photo.contentType === 'image/png' ? '.png' : '.jpg'}"`)
          .send(content);
      },
    }),
  ];
}
