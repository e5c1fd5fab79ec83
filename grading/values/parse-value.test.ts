import { describe, expect, it } from 'vitest';
import { decimalPoint, parseScalar, valueFromJson, ValueError } from './parse-value.ts';

describe('numbers typed by a Vietnamese candidate', () => {
  it('a decimal comma is a decimal point in a float response', () => {
    const float = (text: string) => valueFromJson(text, 'float', 'single');
    expect(float('3,5')).toEqual(valueFromJson('3.5', 'float', 'single'));
    expect(float(' -0,25 ')).toEqual(valueFromJson(-0.25, 'float', 'single'));
    expect(float(',5')).toEqual(valueFromJson(0.5, 'float', 'single'));
    expect(float('+2,0')).toEqual(valueFromJson(2, 'float', 'single'));
    // "1,000" read the Vietnamese way is one.
    expect(float('1,000')).toEqual(valueFromJson(1, 'float', 'single'));
    expect(valueFromJson(['1,5', '2,25'], 'float', 'multiple')).toEqual(
      valueFromJson([1.5, 2.25], 'float', 'multiple'),
    );
  });

  it('anything else with a comma is not a number; strings and declarations are untouched', () => {
    for (const text of ['1.234,5', '1,2,3', '3,', '3 ,5', 'ba,5'])
      expect(() => valueFromJson(text, 'float', 'single'), text).toThrow(ValueError);
    expect(() => valueFromJson('3,5', 'integer', 'single')).toThrow(ValueError);
    expect(valueFromJson('3,5', 'string', 'single')).toEqual({
      cardinality: 'single',
      baseType: 'string',
      value: '3,5',
    });
    // QTI's own values (declarations, mappings) use a decimal point only.
    expect(() => parseScalar('3,5', 'float')).toThrow(ValueError);
    expect(decimalPoint('3,5')).toBe('3.5');
    expect(decimalPoint('3.5')).toBe('3.5');
  });
});
