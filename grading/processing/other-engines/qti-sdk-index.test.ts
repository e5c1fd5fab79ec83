/**
 * index cases of another QTI engine's unit tests, rewritten as our tests from the values they
 * assert (no file of theirs is copied).
 *
 * Source: oat-sa/qti-sdk (licence GPL-2.0), commit 09724dd7ea3378c111afa161d65c50ad04046199,
 * test/qtismtest/runtime/expressions/operators/IndexProcessorTest.php.
 *
 * Where qti-sdk throws while scoring (n not a positive integer, a multiple container, n naming a
 * missing or non-integer variable), we give NULL: the rows say so.
 */
import { describe, expect, it } from 'vitest';
import { toJson } from '../../values/value.ts';
import { evaluateQti } from '../test-support/evaluate-qti.ts';

const ints = (...x: number[]) => x.map((n) => `<baseValue baseType="integer">${n}</baseValue>`).join('');
const ONE_TO_FIVE = `<ordered>${ints(1, 2, 3, 4, 5)}</ordered>`;
const index = (n: string | number, operand = ONE_TO_FIVE) => `<index n="${n}">${operand}</index>`;
const declarations = `
  <outcomeDeclaration identifier="variable1" cardinality="single" baseType="integer">
    <defaultValue><value>3</value></defaultValue>
  </outcomeDeclaration>
  <outcomeDeclaration identifier="pointVariable" cardinality="single" baseType="point">
    <defaultValue><value>1 2</value></defaultValue>
  </outcomeDeclaration>`;

const CASES: Array<{ name: string; xml: string; expected: number | null; differs?: string }> = [
  { name: 'testIndexNumeric: first', xml: index(1), expected: 1 },
  { name: 'testIndexNumeric: middle', xml: index(3), expected: 3 },
  { name: 'testIndexNumeric: last', xml: index(5), expected: 5 },
  { name: 'testIndexVariableReference', xml: index('variable1'), expected: 3 },
  { name: 'testOutOfRangeTwo: n past the end', xml: index(1000), expected: null },
  { name: 'testNull: an empty ordered container', xml: index(3, '<ordered></ordered>'), expected: null },
  { name: 'testOutOfRangeOne: n = -3', xml: index(-3), expected: null, differs: 'qti-sdk throws' },
  {
    name: 'testWrongCardinality: a multiple container',
    xml: index(3, `<multiple>${ints(1, 2, 3, 4, 5)}</multiple>`),
    expected: null,
    differs: 'qti-sdk throws',
  },
  {
    name: 'testIndexVariableReferenceNotFound',
    xml: index('variableXXX'),
    expected: null,
    differs: 'qti-sdk throws',
  },
  {
    name: 'testVariableReferenceNotInteger',
    xml: index('pointVariable'),
    expected: null,
    differs: 'qti-sdk throws',
  },
];

describe('oat-sa/qti-sdk IndexProcessorTest', () => {
  it.each(CASES)('$name', (c) => {
    const value = evaluateQti(c.xml, { declarations });
    if (c.expected === null) expect(value).toBeNull();
    else {
      expect(value?.cardinality === 'single' && value.baseType).toBe('integer');
      expect(toJson(value)).toBe(c.expected);
    }
  });

  it('agrees on every value; differs only in NULL where qti-sdk throws', () => {
    expect(CASES.length).toBe(10);
    expect(CASES.filter((c) => c.differs).length).toBe(4);
  });
});
