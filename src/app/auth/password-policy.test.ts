import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PASSWORD_LENGTH, newPasswordIssues, passwordLength, TEMPORARY_PASSWORD_VALIDITY_MS, temporaryPasswordFrom } from './password-policy.js';

const base64url = (bytes: readonly number[]) => Buffer.from(bytes).toString('base64url');

describe('SEC-PASSWORD-LENGTH', () => {
  it('refuses a password of 11 characters and accepts one of 12', () => {
    expect(newPasswordIssues('a'.repeat(11))).toEqual(['too_short']);
    expect(newPasswordIssues('a'.repeat(12))).toEqual([]);
  });

  it('accepts 1024 characters and refuses 1025', () => {
    expect(newPasswordIssues('a'.repeat(MAX_PASSWORD_LENGTH))).toEqual([]);
    expect(newPasswordIssues('a'.repeat(MAX_PASSWORD_LENGTH + 1))).toEqual(['too_long']);
  });

  it('counts characters, not UTF-16 units: twelve emoji are twelve characters, six are too few', () => {
    expect(passwordLength('🔒'.repeat(6))).toBe(6);
    expect(newPasswordIssues('🔒'.repeat(6))).toEqual(['too_short']);
    expect(newPasswordIssues('ü'.repeat(12))).toEqual([]);
  });

  it('lists every reason at once', () => {
    expect(newPasswordIssues('short', { sameAsCurrent: true })).toEqual(['too_short', 'same_as_current']);
  });
});

describe('SEC-TEMP-PASSWORD', () => {
  it('is valid for exactly 72 hours', () => {
    expect(TEMPORARY_PASSWORD_VALIDITY_MS).toBe(72 * 60 * 60 * 1000);
  });

  it('makes four groups of five capitals and digits without 0, O, 1 or I, long enough for the length rule', () => {
    const password = temporaryPasswordFrom(base64url(Array.from({ length: 32 }, (_, i) => i * 7)));
    expect(password).toMatch(/^[A-HJ-NP-Z2-9]{5}(-[A-HJ-NP-Z2-9]{5}){3}$/);
    expect(newPasswordIssues(password)).toEqual([]);
  });

  it('is the same for the same random bytes and uses every letter of its alphabet for some byte', () => {
    const bytes = Array.from({ length: 32 }, (_, i) => i);
    expect(temporaryPasswordFrom(base64url(bytes))).toBe(temporaryPasswordFrom(base64url(bytes)));
    expect(temporaryPasswordFrom(base64url(bytes)).replaceAll('-', '')).toBe('ABCDEFGHJKLMNPQRSTUVWXYZ23456789'.slice(0, 20));
  });

  it('refuses a token with fewer than 20 random bytes', () => {
    expect(() => temporaryPasswordFrom(base64url(Array.from({ length: 19 }, () => 1)))).toThrow(/too few/);
  });

  it('always has the temporary-password shape, whatever the random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 64 }), (bytes) => {
        expect(temporaryPasswordFrom(Buffer.from(bytes).toString('base64url'))).toMatch(/^[A-HJ-NP-Z2-9]{5}(-[A-HJ-NP-Z2-9]{5}){3}$/);
      }),
    );
  });
});
