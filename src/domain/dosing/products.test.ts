import { describe, expect, it } from 'vitest';
import { DomainInputError } from '../errors.js';
import { getProduct, PRODUCT_IDS, PRODUCTS } from './products.js';

describe('product catalogue (DOSE-CATALOGUE)', () => {
  it('lists the seven products with the strengths of the label table', () => {
    expect(PRODUCT_IDS).toEqual(['us-generic', 'us-generic-25-35', 'absorica', 'absorica-ld', 'absorica-ld-ca', 'uk-generic', 'eu-generic']);
    expect(PRODUCTS['us-generic'].strengthsMg).toEqual([10, 20, 30, 40]);
    expect(PRODUCTS['us-generic-25-35'].strengthsMg).toEqual([10, 20, 25, 30, 35, 40]);
    expect(PRODUCTS.absorica.strengthsMg).toEqual([10, 20, 25, 30, 35, 40]);
    expect(PRODUCTS['absorica-ld'].strengthsMg).toEqual([8, 16, 20, 24, 28, 32]);
    expect(PRODUCTS['absorica-ld-ca'].strengthsMg).toEqual([8, 16, 24, 32]);
    expect(PRODUCTS['uk-generic'].strengthsMg).toEqual([5, 10, 20, 40]);
    expect(PRODUCTS['eu-generic'].strengthsMg).toEqual([10, 20]);
  });

  it('keys every product by its own id', () => {
    for (const id of PRODUCT_IDS) expect(PRODUCTS[id].id).toBe(id);
  });

  it('gives RxNorm SCD codes only for the conventional US strengths the reference lists', () => {
    expect(PRODUCTS['us-generic'].rxnormScd).toEqual({ 10: '197843', 20: '197844', 30: '403930', 40: '197845' });
    expect(PRODUCTS.absorica.rxnormScd).toEqual({ 10: '197843', 20: '197844', 25: '1547561', 30: '403930', 35: '1547565', 40: '197845' });
    expect(Object.values(PRODUCTS['absorica-ld'].rxnormScd).every((code) => code === null)).toBe(true);
    expect(Object.values(PRODUCTS['absorica-ld-ca'].rxnormScd).every((code) => code === null)).toBe(true);
    expect(PRODUCTS['uk-generic'].rxnormScd[5]).toBeNull();
    expect(PRODUCTS['eu-generic'].rxnormScd[20]).toBeNull();
  });

  it('requires food for generics only, and allows once-daily outside the US only', () => {
    expect(PRODUCT_IDS.filter((id) => PRODUCTS[id].food === 'withFood')).toEqual(['us-generic', 'us-generic-25-35', 'uk-generic', 'eu-generic']);
    expect(PRODUCT_IDS.filter((id) => PRODUCTS[id].onceDailyAllowed)).toEqual(['absorica-ld-ca', 'uk-generic', 'eu-generic']);
  });

  it('gives Absorica LD a 0.4-0.8 range with maximum 1.6, and Absorica LD Canada no known maximum', () => {
    expect(PRODUCTS['absorica-ld'].usualRangeMgPerKgPerDay).toEqual({ min: '0.4', max: '0.8' });
    expect(PRODUCTS['absorica-ld'].maxMgPerKgPerDay).toBe('1.6');
    expect(PRODUCTS['absorica-ld-ca'].maxMgPerKgPerDay).toBeNull();
    expect(PRODUCTS['us-generic'].maxMgPerKgPerDay).toBe('2');
    expect(PRODUCTS['uk-generic'].maxMgPerKgPerDay).toBe('2');
  });

  it('marks only the Absorica LD products as low-dose formulations', () => {
    expect(PRODUCT_IDS.filter((id) => PRODUCTS[id].isLowDoseFormulation)).toEqual(['absorica-ld', 'absorica-ld-ca']);
  });

  it('records course length and retreatment gap as the label words them', () => {
    expect(PRODUCTS['us-generic'].courseWeeks).toEqual({ min: 15, max: 20 });
    expect(PRODUCTS['uk-generic'].courseWeeks).toEqual({ min: 16, max: 24 });
    expect(PRODUCTS['us-generic'].retreatmentGap).toEqual({ unit: 'weeks', value: 8 });
    expect(PRODUCTS.absorica.retreatmentGap).toEqual({ unit: 'months', value: 2 });
    expect(PRODUCTS['eu-generic'].retreatmentGap).toEqual({ unit: 'weeks', value: 8 });
  });

  it('rejects an unknown product id with the field name and the valid ids', () => {
    expect(getProduct('absorica').id).toBe('absorica');
    let caught: unknown;
    try {
      getProduct('accutane');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainInputError);
    const error = caught as DomainInputError;
    expect(error.code).toBe('unknown_product');
    expect(error.field).toBe('product');
    expect(error.message).toContain('us-generic-25-35');
    expect(() => getProduct('toString')).toThrow(DomainInputError);
  });
});
