import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecimal,
  ceilDecimal,
  compareDecimal,
  decimal,
  decimalFromNumber,
  decimalToNumber,
  decimalToString,
  divideRounded,
  floorDecimal,
  multiplyDecimal,
  parseDecimal,
  subtractDecimal,
} from './decimal.js';

describe('exact decimals', () => {
  it('reads a JSON number as the decimal it was written as', () => {
    expect(decimalToString(decimalFromNumber(1.71))).toBe('1.71');
    expect(decimalToString(decimalFromNumber(62.35))).toBe('62.35');
    expect(decimalToString(decimalFromNumber(1e-7))).toBe('0.0000001');
    expect(decimalToString(decimalFromNumber(1e21))).toBe('1000000000000000000000');
    expect(decimalToString(decimalFromNumber(-0.5))).toBe('-0.5');
  });

  it('rejects text that is not a decimal and numbers that are not finite', () => {
    expect(parseDecimal('1.2.3')).toBeUndefined();
    expect(parseDecimal('abc')).toBeUndefined();
    expect(parseDecimal('')).toBeUndefined();
    expect(() => decimal('x')).toThrow(RangeError);
    expect(() => decimalFromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => decimalFromNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('finds 3 x 0.7 equal to 2.1, where floating point finds it smaller', () => {
    expect(3 * 0.7 < 2.1).toBe(true);
    expect(compareDecimal(multiplyDecimal(decimal('3'), decimal('0.7')), decimal('2.1'))).toBe(0);
  });

  it('compares, adds and subtracts across different scales', () => {
    expect(compareDecimal(decimal('1.5'), decimal('1.50'))).toBe(0);
    expect(compareDecimal(decimal('1.49'), decimal('1.5'))).toBe(-1);
    expect(compareDecimal(decimal('2'), decimal('1.999'))).toBe(1);
    expect(decimalToString(addDecimal(decimal('0.1'), decimal('0.2')))).toBe('0.3');
    expect(decimalToString(subtractDecimal(decimal('1'), decimal('1.25')))).toBe('-0.25');
  });

  it('rounds up and down to whole numbers, also for negative values', () => {
    expect(ceilDecimal(decimal('9352.5'))).toBe(9353n);
    expect(ceilDecimal(decimal('7500'))).toBe(7500n);
    expect(floorDecimal(decimal('7499.99'))).toBe(7499n);
    expect(ceilDecimal(decimal('-1.5'))).toBe(-1n);
    expect(floorDecimal(decimal('-1.5'))).toBe(-2n);
  });

  it('divides with half-up rounding for reported figures', () => {
    expect(decimalToString(divideRounded(decimal('20'), decimal('62.5'), 2))).toBe('0.32');
    expect(decimalToString(divideRounded(decimal('1'), decimal('8'), 2))).toBe('0.13');
    expect(decimalToString(divideRounded(decimal('-1'), decimal('8'), 2))).toBe('-0.13');
    expect(decimalToNumber(divideRounded(decimal('7200'), decimal('60'), 2))).toBe(120);
    expect(() => divideRounded(decimal('1'), decimal('0'), 2)).toThrow(RangeError);
  });

  it('orders decimals exactly as their rational values (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 4 }), (a, sa, b, sb) => {
        const x = { units: BigInt(a), scale: sa };
        const y = { units: BigInt(b), scale: sb };
        // cross-multiplied integers are exact: a / 10^sa vs b / 10^sb
        const expected = Math.sign(a * 10 ** (4 - sa) - b * 10 ** (4 - sb));
        expect(compareDecimal(x, y)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });
});
