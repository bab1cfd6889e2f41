import { describe, expect, it } from 'vitest';
import { checkAuthorizationNumber, daysSupply, normaliseAuthorizationNumber, parseQuantity, productName } from './authorization-number.js';

describe('authorization numbers as typed at the counter', () => {
  it('accepts the printed form and the forms people type, all as ISO-XXXX-XXXX-XXXX', () => {
    expect(checkAuthorizationNumber('ISO-7KQ2-M4TX-9HPA')).toEqual({ ok: true, number: 'ISO-7KQ2-M4TX-9HPA' });
    expect(checkAuthorizationNumber(' iso-7kq2-m4tx-9hpa ')).toEqual({ ok: true, number: 'ISO-7KQ2-M4TX-9HPA' });
    expect(checkAuthorizationNumber('7KQ2 M4TX 9HPA')).toEqual({ ok: true, number: 'ISO-7KQ2-M4TX-9HPA' });
    expect(checkAuthorizationNumber('ISO7KQ2M4TX9HPA')).toEqual({ ok: true, number: 'ISO-7KQ2-M4TX-9HPA' });
  });

  it('says what is wrong: nothing typed, a look-alike character, or another shape', () => {
    expect(checkAuthorizationNumber('   ')).toEqual({ ok: false, problem: 'missing' });
    expect(checkAuthorizationNumber('ISO-7KQ2-M4TX-9HP0')).toEqual({ ok: false, problem: 'lookalike' });
    expect(checkAuthorizationNumber('ISO-7KQ2-M4TX-9HPI')).toEqual({ ok: false, problem: 'lookalike' });
    expect(checkAuthorizationNumber('ISO-7KQ2-M4TX')).toEqual({ ok: false, problem: 'format' });
    expect(checkAuthorizationNumber('ISO-7KQ2-M4TX-9HPA-2')).toEqual({ ok: false, problem: 'format' });
    expect(checkAuthorizationNumber('RX-7KQ2-M4TX-9HPA')).toEqual({ ok: false, problem: 'format' });
  });

  it('leaves a number of another length as typed (upper case) so the error shows what was entered', () => {
    expect(normaliseAuthorizationNumber('iso-abc')).toBe('ISO-ABC');
  });
});

describe('quantity and days supply', () => {
  it('counts whole days: 60 capsules of 20 mg at 40 mg a day last 30 days', () => {
    expect(daysSupply(60, 20, 40)).toBe(30);
    expect(daysSupply(61, 20, 40)).toBe(30);
    expect(daysSupply(62, 20, 40)).toBe(31);
    expect(daysSupply(0, 20, 40)).toBeUndefined();
  });

  it('reads a whole number from 1 to 1000 only', () => {
    expect(parseQuantity(' 60 ')).toBe(60);
    expect(parseQuantity('1000')).toBe(1000);
    expect(parseQuantity('1001')).toBeUndefined();
    expect(parseQuantity('0')).toBeUndefined();
    expect(parseQuantity('6.5')).toBeUndefined();
    expect(parseQuantity('')).toBeUndefined();
  });
});

describe('product names', () => {
  it('names a catalogue product and keeps an unknown id as it is', () => {
    expect(productName('us-generic')).not.toBe('us-generic');
    expect(productName('no-such-product')).toBe('no-such-product');
  });
});
