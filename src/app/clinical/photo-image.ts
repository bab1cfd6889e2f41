/**
 * CLIN-PHOTO: progress photos are JPEG or PNG images of at most 4 MiB, recognised by their first
 * bytes (never by a declared type or a file name), so a script or a document cannot be stored
 * and served back as a photo. Pure, unit-tested in photo-image.test.ts.
 */
export const PHOTO_RULE_ID = 'CLIN-PHOTO';
export const PHOTO_MAX_BYTES = 4 * 1024 * 1024;
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png'] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

/** JPEG: SOI marker FF D8 followed by a marker FF. */
const JPEG = [0xff, 0xd8, 0xff] as const;
/** PNG: the 8-byte signature of the PNG specification. */
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length > signature.length && signature.every((b, i) => bytes[i] === b);
}

/** The image type the bytes are, or undefined when they are neither a JPEG nor a PNG. */
export function detectImageType(bytes: Uint8Array): PhotoContentType | undefined {
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  return undefined;
}

export function isPhotoContentType(value: string): value is PhotoContentType {
  return (PHOTO_CONTENT_TYPES as readonly string[]).includes(value);
}
