/** Every expression of the issue, each with its NULL operand and the edge cases the specification names. */
import { describe, expect, it } from 'vitest';
import type { Declaration, ProcessingNode } from '../../item-bank/index.ts';
import { valueFromJson } from '../values/parse-value.ts';
import { toJson, type QtiValue } from '../values/value.ts';
import { compileExpression, customOperators } from './compile.ts';
import { CompileError, type CompileEnv } from './context.ts';
import { seededRandom } from './seeded-random.ts';

const at = { line: 1, column: 1 };
const n = (
  name: string,
  attributes: Record<string, string> = {},
  ...children: ProcessingNode[]
): ProcessingNode => ({
  name,
  attributes,
  children,
  location: at,
});
const b = (baseType: string, text: string): ProcessingNode => ({
  name: 'baseValue',
  attributes: { baseType },
  children: [],
  text,
  location: at,
});
const i = (x: number) => b('integer', String(x));
const f = (x: number) => b('float', String(x));
const id = (x: string) => b('identifier', x);
const v = (x: string) => n('variable', { identifier: x });
const NULL = n('null');
const mult = (...c: ProcessingNode[]) => n('multiple', {}, ...c);
const ord = (...c: ProcessingNode[]) => n('ordered', {}, ...c);

const declarations: Declaration[] = [
  {
    kind: 'response',
    identifier: 'R',
    cardinality: 'multiple',
    baseType: 'identifier',
    correctResponse: [{ text: 'A' }, { text: 'B' }],
    mapping: {
      defaultValue: -0.5,
      lowerBound: 0,
      upperBound: 2,
      entries: [
        { mapKey: 'A', mappedValue: 1, caseSensitive: true },
        { mapKey: 'B', mappedValue: 1.5, caseSensitive: true },
      ],
    },
    location: at,
  },
  {
    kind: 'response',
    identifier: 'PT',
    cardinality: 'multiple',
    baseType: 'point',
    areaMapping: {
      defaultValue: 0,
      entries: [
        { shape: 'circle', coords: [10, 10, 5], mappedValue: 1 },
        { shape: 'rect', coords: [50, 50, 60, 60], mappedValue: 2 },
      ],
    },
    location: at,
  },
  {
    kind: 'outcome',
    identifier: 'X',
    cardinality: 'single',
    baseType: 'integer',
    defaultValue: [{ text: '7' }],
    location: at,
  },
  { kind: 'response', identifier: 'D', cardinality: 'single', baseType: 'duration', location: at },
];

function evaluate(node: ProcessingNode, responses: Record<string, unknown> = {}, seed = 1): unknown {
  const env: CompileEnv = {
    declarations: new Map(declarations.map((d) => [d.identifier, d])),
    defaults: new Map([['X', { cardinality: 'single', baseType: 'integer', value: 7 }]]),
    correct: new Map([['R', { cardinality: 'multiple', baseType: 'identifier', values: ['A', 'B'] }]]),
  };
  const values = new Map<string, QtiValue>();
  for (const d of declarations)
    values.set(d.identifier, valueFromJson(responses[d.identifier] ?? null, d.baseType, d.cardinality));
  return toJson(compileExpression(node, env)({ values, random: seededRandom(seed) }));
}

describe('general expressions', () => {
  it('baseValue, variable, default, correct, null', () => {
    expect(evaluate(b('duration', 'PT1M30S'))).toBe(90);
    expect(() => evaluate(b('integer', '1.5'))).toThrow(CompileError);
    expect(evaluate(v('R'), { R: ['A'] })).toEqual(['A']);
    expect(evaluate(v('R'))).toBeNull();
    expect(() => evaluate(v('NOPE'))).toThrow(CompileError);
    expect(evaluate(n('default', { identifier: 'X' }))).toBe(7);
    expect(evaluate(n('correct', { identifier: 'R' }))).toEqual(['A', 'B']);
    expect(evaluate(NULL)).toBeNull();
  });

  it('mapResponse maps each distinct value once, default for unmapped, clamps; NULL maps to the lower bound', () => {
    const map = n('mapResponse', { identifier: 'R' });
    expect(evaluate(map, { R: ['A', 'A'] })).toBe(1);
    expect(evaluate(map, { R: ['A', 'B'] })).toBe(2);
    expect(evaluate(map, { R: ['A', 'C'] })).toBe(0.5);
    expect(evaluate(map, { R: ['C'] })).toBe(0);
    expect(evaluate(map)).toBe(0);
  });

  it('mapResponsePoint counts each area once however many points fall in it', () => {
    const map = n('mapResponsePoint', { identifier: 'PT' });
    expect(evaluate(map, { PT: ['10 10', '11 11'] })).toBe(1);
    expect(evaluate(map, { PT: ['10 10', '55 55'] })).toBe(3);
    expect(evaluate(map, { PT: ['200 200'] })).toBe(0);
  });

  it('randomInteger and randomFloat stay in range and repeat with the seed', () => {
    const ri = n('randomInteger', { min: '2', max: '10', step: '2' });
    for (let seed = 1; seed < 50; seed++) {
      const x = evaluate(ri, {}, seed) as number;
      expect([2, 4, 6, 8, 10]).toContain(x);
      expect(evaluate(ri, {}, seed)).toBe(x);
      const y = evaluate(n('randomFloat', { min: '-1', max: '1' }), {}, seed) as number;
      expect(y).toBeGreaterThanOrEqual(-1);
      expect(y).toBeLessThan(1);
    }
  });
});

describe('containers', () => {
  it('multiple and ordered skip NULL operands and flatten; all NULL gives NULL', () => {
    expect(evaluate(mult(id('A'), NULL, mult(id('B'), id('C'))))).toEqual(['A', 'B', 'C']);
    expect(evaluate(mult(NULL, NULL))).toBeNull();
    expect(evaluate(ord(i(3), i(1)))).toEqual([3, 1]);
  });

  it('containerSize is 0 for NULL; isNull is true for NULL, empty containers and empty strings', () => {
    expect(evaluate(n('containerSize', {}, NULL))).toBe(0);
    expect(evaluate(n('containerSize', {}, mult(id('A'), id('A'))))).toBe(2);
    expect(evaluate(n('isNull', {}, v('R')), { R: [] })).toBe(true);
    expect(evaluate(n('isNull', {}, b('string', '')))).toBe(true);
    expect(evaluate(n('isNull', {}, i(0)))).toBe(false);
  });

  it('index is 1-based and NULL out of range; random picks a member', () => {
    expect(evaluate(n('index', { n: '2' }, ord(id('A'), id('B'))))).toBe('B');
    expect(evaluate(n('index', { n: '3' }, ord(id('A'), id('B'))))).toBeNull();
    expect(evaluate(n('index', { n: '1' }, NULL))).toBeNull();
    expect(['A', 'B']).toContain(evaluate(n('random', {}, mult(id('A'), id('B')))));
    expect(evaluate(n('random', {}, NULL))).toBeNull();
  });

  it('member, delete and contains; NULL operands give NULL', () => {
    expect(evaluate(n('member', {}, id('B'), mult(id('A'), id('B'))))).toBe(true);
    expect(evaluate(n('member', {}, id('C'), mult(id('A'), id('B'))))).toBe(false);
    expect(evaluate(n('member', {}, NULL, mult(id('A'))))).toBeNull();
    expect(evaluate(n('delete', {}, id('A'), mult(id('A'), id('B'), id('A'))))).toEqual(['B']);
    expect(evaluate(n('delete', {}, id('A'), mult(id('A'))))).toBeNull();
    expect(evaluate(n('contains', {}, mult(id('A'), id('A'), id('B')), mult(id('A'), id('A'))))).toBe(true);
    expect(evaluate(n('contains', {}, mult(id('A'), id('B')), mult(id('A'), id('A'))))).toBe(false);
    expect(evaluate(n('contains', {}, ord(id('A'), id('B'), id('C')), ord(id('A'), id('C'))))).toBe(false);
    expect(evaluate(n('contains', {}, NULL, mult(id('A'))))).toBeNull();
  });

  it('repeat concatenates, skipping NULL; record and fieldValue', () => {
    expect(evaluate(n('repeat', { numberRepeats: '2' }, i(1), NULL, ord(i(2), i(3))))).toEqual([
      1, 2, 3, 1, 2, 3,
    ]);
    const rec = n(
      'record',
      {},
      n('fieldValue', { fieldIdentifier: 'a' }, i(1)),
      n('fieldValue', { fieldIdentifier: 'b' }, NULL),
    );
    expect(evaluate(n('fieldValue', { fieldIdentifier: 'a' }, rec))).toBe(1);
    expect(evaluate(n('fieldValue', { fieldIdentifier: 'b' }, rec))).toBeNull();
    expect(evaluate(n('fieldValue', { fieldIdentifier: 'a' }, i(1)))).toBeNull();
  });
});

describe('logic', () => {
  it('not, and, or with NULL (three-valued); anyN with min/max', () => {
    const t = b('boolean', 'true');
    const fa = b('boolean', 'false');
    expect(evaluate(n('not', {}, NULL))).toBeNull();
    expect(evaluate(n('and', {}, t, NULL))).toBeNull();
    expect(evaluate(n('and', {}, fa, NULL))).toBe(false);
    expect(evaluate(n('or', {}, t, NULL))).toBe(true);
    expect(evaluate(n('or', {}, fa, NULL))).toBeNull();
    expect(evaluate(n('anyN', { min: '1', max: '2' }, t, fa, fa))).toBe(true);
    expect(evaluate(n('anyN', { min: '1', max: '2' }, t, t, t))).toBe(false);
    expect(evaluate(n('anyN', { min: '2', max: '3' }, t, NULL, fa))).toBeNull();
    expect(evaluate(n('anyN', { min: '3', max: '3' }, t, NULL, fa))).toBe(false);
  });

  it('match compares containers as multisets or sequences, pairs unordered, directedPairs ordered', () => {
    expect(evaluate(n('match', {}, mult(id('A'), id('B')), mult(id('B'), id('A'))))).toBe(true);
    expect(evaluate(n('match', {}, ord(id('A'), id('B')), ord(id('B'), id('A'))))).toBe(false);
    expect(evaluate(n('match', {}, b('pair', 'A B'), b('pair', 'B A')))).toBe(true);
    expect(evaluate(n('match', {}, b('directedPair', 'A B'), b('directedPair', 'B A')))).toBe(false);
    expect(evaluate(n('match', {}, i(1), NULL))).toBeNull();
  });
});

describe('strings', () => {
  it('stringMatch (caseSensitive, deprecated substring), substring', () => {
    const s = (x: string) => b('string', x);
    expect(evaluate(n('stringMatch', { caseSensitive: 'false' }, s('Hello'), s('hello')))).toBe(true);
    expect(evaluate(n('stringMatch', { caseSensitive: 'true' }, s('Hello'), s('hello')))).toBe(false);
    expect(
      evaluate(n('stringMatch', { caseSensitive: 'true', substring: 'true' }, s('Hello world'), s('lo w'))),
    ).toBe(true);
    expect(evaluate(n('stringMatch', { caseSensitive: 'true' }, NULL, s('x')))).toBeNull();
    expect(evaluate(n('substring', { caseSensitive: 'false' }, s('ELL'), s('hello')))).toBe(true);
    expect(evaluate(n('substring', {}, s('ELL'), s('hello')))).toBe(false);
  });

  it('patternMatch is anchored XML Schema syntax: ^ $ are literal, \\d \\i work, NULL gives NULL', () => {
    const s = (x: string) => b('string', x);
    expect(evaluate(n('patternMatch', { pattern: '\\d{3}' }, s('123')))).toBe(true);
    expect(evaluate(n('patternMatch', { pattern: '\\d{3}' }, s('1234')))).toBe(false);
    expect(evaluate(n('patternMatch', { pattern: 'a$' }, s('a$')))).toBe(true);
    expect(evaluate(n('patternMatch', { pattern: 'a$' }, s('a')))).toBe(false);
    expect(evaluate(n('patternMatch', { pattern: '\\i\\c*' }, s('_x1')))).toBe(true);
    expect(evaluate(n('patternMatch', { pattern: '[a-z-[aeiou]]+' }, s('xyz')))).toBe(true);
    expect(evaluate(n('patternMatch', { pattern: '[a-z-[aeiou]]+' }, s('xaz')))).toBe(false);
    expect(evaluate(n('patternMatch', { pattern: 'x' }, NULL))).toBeNull();
  });
});

describe('comparison', () => {
  it('equal: exact, absolute and relative tolerance with inclusive and exclusive bounds; mixed int/float', () => {
    expect(evaluate(n('equal', {}, i(2), f(2)))).toBe(true);
    expect(evaluate(n('equal', { toleranceMode: 'absolute', tolerance: '0.1' }, f(1), f(1.1)))).toBe(true);
    expect(
      evaluate(
        n('equal', { toleranceMode: 'absolute', tolerance: '0.5', includeUpperBound: 'false' }, f(1), f(1.5)),
      ),
    ).toBe(false);
    expect(evaluate(n('equal', { toleranceMode: 'absolute', tolerance: '0.5 0' }, f(1), f(0.5)))).toBe(true);
    expect(evaluate(n('equal', { toleranceMode: 'absolute', tolerance: '0.5 0' }, f(1), f(1.1)))).toBe(false);
    expect(evaluate(n('equal', { toleranceMode: 'relative', tolerance: '10' }, f(100), f(110)))).toBe(true);
    expect(
      evaluate(
        n('equal', { toleranceMode: 'relative', tolerance: '10', includeLowerBound: 'false' }, f(100), f(90)),
      ),
    ).toBe(false);
    expect(evaluate(n('equal', {}, NULL, i(1)))).toBeNull();
  });

  it('equalRounded in significant figures and decimal places', () => {
    expect(evaluate(n('equalRounded', { figures: '3' }, f(3.14159), f(3.14)))).toBe(true);
    expect(
      evaluate(n('equalRounded', { roundingMode: 'decimalPlaces', figures: '1' }, f(2.25), f(2.3))),
    ).toBe(true);
    expect(
      evaluate(n('equalRounded', { roundingMode: 'decimalPlaces', figures: '1' }, f(2.24), f(2.3))),
    ).toBe(false);
    expect(evaluate(n('equalRounded', { figures: '2' }, NULL, f(1)))).toBeNull();
  });

  it('inside: rect, circle, poly, ellipse, default; any point of a container', () => {
    const p = (x: string) => b('point', x);
    expect(evaluate(n('inside', { shape: 'rect', coords: '0,0,10,10' }, p('10 10')))).toBe(true);
    expect(evaluate(n('inside', { shape: 'circle', coords: '5,5,2' }, p('8 5')))).toBe(false);
    expect(evaluate(n('inside', { shape: 'poly', coords: '0,0,10,0,0,10' }, p('2 2')))).toBe(true);
    expect(evaluate(n('inside', { shape: 'ellipse', coords: '0,0,4,2' }, p('4 1')))).toBe(false);
    expect(evaluate(n('inside', { shape: 'default' }, p('999 999')))).toBe(true);
    expect(evaluate(n('inside', { shape: 'rect', coords: '0,0,1,1' }, mult(p('5 5'), p('1 1'))))).toBe(true);
    expect(evaluate(n('inside', { shape: 'rect', coords: '0,0,1,1' }, NULL))).toBeNull();
  });

  it('lt, gt, lte, gte across integer and float; durationLT, durationGTE', () => {
    expect(evaluate(n('lt', {}, i(1), f(1.5)))).toBe(true);
    expect(evaluate(n('gt', {}, i(1), f(1.5)))).toBe(false);
    expect(evaluate(n('lte', {}, i(2), f(2)))).toBe(true);
    expect(evaluate(n('gte', {}, f(1.9), i(2)))).toBe(false);
    expect(evaluate(n('gte', {}, NULL, i(2)))).toBeNull();
    expect(evaluate(n('durationLT', {}, v('D'), b('duration', 'PT1M')), { D: 'PT30S' })).toBe(true);
    expect(evaluate(n('durationGTE', {}, v('D'), b('duration', 'PT1M')), { D: 'PT1M' })).toBe(true);
    expect(evaluate(n('durationGTE', {}, v('D'), b('duration', 'PT1M')))).toBeNull();
  });
});

describe('arithmetic', () => {
  it('sum, product, subtract keep integers unless a float is involved; NULL anywhere gives NULL', () => {
    expect(evaluate(n('sum', {}, i(1), mult(i(2), i(3))))).toBe(6);
    expect(evaluate(n('product', {}, i(2), f(1.5)))).toBe(3);
    expect(evaluate(n('subtract', {}, i(2), i(5)))).toBe(-3);
    expect(evaluate(n('sum', {}, i(1), NULL))).toBeNull();
    expect(evaluate(n('product', {}, NULL))).toBeNull();
  });

  it('divide is float and NULL on zero; power; integerDivide and integerModulus floor', () => {
    expect(evaluate(n('divide', {}, i(1), i(4)))).toBe(0.25);
    expect(evaluate(n('divide', {}, i(1), i(0)))).toBeNull();
    expect(evaluate(n('power', {}, i(2), i(10)))).toBe(1024);
    expect(evaluate(n('power', {}, f(10), f(400)))).toBeNull();
    expect(evaluate(n('integerDivide', {}, i(7), i(2)))).toBe(3);
    expect(evaluate(n('integerModulus', {}, i(7), i(0)))).toBeNull();
    expect(evaluate(n('integerModulus', {}, i(7), i(-2)))).toBe(-1);
  });

  it('truncate, round (half up), roundTo, integerToFloat', () => {
    expect(evaluate(n('truncate', {}, f(-2.7)))).toBe(-2);
    expect(evaluate(n('round', {}, f(2.5)))).toBe(3);
    expect(evaluate(n('round', {}, f(-2.5)))).toBe(-2);
    expect(evaluate(n('round', {}, NULL))).toBeNull();
    expect(evaluate(n('roundTo', { figures: '2', roundingMode: 'decimalPlaces' }, f(1.005)))).toBe(1.01);
    expect(evaluate(n('roundTo', { figures: '2' }, f(1234)))).toBe(1200);
    expect(evaluate(n('integerToFloat', {}, i(3)))).toBe(3);
  });

  it('max, min (integer unless a float), gcd, lcm (0 when any is 0)', () => {
    expect(evaluate(n('max', {}, i(1), mult(i(5), i(3))))).toBe(5);
    expect(evaluate(n('min', {}, i(1), f(0.5)))).toBe(0.5);
    expect(evaluate(n('max', {}, i(1), NULL))).toBeNull();
    expect(evaluate(n('gcd', {}, i(12), i(18), i(8)))).toBe(2);
    expect(evaluate(n('lcm', {}, i(4), i(6)))).toBe(12);
    expect(evaluate(n('lcm', {}, i(4), i(0)))).toBe(0);
  });

  it('mathOperator, mathConstant and statsOperator; out-of-domain results are NULL', () => {
    expect(evaluate(n('mathOperator', { name: 'signum' }, f(-3)))).toBe(-1);
    expect(evaluate(n('mathOperator', { name: 'atan2' }, f(1), f(1)))).toBeCloseTo(Math.PI / 4, 12);
    expect(evaluate(n('mathOperator', { name: 'ln' }, f(-1)))).toBeNull();
    expect(evaluate(n('mathConstant', { name: 'pi' }))).toBe(Math.PI);
    expect(() => evaluate(n('mathOperator', { name: 'nope' }, f(1)))).toThrow(CompileError);
    const data = ord(i(2), i(4), i(4), i(4), i(5), i(5), i(7), i(9));
    expect(evaluate(n('statsOperator', { name: 'mean' }, data))).toBe(5);
    expect(evaluate(n('statsOperator', { name: 'popSD' }, data))).toBe(2);
    expect(evaluate(n('statsOperator', { name: 'sampleVariance' }, ord(i(1))))).toBeNull();
    expect(evaluate(n('statsOperator', { name: 'mean' }, NULL))).toBeNull();
  });
});

describe('customOperator', () => {
  it('runs registered operators by class or definition; an unregistered one is NULL', () => {
    const s = (x: string) => b('string', x);
    expect(evaluate(n('customOperator', { definition: 'qade:ToAscii' }, s('Hà Nội')))).toBe('Ha Noi');
    expect(evaluate(n('customOperator', { class: 'depcp:Trim' }, s('  x ')))).toBe('x');
    expect(evaluate(n('customOperator', { definition: 'qade:ParseCommaDecimal' }, s('3,14')))).toBe(3.14);
    expect(evaluate(n('customOperator', { class: 'example.op' }, s('x')))).toBeNull();
    customOperators.set('test:Upper', ([a]) =>
      a && a.cardinality === 'single'
        ? { cardinality: 'single', baseType: 'string', value: String(a.value).toUpperCase() }
        : null,
    );
    expect(evaluate(n('customOperator', { class: 'test:Upper' }, s('abc')))).toBe('ABC');
    customOperators.delete('test:Upper');
  });
});
