/**
 * Exact decimal arithmetic for clinical thresholds and weights.
 *
 * Why: `0.1 * 3 > 0.3` is true in binary floating point, and a grade or a dose warning must never
 * flip on such an error (`99 U/L > 3 x 33 U/L` must be false). A JSON number is read as the
 * decimal it was written as (its shortest round-trip text, which is what `String(n)` gives), and
 * all comparisons and products are done on integers (`bigint`) scaled by a power of ten.
 */
export interface Decimal {
  /** The value is `units / 10^scale`. */
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_TEXT = /^([-+])?(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/;

function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** Parses decimal text (`12`, `1.71`, `-0.5`, `1e-7`); undefined for anything else. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (match === null) return undefined;
  const [, sign, whole = '0', fraction = '', exponentText] = match;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  let units = BigInt(`${whole}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

/** Parses trusted decimal text (constants, tests); throws a RangeError naming bad text. */
export function decimal(text: string): Decimal {
  const parsed = parseDecimal(text);
  if (parsed === undefined) throw new RangeError(`not a decimal number: ${text}`);
  return parsed;
}

/** The decimal a finite JSON number was written as; throws a RangeError for NaN or infinity. */
export function decimalFromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return decimal(String(value));
}

export function decimalFromInteger(value: number | bigint): Decimal {
  return { units: BigInt(value), scale: 0 };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { units: x + y, scale };
}

export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { units: x - y, scale };
}

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** Floor division of bigints that rounds toward minus infinity (bigint `/` truncates). */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return (n % d !== 0n && (n < 0n) !== (d < 0n)) ? q - 1n : q;
}

/** The smallest integer >= a. */
export function ceilDecimal(a: Decimal): bigint {
  return -floorDiv(-a.units, pow10(a.scale));
}

/** The largest integer <= a. */
export function floorDecimal(a: Decimal): bigint {
  return floorDiv(a.units, pow10(a.scale));
}

/**
 * a / b rounded half away from zero to `places` decimals. Used only for reported figures
 * (mg/kg shown to people); every rule compares the exact values instead.
 */
export function divideRounded(a: Decimal, b: Decimal, places: number): Decimal {
  if (b.units === 0n) throw new RangeError('division by zero');
  // a / b = (a.units / 10^a.scale) / (b.units / 10^b.scale); scale the quotient by 10^places
  let numerator = a.units * pow10(b.scale + places);
  let denominator = b.units * pow10(a.scale);
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return { units: negative ? -rounded : rounded, scale: places };
}

export function decimalToString(a: Decimal): string {
  const negative = a.units < 0n;
  const digits = (negative ? -a.units : a.units).toString().padStart(a.scale + 1, '0');
  const whole = digits.slice(0, digits.length - a.scale);
  const fraction = digits.slice(digits.length - a.scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** The nearest double; for output only (JSON has no exact decimals). */
export function decimalToNumber(a: Decimal): number {
  return Number(decimalToString(a));
}
