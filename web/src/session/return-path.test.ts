import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInPathFor } from './return-path.js';

describe('the return path after signing in', () => {
  it('accepts a path of this app, with its query', () => {
    expect(safeReturnPath('/clinic/dose-calculator')).toBe('/clinic/dose-calculator');
    expect(safeReturnPath('/admin?tab=users')).toBe('/admin?tab=users');
  });

  it('refuses another site, however it is written', () => {
    for (const next of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'evil.example', 'javascript:alert(1)', '/\nfoo']) {
      expect(safeReturnPath(next), next).toBeUndefined();
    }
  });

  it('refuses an empty value and the sign-in page itself, so sign-in never loops', () => {
    expect(safeReturnPath(null)).toBeUndefined();
    expect(safeReturnPath('')).toBeUndefined();
    expect(safeReturnPath('/sign-in')).toBeUndefined();
    expect(safeReturnPath('/sign-in?next=%2Fclinic')).toBeUndefined();
  });

  it('builds the sign-in address with the return path encoded', () => {
    expect(signInPathFor('/clinic/dose-calculator')).toBe('/sign-in?next=%2Fclinic%2Fdose-calculator');
    expect(signInPathFor('//evil.example')).toBe('/sign-in');
  });
});
