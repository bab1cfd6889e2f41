import fc from 'fast-check';

/**
 * Generators of hostile request input for the "never a 5xx" tests: values of the wrong type,
 * huge strings, deep nesting, injection text, awkward Unicode, numbers as strings, arrays for
 * objects, impossible dates, unknown enum values; and mutations of a valid body that put them
 * where the server expects something sensible.
 */

/** Nesting built as text, so the test itself never recurses over it. */
export interface Deep {
  readonly deep: number;
  readonly open: '[' | '{"a":';
}
export type Hostile = unknown;

export const INJECTION = [
  "'; drop table patient; --",
  "' OR '1'='1",
  '"; drop table patient; --',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  '../../../etc/passwd',
  '%00',
  '\\u0000',
  'SELECT pg_sleep(10)',
  '$where',
  '__proto__',
  'constructor',
];
export const UNICODE = ['\u0000', 'a\u0000b', '\uD800', 'x\uDFFF', '\u202Eevil', 'a\u200Bb', '\uD83D\uDE00', 'Zoë Ærøskøbing', '\uFEFF', 'e\u0301', '\uD835\uDD4F', '\r\n', '\t', ' ', ''];
export const NUMBERS_AS_STRINGS = ['42', '-1', '0', '1e400', '0x10', 'Infinity', 'NaN', '-0', '\u0663', '60 '];
export const DATES = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '1900-02-29',
  '2026-1-1',
  '20260101',
  '2026-02-29',
  '2028-02-29',
  '2026-01-01T25:00:00Z',
  '2026-03-08T02:30:00-05:00',
  '2026-01-01T00:00:00+99:99',
  '0000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-W01',
];
export const ENUMS = ['not_a_value', 'PRESCRIBER', 'stopped ', 'Positive', 'other', 'unknown', 'true'];
export const NUMBERS = [0, -1, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 2, 0.30000000000000004, 1.5, 700.001, 1_000_000, 4294967296];
export const HUGE_LENGTHS = [300, 5000, 100_000, 900_000];

/** Any hostile value, including deep nesting (materialised by `bodyText`). */
export function hostileValue(): fc.Arbitrary<Hostile> {
  return fc.oneof(
    fc.constantFrom<Hostile>(...INJECTION, ...UNICODE, ...NUMBERS_AS_STRINGS, ...DATES, ...ENUMS),
    fc.constantFrom<Hostile>(...NUMBERS, true, false, null, [], {}, [1, 2], { a: 1 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(...HUGE_LENGTHS).map((n) => 'x'.repeat(n)),
    fc.jsonValue({ maxDepth: 3 }),
    fc.record({ deep: fc.constantFrom(33, 1000, 100_000), open: fc.constantFrom<Deep['open']>('[', '{"a":') }),
  );
}

export type Mutation =
  | { readonly kind: 'replace'; readonly at: number; readonly value: Hostile }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'extra'; readonly at: number; readonly key: string; readonly value: Hostile }
  | { readonly kind: 'whole'; readonly value: Hostile };

export function mutation(): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('extra' as const), at: fc.nat(), key: fc.constantFrom('extra', '__proto__', 'constructor', 'prototype', '', 'a.b', '$where', 'id', 'clinicId', 'role'), value: hostileValue() }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('whole' as const), value: hostileValue() }) },
  );
}

export function isDeep(value: unknown): value is Deep {
  return typeof value === 'object' && value !== null && 'deep' in value && 'open' in value && typeof value.deep === 'number';
}

type Path = ReadonlyArray<string | number>;

/** Every place in a body a value can be put: each object and array member (the body itself is []). */
export function pathsOf(body: unknown): Path[] {
  const out: Path[] = [];
  const walk = (value: unknown, path: Path): void => {
    if (Array.isArray(value)) value.forEach((v: unknown, i) => { out.push([...path, i]); walk(v, [...path, i]); });
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) { out.push([...path, k]); walk(v, [...path, k]); }
  };
  walk(body, []);
  return out;
}

function containerAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const step of path) node = (node as Record<string | number, unknown>)[step];
  return node;
}

/** The body with the mutation applied (the valid body is never changed). */
export function mutate(valid: unknown, m: Mutation): unknown {
  if (m.kind === 'whole') return m.value;
  const body: unknown = structuredClone(valid ?? {});
  const paths = pathsOf(body);
  if (m.kind === 'extra') {
    const containers = [[], ...paths.filter((p) => { const c = containerAt(body, p); return typeof c === 'object' && c !== null && !Array.isArray(c); })];
    const target = containerAt(body, containers[m.at % containers.length] ?? []);
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    return body;
  }
  const path = paths[m.at % Math.max(paths.length, 1)];
  if (path === undefined) return m.kind === 'replace' ? m.value : body;
  const parent = containerAt(body, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const key = path[path.length - 1] ?? '';
  if (m.kind === 'delete') {
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else Reflect.deleteProperty(parent, key);
  } else {
    (parent as Record<string | number, unknown>)[key] = m.value;
  }
  return body;
}

/** JSON text of a body, with every Deep marker written out as that many nested levels. */
export function bodyText(body: unknown): string {
  const deeps: Deep[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (isDeep(value)) {
      deeps.push(value);
      return `\u0001DEEP${deeps.length - 1}\u0001`;
    }
    return value;
  });
  // JSON.stringify gives undefined for a body that is undefined: send JSON null then
  return ((text as string | undefined) ?? 'null').replace(/"\\u0001DEEP(\d+)\\u0001"/g, (_m, i: string) => {
    const d = deeps[Number(i)] ?? { deep: 1, open: '[' };
    return d.open.repeat(d.deep) + '1' + (d.open === '[' ? ']' : '}').repeat(d.deep);
  });
}

/** Whether a body must be refused whatever the route: NUL, a lone surrogate, or nesting over 32. */
export function mustRefuse(body: unknown): boolean {
  let refuse = false;
  JSON.stringify(body, (key, value: unknown) => {
    if (isDeep(value) && value.deep > 32) refuse = true;
    for (const text of [key, value]) if (typeof text === 'string' && (text.includes('\u0000') || /\p{Cs}/u.test(text))) refuse = true;
    return value;
  });
  return refuse;
}
