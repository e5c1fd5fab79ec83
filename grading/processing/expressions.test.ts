import { describe, expect, it } from 'vitest';
import type { Declaration, ProcessingNode } from '../../item-bank/index.ts';
import { valueFromJson } from '../values/parse-value.ts';
import { toJson, type QtiValue } from '../values/value.ts';
import { compileExpression } from './compile.ts';
import type { CompileEnv } from './context.ts';
import { xsdRegex } from './xsd-regex.ts';

const at = { line: 1, column: 1 };
const n = (
  name: string,
  attributes: Record<string, string> = {},
  ...children: ProcessingNode[]
): ProcessingNode => ({ name, attributes, children, location: at });
const base = (baseType: string, text: string): ProcessingNode => ({
  name: 'baseValue',
  attributes: { baseType },
  children: [],
  text,
  location: at,
});
const v = (id: string) => n('variable', { identifier: id });

const declarations: Declaration[] = [
  { kind: 'response', identifier: 'S', cardinality: 'single', baseType: 'string', location: at },
  { kind: 'response', identifier: 'I', cardinality: 'single', baseType: 'integer', location: at },
  { kind: 'response', identifier: 'F', cardinality: 'single', baseType: 'float', location: at },
  { kind: 'response', identifier: 'M', cardinality: 'multiple', baseType: 'identifier', location: at },
  { kind: 'response', identifier: 'O', cardinality: 'ordered', baseType: 'identifier', location: at },
  { kind: 'response', identifier: 'P', cardinality: 'single', baseType: 'pair', location: at },
  { kind: 'response', identifier: 'D', cardinality: 'single', baseType: 'directedPair', location: at },
];

function evaluate(node: ProcessingNode, responses: Record<string, unknown> = {}) {
  const env: CompileEnv = {
    declarations: new Map(declarations.map((d) => [d.identifier, d])),
    defaults: new Map(),
    correct: new Map(),
  };
  const values = new Map<string, QtiValue>();
  for (const d of declarations)
    values.set(d.identifier, valueFromJson(responses[d.identifier] ?? null, d.baseType, d.cardinality));
  return toJson(compileExpression(node, env)({ values, random: () => 0.5 }));
}

describe('QTI expressions: the edge cases the specification names', () => {
  it('NULL operands make arithmetic and comparisons NULL; and/or follow three-valued logic', () => {
    expect(evaluate(n('sum', {}, v('I'), base('integer', '1')))).toBeNull();
    expect(evaluate(n('lt', {}, v('F'), base('float', '1')))).toBeNull();
    expect(evaluate(n('and', {}, base('boolean', 'false'), n('lt', {}, v('F'), base('float', '1'))))).toBe(
      false,
    );
    expect(
      evaluate(n('and', {}, base('boolean', 'true'), n('lt', {}, v('F'), base('float', '1')))),
    ).toBeNull();
    expect(evaluate(n('or', {}, base('boolean', 'true'), n('lt', {}, v('F'), base('float', '1'))))).toBe(
      true,
    );
    expect(evaluate(n('not', {}, n('lt', {}, v('F'), base('float', '1'))))).toBeNull();
    expect(evaluate(n('match', {}, v('S'), base('string', 'x')))).toBeNull();
  });

  it('an empty container is NULL; containerSize of NULL is 0; isNull sees empty strings too', () => {
    // An answered-but-empty container keeps its form ([]) yet counts as NULL.
    expect(evaluate(v('M'), { M: [] })).toEqual([]);
    expect(
      evaluate(n('match', {}, v('M'), n('multiple', {}, base('identifier', 'A'))), { M: [] }),
    ).toBeNull();
    expect(evaluate(n('isNull', {}, v('M')), { M: [] })).toBe(true);
    expect(evaluate(n('containerSize', {}, v('M')), { M: [] })).toBe(0);
    expect(evaluate(n('containerSize', {}, v('M')), { M: ['A', 'B', 'A'] })).toBe(3);
    expect(evaluate(n('isNull', {}, base('string', '')))).toBe(true);
  });

  it('keeps integer and float apart: integer sums stay integers, one float makes a float, divide is float', () => {
    expect(evaluate(n('sum', {}, base('integer', '2'), base('integer', '3')))).toBe(5);
    expect(evaluate(n('sum', {}, base('integer', '2'), base('float', '0.5')))).toBe(2.5);
    expect(evaluate(n('divide', {}, base('integer', '7'), base('integer', '2')))).toBe(3.5);
    expect(evaluate(n('divide', {}, base('integer', '1'), base('integer', '0')))).toBeNull();
    expect(evaluate(n('integerDivide', {}, base('integer', '-7'), base('integer', '2')))).toBe(-4);
    expect(evaluate(n('integerModulus', {}, base('integer', '-7'), base('integer', '2')))).toBe(1);
    expect(evaluate(n('round', {}, base('float', '-2.5')))).toBe(-2);
    expect(evaluate(n('truncate', {}, base('float', '-2.7')))).toBe(-2);
    expect(
      evaluate(n('roundTo', { figures: '3', roundingMode: 'significantFigures' }, base('float', '3.14159'))),
    ).toBe(3.14);
    expect(
      evaluate(n('roundTo', { figures: '2', roundingMode: 'decimalPlaces' }, base('float', '1.005'))),
    ).toBe(1.01);
  });

  it('equal honours tolerance modes and inclusive or exclusive bounds', () => {
    const eq = (attributes: Record<string, string>, a: string, b: string) =>
      evaluate(n('equal', attributes, base('float', a), base('float', b)));
    expect(eq({ toleranceMode: 'exact' }, '1', '1.0000001')).toBe(false);
    expect(eq({ toleranceMode: 'absolute', tolerance: '0.1' }, '1', '1.1')).toBe(true);
    expect(eq({ toleranceMode: 'absolute', tolerance: '0.1', includeUpperBound: 'false' }, '1', '1.1')).toBe(
      false,
    );
    expect(eq({ toleranceMode: 'absolute', tolerance: '0.1 0.2' }, '1', '0.85')).toBe(false);
    expect(eq({ toleranceMode: 'relative', tolerance: '10' }, '100', '110')).toBe(true);
    expect(eq({ toleranceMode: 'relative', tolerance: '10' }, '100', '111')).toBe(false);
  });

  it('pair is unordered, directedPair is ordered; contains is sub-multiset (ordered: contiguous)', () => {
    expect(evaluate(n('match', {}, v('P'), base('pair', 'B A')), { P: 'A B' })).toBe(true);
    expect(evaluate(n('match', {}, v('D'), base('directedPair', 'B A')), { D: 'A B' })).toBe(false);
    const multiple = (...ids: string[]) => n('multiple', {}, ...ids.map((id) => base('identifier', id)));
    const ordered = (...ids: string[]) => n('ordered', {}, ...ids.map((id) => base('identifier', id)));
    expect(evaluate(n('contains', {}, v('M'), multiple('A', 'A')), { M: ['A', 'B'] })).toBe(false);
    expect(evaluate(n('contains', {}, v('M'), multiple('A', 'A')), { M: ['A', 'B', 'A'] })).toBe(true);
    expect(evaluate(n('contains', {}, v('O'), ordered('B', 'C')), { O: ['A', 'B', 'C'] })).toBe(true);
    expect(evaluate(n('contains', {}, v('O'), ordered('A', 'C')), { O: ['A', 'B', 'C'] })).toBe(false);
    expect(evaluate(n('match', {}, v('M'), multiple('B', 'A')), { M: ['A', 'B'] })).toBe(true);
  });

  it('patternMatch uses XML Schema regexes: implicitly anchored, ^ and $ are ordinary, \\i and class subtraction work', () => {
    expect(xsdRegex('[0-9]+').test('12a')).toBe(false);
    expect(xsdRegex('[0-9]+').test('12')).toBe(true);
    expect(xsdRegex('a$').test('a$')).toBe(true);
    expect(xsdRegex('\\i\\c*').test('_x1')).toBe(true);
    expect(xsdRegex('\\i\\c*').test('1x')).toBe(false);
    expect(xsdRegex('[a-z-[aeiou]]+').test('bcd')).toBe(true);
    expect(xsdRegex('[a-z-[aeiou]]+').test('bad')).toBe(false);
    expect(evaluate(n('patternMatch', { pattern: 'Hà Nội|Ha Noi' }, v('S')), { S: 'Hà Nội' })).toBe(true);
  });

  it('anyN gives NULL when the NULL operands could decide it', () => {
    const t = base('boolean', 'true');
    const f = base('boolean', 'false');
    const unknown = n('lt', {}, v('F'), base('float', '1'));
    expect(evaluate(n('anyN', { min: '2', max: '3' }, t, t, f))).toBe(true);
    expect(evaluate(n('anyN', { min: '2', max: '3' }, t, unknown, f))).toBeNull();
    expect(evaluate(n('anyN', { min: '1', max: '1' }, t, t, unknown))).toBe(false);
  });

  it('inside counts a point in rect, circle, poly and ellipse', () => {
    const point = (x: string) => base('point', x);
    expect(evaluate(n('inside', { shape: 'rect', coords: '0,0,10,10' }, point('5 5')))).toBe(true);
    expect(evaluate(n('inside', { shape: 'circle', coords: '5,5,2' }, point('8 5')))).toBe(false);
    expect(evaluate(n('inside', { shape: 'poly', coords: '0,0,10,0,0,10' }, point('2 2')))).toBe(true);
    expect(evaluate(n('inside', { shape: 'ellipse', coords: '0,0,4,2' }, point('3 1')))).toBe(true);
  });

  it('statistics and gcd/lcm over containers', () => {
    const nums = n(
      'multiple',
      {},
      base('integer', '2'),
      base('integer', '4'),
      base('integer', '4'),
      base('integer', '4'),
      base('integer', '5'),
      base('integer', '5'),
      base('integer', '7'),
      base('integer', '9'),
    );
    expect(evaluate(n('statsOperator', { name: 'mean' }, nums))).toBe(5);
    expect(evaluate(n('statsOperator', { name: 'popSD' }, nums))).toBe(2);
    expect(evaluate(n('gcd', {}, base('integer', '12'), base('integer', '18')))).toBe(6);
    expect(evaluate(n('lcm', {}, base('integer', '4'), base('integer', '6')))).toBe(12);
  });
});
