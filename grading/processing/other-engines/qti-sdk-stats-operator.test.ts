/**
 * statsOperator cases of another QTI engine's unit tests, rewritten as our tests from the values
 * they assert (no file of theirs is copied). Their containers are built in PHP, a NULL value
 * inside one included; we write that as a <null/> operand of <multiple>.
 *
 * Source: oat-sa/qti-sdk (licence GPL-2.0), commit 09724dd7ea3378c111afa161d65c50ad04046199,
 * test/qtismtest/runtime/expressions/operators/StatsOperatorProcessorTest.php.
 *
 * qti-sdk throws on a wrong cardinality or base type; we score those NULL (the rows say so).
 */
import { describe, expect, it } from 'vitest';
import { toJson } from '../../values/value.ts';
import { evaluateQti } from '../test-support/evaluate-qti.ts';

const i = (x: number) => `<baseValue baseType="integer">${x}</baseValue>`;
const f = (x: number) => `<baseValue baseType="float">${x}</baseValue>`;
const NULL = '<null/>';
const mult = (...c: string[]) => `<multiple>${c.join('')}</multiple>`;
const ord = (...c: string[]) => `<ordered>${c.join('')}</ordered>`;
const stats = (name: string, operand: string) => `<statsOperator name="${name}">${operand}</statsOperator>`;
const FIVE = [600, 470, 170, 430, 300];

const CASES: Array<{ name: string; xml: string; expected: number | null; differs?: string }> = [
  { name: 'mean of ordered floats', xml: stats('mean', ord(f(10), f(20), f(30))), expected: 20 },
  { name: 'mean of one integer', xml: stats('mean', mult(i(0))), expected: 0 },
  { name: 'mean with a NULL value inside', xml: stats('mean', mult(f(10), NULL, f(23.3))), expected: null },
  { name: 'mean of NULL', xml: stats('mean', NULL), expected: null },
  { name: 'sampleVariance of one value', xml: stats('sampleVariance', ord(f(10))), expected: null },
  { name: 'sampleVariance', xml: stats('sampleVariance', mult(...FIVE.map(i))), expected: 27130 },
  {
    name: 'sampleVariance with a NULL value inside',
    xml: stats('sampleVariance', mult(f(10), NULL, f(23.3))),
    expected: null,
  },
  { name: 'sampleVariance of NULL', xml: stats('sampleVariance', NULL), expected: null },
  { name: 'sampleSD of one value', xml: stats('sampleSD', ord(i(10))), expected: null },
  { name: 'sampleSD', xml: stats('sampleSD', ord(...FIVE.map(i))), expected: 164.712 },
  {
    name: 'sampleSD with a NULL value inside',
    xml: stats('sampleSD', mult(f(10), NULL, f(23.3))),
    expected: null,
  },
  { name: 'sampleSD of NULL', xml: stats('sampleSD', NULL), expected: null },
  { name: 'popVariance of one value', xml: stats('popVariance', ord(i(10))), expected: 0 },
  { name: 'popVariance', xml: stats('popVariance', mult(...FIVE.map(i))), expected: 21704 },
  {
    name: 'popVariance with a NULL value inside',
    xml: stats('popVariance', mult(f(10), NULL, f(23.33333))),
    expected: null,
  },
  { name: 'popSD of one value', xml: stats('popSD', ord(i(10))), expected: 0 },
  { name: 'popSD', xml: stats('popSD', ord(...FIVE.map(f))), expected: 147.323 },
  {
    name: 'popSD with a NULL value inside',
    xml: stats('popSD', mult(f(10), NULL, f(23.33333))),
    expected: null,
  },
  {
    name: 'a single float',
    xml: stats('mean', f(25.3)),
    expected: null,
    differs: 'qti-sdk throws WRONG_CARDINALITY',
  },
  {
    name: 'a single integer',
    xml: stats('mean', i(-10)),
    expected: null,
    differs: 'qti-sdk throws WRONG_CARDINALITY',
  },
  {
    name: 'points',
    xml: stats('mean', mult('<baseValue baseType="point">1 2</baseValue>')),
    expected: null,
    differs: 'qti-sdk throws WRONG_BASETYPE',
  },
  {
    name: 'strings',
    xml: stats('mean', ord('<baseValue baseType="string">String!</baseValue>')),
    expected: null,
    differs: 'qti-sdk throws WRONG_BASETYPE',
  },
];

describe('oat-sa/qti-sdk StatsOperatorProcessorTest', () => {
  it.each(CASES)('$name', (c) => {
    const value = evaluateQti(c.xml);
    if (c.expected === null) expect(value).toBeNull();
    else {
      expect(value?.cardinality === 'single' && value.baseType).toBe('float');
      // They compare rounded to 3 decimals.
      expect(Math.round((toJson(value) as number) * 1000) / 1000).toBe(c.expected);
    }
  });

  it('agrees on every value; differs only in NULL where qti-sdk throws', () => {
    expect(CASES.length).toBe(22);
    expect(CASES.filter((c) => c.differs).length).toBe(4);
  });
});
