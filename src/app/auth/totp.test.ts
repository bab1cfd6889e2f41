import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, totpAt, verifyTotp } from './totp.js';

// RFC 6238 appendix B test vectors (SHA1, secret "12345678901234567890"), last 6 digits
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP (RFC 6238)', () => {
  it.each([
    ['1970-01-01T00:00:59Z', '287082'],
    ['2005-03-18T01:58:29Z', '081804'],
    ['2009-02-13T23:31:30Z', '005924'],
    ['2033-05-18T03:33:20Z', '279037'],
  ])('matches the RFC test vector at %s', (at, code) => {
    expect(totpAt(RFC_SECRET, new Date(at))).toBe(code);
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const secret = Buffer.from('12345678901234567890');
    expect([0n, 1n, 2n, 9n].map((c) => hotp(secret, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('accepts the previous and next 30-second step and nothing further', () => {
    const at = new Date('2026-11-21T12:00:15Z');
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, new Date(at.getTime() - 30_000)), at)).toBe(true);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, new Date(at.getTime() + 30_000)), at)).toBe(true);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, new Date(at.getTime() - 90_000)), at)).toBe(false);
    expect(verifyTotp(RFC_SECRET, 'abcdef', at)).toBe(false);
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });
});
