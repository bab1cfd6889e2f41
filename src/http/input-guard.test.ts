import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileBodyIssues, isDataException, MAX_BODY_DEPTH } from './input-guard.js';

/** `n` arrays, one inside the other: the innermost is at depth n - 1 (the body itself is depth 0). */
function nested(n: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < n; i += 1) value = [value];
  return value;
}

/** The same judgement, written recursively, for bodies shallow enough to recurse over. */
function reference(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || /\p{Cs}/u.test(value);
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= MAX_BODY_DEPTH) return true;
  const entries = Array.isArray(value) ? value.map((v: unknown, i) => [String(i), v] as const) : Object.entries(value);
  return entries.some(([k, v]) => reference(k) || reference(v, depth + 1));
}

describe('SEC-HOSTILE-INPUT: what no request body may hold', () => {
  it(`accepts a body nested ${MAX_BODY_DEPTH} levels deep and refuses one nested ${MAX_BODY_DEPTH + 1} levels deep`, () => {
    expect(hostileBodyIssues(nested(MAX_BODY_DEPTH))).toEqual([]);
    const issues = hostileBodyIssues(nested(MAX_BODY_DEPTH + 1));
    expect(issues).toEqual([{ pointer: `/${Array.from({ length: MAX_BODY_DEPTH }, () => '0').join('/')}`, detail: `nested deeper than ${MAX_BODY_DEPTH} levels` }]);
  });

  it('refuses a body nested 200 000 levels deep without overflowing the stack', () => {
    expect(hostileBodyIssues(nested(200_000))).toHaveLength(1);
  });

  it('names a NUL character in a value and in a field name by its JSON pointer', () => {
    expect(hostileBodyIssues({ event: { reason: 'a\u0000b' } })).toEqual([{ pointer: '/event/reason', detail: 'contains U+0000 (NUL), which cannot be stored' }]);
    expect(hostileBodyIssues({ 'a/b~\u0000': 1 })).toEqual([{ pointer: '/a~1b~0\u0000', detail: 'the field name contains U+0000 (NUL), which cannot be stored' }]);
    expect(hostileBodyIssues('\u0000')).toEqual([{ pointer: '/', detail: 'contains U+0000 (NUL), which cannot be stored' }]);
  });

  it('refuses a lone surrogate and accepts the same code unit in a pair (an emoji)', () => {
    expect(hostileBodyIssues({ name: 'a\uD800b' })).toHaveLength(1);
    expect(hostileBodyIssues({ name: 'a\uDC00' })).toHaveLength(1);
    expect(hostileBodyIssues({ name: 'smile \uD83D\uDE00', rtl: '\u202Eabc', zeroWidth: 'a\u200Bb', accents: 'Zoë Ærøskøbing' })).toEqual([]);
  });

  it('accepts injection text, numbers, booleans, null and raw bytes as they are (the schemas judge them)', () => {
    expect(hostileBodyIssues({ reason: "'; drop table patient; --", n: 1e308, b: false, z: null, list: [[], {}] })).toEqual([]);
    expect(hostileBodyIssues(Buffer.from([0, 0, 0]))).toEqual([]);
  });

  it('reports at most 20 issues however many the body holds', () => {
    expect(hostileBodyIssues(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });

  it('agrees with a recursive reading on any JSON value of any Unicode text (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6, stringUnit: 'binary' }), fc.constantFrom('', '\u0000', '\uD800'), (value, poison) => {
        const body = poison === '' ? value : { value, poison };
        expect(hostileBodyIssues(body).length > 0).toBe(reference(body));
      }),
    );
  });

  it('treats SQLSTATE class 22 (data exception) as bad input and nothing else', () => {
    for (const code of ['22007', '22008', '22021', '22P05', '22003', '22P02']) expect(isDataException({ code })).toBe(true);
    for (const code of ['23505', '40P01', '57014', 'FST_ERR_BAD_URL', '2200']) expect(isDataException({ code })).toBe(false);
    expect(isDataException(new Error('x'))).toBe(false);
    expect(isDataException(null)).toBe(false);
  });
});
