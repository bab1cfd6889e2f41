import { afterEach, describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES } from '../../app/clinical/photo-image.js';
import { testEngine } from '../../db/testing/test-database.js';
import { clinicalWorld, expectOk, JPEG_BYTES, PNG_1X1, type ClinicalWorld } from '../testing/clinical-world.js';

let world: ClinicalWorld | undefined;
afterEach(async () => {
  await world?.server.close();
  world = undefined;
});

interface Photo {
  id: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  takenOn: string | null;
  bodySite: string | null;
  caption: string | null;
  recordedByRole: string;
}

describe(`progress photos over HTTP on ${testEngine()}`, () => {
  it('stores a patient photo sent as base64 JSON and a staff photo sent as a raw JPEG body, typed by their bytes', async () => {
    world = await clinicalWorld();
    const patient = await world.as('patient');
    const json = expectOk(
      'json upload',
      await patient.post(`/api/courses/${world.courseId}/photos`, { dataBase64: PNG_1X1.toString('base64'), takenOn: '2026-03-01', bodySite: 'face', caption: 'Week 4' }),
      201,
    ).json<Photo>();
    expect(json).toMatchObject({ contentType: 'image/png', byteSize: PNG_1X1.length, takenOn: '2026-03-01', bodySite: 'face', caption: 'Week 4', recordedByRole: 'patient' });
    expect(json.sha256).toMatch(/^[0-9a-f]{64}$/);
    const raw = expectOk('raw upload', await world.prescriber.post(`/api/courses/${world.courseId}/photos/raw?bodySite=back`, JPEG_BYTES, { 'content-type': 'image/jpeg' }), 201).json<Photo>();
    expect(raw).toMatchObject({ contentType: 'image/jpeg', byteSize: JPEG_BYTES.length, bodySite: 'back', recordedByRole: 'prescriber' });
    const listed = expectOk('list', await patient.get(`/api/courses/${world.courseId}/photos`), 200).json<{ photos: Photo[] }>();
    expect(listed.photos.map((p) => p.id).sort()).toEqual([json.id, raw.id].sort());
    expect(JSON.stringify(listed)).not.toContain(PNG_1X1.toString('base64'));
  });

  it('shows a photo only to the patient and their clinic, and audits every view', async () => {
    world = await clinicalWorld();
    const patient = await world.as('patient');
    const photo = expectOk('upload', await patient.post(`/api/courses/${world.courseId}/photos`, { dataBase64: PNG_1X1.toString('base64') }), 201).json<Photo>();
    const url = `/api/courses/${world.courseId}/photos/${photo.id}`;
    for (const who of ['patient', 'prescriber', 'designee', 'admin'] as const) {
      const seen = await (await world.as(who)).get(url);
      expect(seen.statusCode, who).toBe(200);
      expect(seen.headers['content-type']).toBe('image/png');
      expect(seen.headers['cache-control']).toBe('private, no-store');
      expect(seen.rawPayload.equals(PNG_1X1)).toBe(true);
    }
    expect((await (await world.as('pharmacist')).get(url)).statusCode).toBe(403);
    expect((await (await world.as('otherPatient')).get(url)).statusCode).toBe(403);
    expect((await (await world.as('foreignPrescriber')).get(url)).statusCode).toBe(404);
    expect((await world.server.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    // the photo does not exist under another course of the same clinic
    expect((await world.prescriber.get(`/api/courses/${world.otherCourseId}/photos/${photo.id}`)).statusCode).toBe(404);
    const views = await world.server.database.db.selectFrom('audit_log').select(['actor_role']).where('action', '=', 'read_photo').where('resource_id', '=', photo.id).execute();
    expect(views.map((v) => v.actor_role).sort()).toEqual(['clinic_admin', 'designee', 'patient', 'prescriber']);
  });

  it('refuses what is not a JPEG or PNG by its bytes, and a declared type the bytes contradict', async () => {
    world = await clinicalWorld();
    const patient = await world.as('patient');
    const url = `/api/courses/${world.courseId}/photos`;
    const text = await patient.post(url, { dataBase64: Buffer.from('<svg onload="alert(1)"></svg>').toString('base64') });
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'invalid_input', errors: [{ pointer: '/dataBase64' }] });
    const mismatch = await patient.post(url, { dataBase64: PNG_1X1.toString('base64'), contentType: 'image/jpeg' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json()).toMatchObject({ errors: [{ pointer: '/contentType' }] });
    const notBase64 = await patient.post(url, { dataBase64: 'this is not base64!' });
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json()).toMatchObject({ code: 'validation_failed', errors: [{ pointer: '/dataBase64' }] });
    const rawLie = await patient.post(`${url}/raw`, JPEG_BYTES, { 'content-type': 'image/png' });
    expect(rawLie.statusCode).toBe(415);
    const rawJson = await patient.post(`${url}/raw`, { dataBase64: PNG_1X1.toString('base64') });
    expect(rawJson.statusCode).toBe(415);
    const gif = await patient.post(`${url}/raw`, Buffer.from('GIF89a-------'), { 'content-type': 'image/gif' });
    expect(gif.statusCode).toBe(415);
    const badQuery = await patient.post(`${url}/raw?bodySite=elbow`, PNG_1X1, { 'content-type': 'image/png' });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json()).toMatchObject({ errors: [{ pointer: '/bodySite' }] });
    const listed = expectOk('list', await patient.get(url), 200).json<{ photos: Photo[] }>();
    expect(listed.photos).toEqual([]);
  });

  it('takes a raw photo of exactly the limit and refuses one byte more with 413', async () => {
    world = await clinicalWorld();
    const url = `/api/courses/${world.courseId}/photos/raw`;
    const atLimit = Buffer.alloc(PHOTO_MAX_BYTES, 0);
    JPEG_BYTES.copy(atLimit);
    expectOk('at the limit', await world.prescriber.post(url, atLimit, { 'content-type': 'image/jpeg' }), 201);
    const over = Buffer.alloc(PHOTO_MAX_BYTES + 1, 0);
    JPEG_BYTES.copy(over);
    const tooLarge = await world.prescriber.post(url, over, { 'content-type': 'image/jpeg' });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('still refuses an image body on every other route with 415', async () => {
    world = await clinicalWorld();
    const refused = await world.prescriber.post(`/api/courses/${world.courseId}/doses`, PNG_1X1, { 'content-type': 'image/png' });
    expect(refused.statusCode).toBe(415);
    expect(refused.json()).toMatchObject({ code: 'unsupported_media_type' });
  });
});
