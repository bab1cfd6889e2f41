import { describe, expect, it } from 'vitest';
import { detectImageType, isPhotoContentType } from './photo-image.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('CLIN-PHOTO: recognising a photo by its first bytes', () => {
  it('recognises a JPEG by FF D8 FF and a PNG by its 8-byte signature', () => {
    expect(detectImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00))).toBe('image/jpeg');
    expect(detectImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00))).toBe('image/png');
  });

  it('refuses a PNG signature with one byte changed and a JPEG without its third marker byte', () => {
    expect(detectImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b, 0x00))).toBeUndefined();
    expect(detectImageType(bytes(0xff, 0xd8, 0x00, 0xe0))).toBeUndefined();
  });

  it('refuses a bare signature with nothing after it, an empty body, text, PDF and GIF', () => {
    expect(detectImageType(bytes(0xff, 0xd8, 0xff))).toBeUndefined();
    expect(detectImageType(bytes())).toBeUndefined();
    expect(detectImageType(new TextEncoder().encode('<script>alert(1)</script>'))).toBeUndefined();
    expect(detectImageType(new TextEncoder().encode('%PDF-1.7'))).toBeUndefined();
    expect(detectImageType(new TextEncoder().encode('GIF89a....'))).toBeUndefined();
  });

  it('accepts exactly the two photo types as declared content types', () => {
    expect(isPhotoContentType('image/jpeg')).toBe(true);
    expect(isPhotoContentType('image/png')).toBe(true);
    expect(isPhotoContentType('image/gif')).toBe(false);
    expect(isPhotoContentType('image/svg+xml')).toBe(false);
  });
});
