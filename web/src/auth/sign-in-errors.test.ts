import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.js';
import { checkBeforeSending, describeSignInError } from './sign-in-errors.js';

const now = new Date('2026-03-02T01:00:00Z');
const problem = (code: string, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}): ApiError =>
  new ApiError({ kind: 'problem', status: 400, code, ...extra });

describe('the words for a refused sign-in', () => {
  it('says the same for a wrong e-mail and a wrong password, so nobody learns whether an account exists', () => {
    expect(describeSignInError(problem('invalid_credentials'), false, now)).toEqual({
      kind: 'problem',
      general: 'The e-mail address or the password is not right. Check them and try again.',
      fields: {},
    });
  });

  it('mentions the code once the code was asked for', () => {
    const outcome = describeSignInError(problem('invalid_credentials'), true, now);
    expect(outcome.kind === 'problem' ? outcome.general : '').toContain('the one-time code');
  });

  it('asks for the one-time code on totp_required', () => {
    expect(describeSignInError(problem('totp_required'), false, now)).toEqual({ kind: 'needsCode' });
  });

  it('gives a lock that ends today as local HH:MM, and one that ends on another day with the day', () => {
    const today = describeSignInError(problem('account_locked', { lockedUntil: '2026-03-02T01:15:00.000Z' }), false, now, 'Asia/Tokyo');
    expect(today.kind === 'problem' ? today.general : '').toBe('Signing in is paused after too many wrong attempts. Try again after 10:15.');
    const tomorrow = describeSignInError(problem('account_locked', { lockedUntil: '2026-03-02T15:05:00.000Z' }), false, now, 'Asia/Tokyo');
    expect(tomorrow.kind === 'problem' ? tomorrow.general : '').toBe(
      'Signing in is paused after too many wrong attempts. Try again after 00:05 on 3 March.',
    );
    const unknown = describeSignInError(problem('account_locked', { lockedUntil: 'soon' }), false, now);
    expect(unknown.kind === 'problem' ? unknown.general : '').toBe('Signing in is paused after too many wrong attempts. Try again later.');
  });

  it('says how long to wait after too many attempts when the server says so', () => {
    const withWait = describeSignInError(problem('too_many_requests', { retryAfterSeconds: 42 }), false, now);
    expect(withWait.kind === 'problem' ? withWait.general : '').toContain('Wait 42 seconds');
    const without = describeSignInError(problem('too_many_requests'), false, now);
    expect(without.kind === 'problem' ? without.general : '').toContain('Wait a minute');
  });

  it('puts each field the server refused next to that field, and a general line for a field it does not know', () => {
    const known = describeSignInError(problem('validation_failed', { errors: [{ pointer: '/email', detail: 'too short' }] }), false, now);
    expect(known).toEqual({
      kind: 'problem',
      general: undefined,
      fields: { email: 'Enter your e-mail address in the right format, like name@example.com.' },
    });
    const unknown = describeSignInError(problem('validation_failed', { errors: [{ pointer: '/other', detail: 'x' }] }), false, now);
    expect(unknown).toEqual({ kind: 'problem', general: 'Check the details you entered and try again.', fields: {} });
  });

  it('treats a network failure or an unexpected answer as "not possible right now"', () => {
    const network = describeSignInError(new ApiError({ kind: 'network', status: 0, code: 'network_error' }), false, now);
    expect(network.kind === 'problem' ? network.general : '').toContain('not possible right now');
    const other = describeSignInError(new Error('boom'), false, now);
    expect(other.kind === 'problem' ? other.general : '').toContain('not possible right now');
  });
});

describe('the checks before sending', () => {
  it('asks for an e-mail address and a password, and a 6-digit code only when it was asked for', () => {
    expect(checkBeforeSending({ email: ' ', password: '', totpCode: '' }, false)).toEqual({
      email: 'Enter your e-mail address.',
      password: 'Enter your password.',
    });
    expect(checkBeforeSending({ email: 'a@b.c', password: 'x', totpCode: '12345' }, true)).toEqual({
      totpCode: 'Enter the 6-digit code from your authenticator app, like 123456.',
    });
    expect(checkBeforeSending({ email: 'a@b.c', password: 'x', totpCode: '123456' }, true)).toEqual({});
  });
});
