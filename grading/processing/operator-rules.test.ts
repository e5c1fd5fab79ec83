/**
 * One table per operator of the QTI 3 expression list: the result for NULL operands, for each
 * cardinality the operator allows, and the result's base type and cardinality, as
 * OPERATOR-RULES.md states them from the specification text. Each row runs the real parser and
 * compiler on the expression written as QTI XML.
 */
import { describe, expect, it } from 'vitest';
import { toJson, type QtiValue } from '../values/value.ts';
import { CompileError } from './context.ts';
import { evaluateQti, type EvaluateOptions } from './test-support/evaluate-qti.ts';

type Expected =
  | null
  | 'refused'
  | { cardinality: 'single' | 'multiple' | 'ordered' | 'record'; baseType?: string; value: unknown };
interface Row {
  name: string;
  xml: string;
  expect: Expected;
  options?: EvaluateOptions;
}

// Expressions as XML.
const bv = (baseType: string, text: string | number | boolean) =>
  `<baseValue baseType="${baseType}">${text}</baseValue>`;
const i = (x: number) => bv('integer', x);
const f = (x: number) => bv('float', x);
const s = (x: string) => bv('string', x);
const id = (x: string) => bv('identifier', x);
const b = (x: boolean) => bv('boolean', x);
const pt = (x: string) => bv('point', x);
const dur = (x: string) => bv('duration', x);
const NULL = '<null/>';
const op = (name: string, attrs: Record<string, string | number>, ...children: string[]) =>
  `<${name}${Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('')}>${children.join('')}</${name}>`;
const mult = (...c: string[]) => op('multiple', {}, ...c);
const ord = (...c: string[]) => op('ordered', {}, ...c);
const v = (identifier: string) => op('variable', { identifier });

// Expected results.
const single = (baseType: string, value: unknown) => ({ cardinality: 'single' as const, baseType, value });
const I = (x: number) => single('integer', x);
const F = (x: number) => single('float', x);
const B = (x: boolean) => single('boolean', x);
const S = (x: string) => single('string', x);
const ID = (x: string) => single('identifier', x);
const M = (baseType: string, values: unknown[]) => ({ cardinality: 'multiple' as const, baseType, values });
const O = (baseType: string, values: unknown[]) => ({ cardinality: 'ordered' as const, baseType, values });
const containerOf = (e: ReturnType<typeof M> | ReturnType<typeof O>) => ({
  cardinality: e.cardinality,
  baseType: e.baseType,
  value: e.values,
});

const DECLARATIONS = `
  <responseDeclaration identifier="RID" cardinality="single" baseType="identifier">
    <correctResponse><value>A</value></correctResponse>
    <mapping defaultValue="-1" lowerBound="-2" upperBound="3">
      <mapEntry mapKey="A" mappedValue="2"/><mapEntry mapKey="B" mappedValue="0.5"/>
    </mapping>
  </responseDeclaration>
  <responseDeclaration identifier="RM" cardinality="multiple" baseType="identifier">
    <correctResponse><value>A</value><value>B</value></correctResponse>
    <mapping defaultValue="-0.5" lowerBound="0" upperBound="2">
      <mapEntry mapKey="A" mappedValue="1"/><mapEntry mapKey="B" mappedValue="1.5"/>
    </mapping>
  </responseDeclaration>
  <responseDeclaration identifier="RS" cardinality="single" baseType="string">
    <mapping defaultValue="0">
      <mapEntry mapKey="Paris" mappedValue="1" caseSensitive="true"/>
      <mapEntry mapKey="lyon" mappedValue="2" caseSensitive="false"/>
      <mapEntry mapKey="Nice" mappedValue="3"/>
    </mapping>
  </responseDeclaration>
  <responseDeclaration identifier="RO" cardinality="ordered" baseType="identifier"/>
  <responseDeclaration identifier="RP" cardinality="multiple" baseType="point">
    <areaMapping defaultValue="0.25">
      <areaMapEntry shape="circle" coords="10,10,5" mappedValue="1"/>
      <areaMapEntry shape="rect" coords="50,50,60,60" mappedValue="2"/>
    </areaMapping>
  </responseDeclaration>
  <responseDeclaration identifier="RREC" cardinality="record"/>
  <outcomeDeclaration identifier="OI" cardinality="single" baseType="integer">
    <defaultValue><value>7</value></defaultValue>
  </outcomeDeclaration>
  <outcomeDeclaration identifier="ON" cardinality="single" baseType="integer"/>
  <outcomeDeclaration identifier="ZERO" cardinality="single" baseType="integer">
    <defaultValue><value>0</value></defaultValue>
  </outcomeDeclaration>`;

const RULES: Record<string, Row[]> = {
  baseValue: [
    { name: 'single of its baseType', xml: i(3), expect: I(3) },
    { name: 'duration in seconds', xml: dur('PT1M30S'), expect: single('duration', 90) },
    { name: 'a value not of its type is refused', xml: bv('integer', '1.5'), expect: 'refused' },
  ],
  variable: [
    { name: 'the declared value', xml: v('OI'), expect: I(7) },
    { name: 'no value: NULL', xml: v('ON'), expect: null },
    {
      name: 'a container keeps its cardinality',
      xml: v('RO'),
      options: { responses: { RO: ['B', 'A'] } },
      expect: containerOf(O('identifier', ['B', 'A'])),
    },
    { name: 'undeclared: refused', xml: v('NOPE'), expect: 'refused' },
  ],
  default: [
    { name: 'the declared default', xml: op('default', { identifier: 'OI' }), expect: I(7) },
    { name: 'no default: NULL', xml: op('default', { identifier: 'ON' }), expect: null },
  ],
  correct: [
    { name: 'single', xml: op('correct', { identifier: 'RID' }), expect: ID('A') },
    {
      name: 'multiple',
      xml: op('correct', { identifier: 'RM' }),
      expect: containerOf(M('identifier', ['A', 'B'])),
    },
    { name: 'no correct response: NULL', xml: op('correct', { identifier: 'RO' }), expect: null },
    { name: 'not a response: refused', xml: op('correct', { identifier: 'OI' }), expect: 'refused' },
  ],
  mapResponse: [
    {
      name: 'single: the mapped value, a float',
      xml: op('mapResponse', { identifier: 'RID' }),
      options: { responses: { RID: 'A' } },
      expect: F(2),
    },
    {
      name: 'single unmapped: the default',
      xml: op('mapResponse', { identifier: 'RID' }),
      options: { responses: { RID: 'Z' } },
      expect: F(-1),
    },
    {
      name: 'NULL: the default, within the bounds',
      xml: op('mapResponse', { identifier: 'RID' }),
      expect: F(-1),
    },
    {
      name: 'multiple: each distinct value once, summed and clamped',
      xml: op('mapResponse', { identifier: 'RM' }),
      options: { responses: { RM: ['A', 'A', 'B'] } },
      expect: F(2),
    },
    {
      name: 'multiple with an unmapped value',
      xml: op('mapResponse', { identifier: 'RM' }),
      options: { responses: { RM: ['A', 'Z'] } },
      expect: F(0.5),
    },
    {
      name: 'caseSensitive="true" on the entry: case matters',
      xml: op('mapResponse', { identifier: 'RS' }),
      options: { responses: { RS: 'paris' } },
      expect: F(0),
    },
    {
      name: 'caseSensitive="false" on the entry: case does not matter',
      xml: op('mapResponse', { identifier: 'RS' }),
      options: { responses: { RS: 'LYON' } },
      expect: F(2),
    },
    {
      name: 'caseSensitive absent: false, the 2.2 and 3.0 schema default',
      xml: op('mapResponse', { identifier: 'RS' }),
      options: { responses: { RS: 'NICE' } },
      expect: F(3),
    },
    {
      name: 'a variable without a mapping: NULL',
      xml: op('mapResponse', { identifier: 'RO' }),
      expect: null,
    },
  ],
  mapResponsePoint: [
    {
      name: 'each area once, a float',
      xml: op('mapResponsePoint', { identifier: 'RP' }),
      options: { responses: { RP: ['10 10', '11 11', '55 55'] } },
      expect: F(3),
    },
    {
      name: 'NULL: the default',
      xml: op('mapResponsePoint', { identifier: 'RP' }),
      expect: F(0.25),
    },
  ],
  null: [{ name: 'is NULL', xml: NULL, expect: null }],
  randomInteger: [
    { name: 'single integer in range', xml: op('randomInteger', { min: 4, max: 4 }), expect: I(4) },
    {
      name: 'on the step',
      xml: op('randomInteger', { min: 3, max: 4, step: 5 }),
      expect: I(3),
    },
  ],
  randomFloat: [{ name: 'single float in range', xml: op('randomFloat', { min: 2, max: 2 }), expect: F(2) }],
  mathConstant: [
    { name: 'pi, a float', xml: op('mathConstant', { name: 'pi' }), expect: F(Math.PI) },
    { name: 'e, a float', xml: op('mathConstant', { name: 'e' }), expect: F(Math.E) },
  ],
  multiple: [
    {
      name: 'singles and multiples flattened, NULL skipped',
      xml: mult(id('A'), NULL, mult(id('B'), id('C'))),
      expect: containerOf(M('identifier', ['A', 'B', 'C'])),
    },
    { name: 'no operand: NULL', xml: mult(), expect: null },
    { name: 'all NULL: NULL', xml: mult(NULL, NULL), expect: null },
  ],
  ordered: [
    {
      name: 'singles and ordered flattened in order, NULL skipped',
      xml: ord(i(3), NULL, ord(i(1), i(2))),
      expect: containerOf(O('integer', [3, 1, 2])),
    },
    { name: 'all NULL: NULL', xml: ord(NULL), expect: null },
  ],
  containerSize: [
    { name: 'multiple: an integer', xml: op('containerSize', {}, mult(id('A'), id('A'))), expect: I(2) },
    { name: 'ordered', xml: op('containerSize', {}, ord(id('A'))), expect: I(1) },
    { name: 'NULL: 0', xml: op('containerSize', {}, NULL), expect: I(0) },
    {
      name: 'an empty container (answered, nothing chosen): 0',
      xml: op('containerSize', {}, v('RM')),
      options: { responses: { RM: [] } },
      expect: I(0),
    },
  ],
  isNull: [
    { name: 'NULL: true', xml: op('isNull', {}, NULL), expect: B(true) },
    { name: 'a value: false', xml: op('isNull', {}, i(0)), expect: B(false) },
    { name: 'an empty string: true', xml: op('isNull', {}, s('')), expect: B(true) },
    {
      name: 'an empty container: true',
      xml: op('isNull', {}, v('RM')),
      options: { responses: { RM: [] } },
      expect: B(true),
    },
  ],
  index: [
    {
      name: 'nth of ordered, 1-based, single',
      xml: op('index', { n: 2 }, ord(id('A'), id('B'))),
      expect: ID('B'),
    },
    { name: 'n past the end: NULL', xml: op('index', { n: 3 }, ord(id('A'), id('B'))), expect: null },
    { name: 'n of 0: NULL', xml: op('index', { n: 0 }, ord(id('A'))), expect: null },
    {
      name: 'n from a variable',
      xml: op('index', { n: 'OI' }, ord(...'ABCDEFG'.split('').map(id))),
      expect: ID('G'),
    },
    { name: 'NULL: NULL', xml: op('index', { n: 1 }, NULL), expect: null },
    {
      name: 'a multiple container has no order: NULL',
      xml: op('index', { n: 1 }, mult(id('A'))),
      expect: null,
    },
  ],
  fieldValue: [
    {
      name: 'the field, single',
      xml: op('fieldValue', { fieldIdentifier: 'x' }, v('RREC')),
      options: { responses: { RREC: { x: 2.5 } } },
      expect: F(2.5),
    },
    {
      name: 'no such field: NULL',
      xml: op('fieldValue', { fieldIdentifier: 'y' }, v('RREC')),
      options: { responses: { RREC: { x: 2.5 } } },
      expect: null,
    },
    { name: 'NULL: NULL', xml: op('fieldValue', { fieldIdentifier: 'x' }, NULL), expect: null },
  ],
  random: [
    { name: 'a member, single', xml: op('random', {}, mult(id('A'), id('A'))), expect: ID('A') },
    { name: 'ordered', xml: op('random', {}, ord(i(5))), expect: I(5) },
    { name: 'NULL: NULL', xml: op('random', {}, NULL), expect: null },
  ],
  member: [
    { name: 'in multiple: true', xml: op('member', {}, id('B'), mult(id('A'), id('B'))), expect: B(true) },
    { name: 'in ordered: false', xml: op('member', {}, id('C'), ord(id('A'), id('B'))), expect: B(false) },
    { name: 'NULL value: NULL', xml: op('member', {}, NULL, mult(id('A'))), expect: null },
    { name: 'NULL container: NULL', xml: op('member', {}, id('A'), NULL), expect: null },
    {
      name: 'empty container: NULL',
      xml: op('member', {}, id('A'), v('RM')),
      options: { responses: { RM: [] } },
      expect: null,
    },
  ],
  delete: [
    {
      name: 'every instance from multiple, keeps multiple',
      xml: op('delete', {}, id('A'), mult(id('B'), id('A'), id('C'), id('A'))),
      expect: containerOf(M('identifier', ['B', 'C'])),
    },
    {
      name: 'from ordered, keeps the order',
      xml: op('delete', {}, i(1), ord(i(3), i(1), i(2))),
      expect: containerOf(O('integer', [3, 2])),
    },
    {
      name: 'nothing left: NULL (an empty container)',
      xml: op('delete', {}, id('A'), mult(id('A'))),
      expect: null,
    },
    { name: 'NULL value: NULL', xml: op('delete', {}, NULL, mult(id('A'))), expect: null },
    { name: 'NULL container: NULL', xml: op('delete', {}, id('A'), NULL), expect: null },
  ],
  contains: [
    {
      name: 'multiple: multiset inclusion',
      xml: op('contains', {}, mult(id('A'), id('B'), id('C')), mult(id('C'), id('A'))),
      expect: B(true),
    },
    {
      name: 'multiple: [A,B,C] does not contain [B,B]',
      xml: op('contains', {}, mult(id('A'), id('B'), id('C')), mult(id('B'), id('B'))),
      expect: B(false),
    },
    {
      name: 'multiple: [A,B,B,C] contains [B,B]',
      xml: op('contains', {}, mult(id('A'), id('B'), id('B'), id('C')), mult(id('B'), id('B'))),
      expect: B(true),
    },
    {
      name: 'ordered: a strict subsequence',
      xml: op('contains', {}, ord(id('A'), id('B'), id('C')), ord(id('B'), id('C'))),
      expect: B(true),
    },
    {
      name: 'ordered: [A,B,C] does not contain [C,A]',
      xml: op('contains', {}, ord(id('A'), id('B'), id('C')), ord(id('C'), id('A'))),
      expect: B(false),
    },
    { name: 'NULL: NULL', xml: op('contains', {}, NULL, mult(id('A'))), expect: null },
    { name: 'NULL second: NULL', xml: op('contains', {}, mult(id('A')), NULL), expect: null },
  ],
  substring: [
    {
      name: 'first in second',
      xml: op('substring', { caseSensitive: 'true' }, s('ell'), s('Hello')),
      expect: B(true),
    },
    {
      name: 'case-sensitive',
      xml: op('substring', { caseSensitive: 'true' }, s('ELL'), s('Hello')),
      expect: B(false),
    },
    {
      name: 'case-insensitive',
      xml: op('substring', { caseSensitive: 'false' }, s('ELL'), s('Hello')),
      expect: B(true),
    },
    { name: 'NULL: NULL', xml: op('substring', { caseSensitive: 'true' }, NULL, s('x')), expect: null },
  ],
  not: [
    { name: 'negation, boolean', xml: op('not', {}, b(false)), expect: B(true) },
    { name: 'NULL: NULL', xml: op('not', {}, NULL), expect: null },
  ],
  and: [
    { name: 'all true', xml: op('and', {}, b(true), b(true)), expect: B(true) },
    { name: 'any false, even with NULL: false', xml: op('and', {}, NULL, b(false)), expect: B(false) },
    { name: 'NULL and the rest true: NULL', xml: op('and', {}, b(true), NULL), expect: null },
  ],
  or: [
    { name: 'any true, even with NULL: true', xml: op('or', {}, NULL, b(true)), expect: B(true) },
    { name: 'all false', xml: op('or', {}, b(false), b(false)), expect: B(false) },
    { name: 'NULL and the rest false: NULL', xml: op('or', {}, b(false), NULL), expect: null },
  ],
  anyN: [
    {
      name: '{true,true,false,NULL} with min 3 max 4: NULL',
      xml: op('anyN', { min: 3, max: 4 }, b(true), b(true), b(false), NULL),
      expect: null,
    },
    {
      name: '{true,false,false,NULL} with min 3 max 4: false',
      xml: op('anyN', { min: 3, max: 4 }, b(true), b(false), b(false), NULL),
      expect: B(false),
    },
    {
      name: '{true,true,true,true} with min 3 max 4: true',
      xml: op('anyN', { min: 3, max: 4 }, b(true), b(true), b(true), b(true)),
      expect: B(true),
    },
    {
      name: 'more than max true: false',
      xml: op('anyN', { min: 1, max: 1 }, b(true), b(true), NULL),
      expect: B(false),
    },
  ],
  match: [
    { name: 'single equal', xml: op('match', {}, id('A'), id('A')), expect: B(true) },
    {
      name: 'multiple: as multisets',
      xml: op('match', {}, mult(id('A'), id('B')), mult(id('B'), id('A'))),
      expect: B(true),
    },
    {
      name: 'ordered: as sequences',
      xml: op('match', {}, ord(id('A'), id('B')), ord(id('B'), id('A'))),
      expect: B(false),
    },
    {
      name: 'pairs are unordered',
      xml: op('match', {}, bv('pair', 'A B'), bv('pair', 'B A')),
      expect: B(true),
    },
    {
      name: 'directed pairs are ordered',
      xml: op('match', {}, bv('directedPair', 'A B'), bv('directedPair', 'B A')),
      expect: B(false),
    },
    { name: 'NULL: NULL', xml: op('match', {}, NULL, id('A')), expect: null },
  ],
  stringMatch: [
    {
      name: 'case-insensitive',
      xml: op('stringMatch', { caseSensitive: 'false' }, s('Hello'), s('hello')),
      expect: B(true),
    },
    {
      name: 'case-sensitive',
      xml: op('stringMatch', { caseSensitive: 'true' }, s('Hello'), s('hello')),
      expect: B(false),
    },
    {
      name: 'substring="true" (deprecated): the first contains the second',
      xml: op('stringMatch', { caseSensitive: 'true', substring: 'true' }, s('Hello world'), s('lo w')),
      expect: B(true),
    },
    { name: 'NULL: NULL', xml: op('stringMatch', { caseSensitive: 'true' }, NULL, s('x')), expect: null },
  ],
  patternMatch: [
    { name: 'anchored XSD pattern', xml: op('patternMatch', { pattern: '\\d+' }, s('123')), expect: B(true) },
    {
      name: 'anchored: a part does not match',
      xml: op('patternMatch', { pattern: '\\d' }, s('12')),
      expect: B(false),
    },
    { name: 'NULL: NULL', xml: op('patternMatch', { pattern: '.*' }, NULL), expect: null },
  ],
  equal: [
    {
      name: 'exact, integer and float',
      xml: op('equal', { toleranceMode: 'exact' }, i(2), f(2)),
      expect: B(true),
    },
    {
      name: 'absolute: y within [x-t0, x+t1]',
      xml: op('equal', { toleranceMode: 'absolute', tolerance: '0.1 0.2' }, f(1), f(1.2)),
      expect: B(true),
    },
    {
      name: 'absolute, exclusive upper bound',
      xml: op(
        'equal',
        { toleranceMode: 'absolute', tolerance: '0.5', includeUpperBound: 'false' },
        f(1),
        f(1.5),
      ),
      expect: B(false),
    },
    {
      name: 'relative: y within x(1-t0/100), x(1+t1/100)',
      xml: op('equal', { toleranceMode: 'relative', tolerance: '10' }, f(100), f(109)),
      expect: B(true),
    },
    {
      name: 'relative, negative x: the range between the two bounds',
      xml: op('equal', { toleranceMode: 'relative', tolerance: '10' }, f(-100), f(-109)),
      expect: B(true),
    },
    { name: 'NULL: NULL', xml: op('equal', { toleranceMode: 'exact' }, NULL, i(1)), expect: null },
  ],
  equalRounded: [
    {
      name: '1.56 and 1.6 at 2 significant figures',
      xml: op('equalRounded', { roundingMode: 'significantFigures', figures: 2 }, f(1.56), f(1.6)),
      expect: B(true),
    },
    {
      name: 'decimal places',
      xml: op('equalRounded', { roundingMode: 'decimalPlaces', figures: 1 }, f(1.04), f(1.0)),
      expect: B(true),
    },
    {
      name: 'negative values round half away from zero, like positive ones',
      xml: op('equalRounded', { roundingMode: 'significantFigures', figures: 2 }, f(-2.45), f(-2.5)),
      expect: B(true),
    },
    {
      name: '0 significant figures: NULL',
      xml: op('equalRounded', { roundingMode: 'significantFigures', figures: 0 }, f(1), f(1)),
      expect: null,
    },
    {
      name: 'NULL: NULL',
      xml: op('equalRounded', { figures: 2 }, NULL, f(1)),
      expect: null,
    },
  ],
  inside: [
    {
      name: 'a point in the shape',
      xml: op('inside', { shape: 'circle', coords: '10,10,5' }, pt('12 12')),
      expect: B(true),
    },
    {
      name: 'a container: any point inside',
      xml: op('inside', { shape: 'rect', coords: '0,0,10,10' }, mult(pt('20 20'), pt('5 5'))),
      expect: B(true),
    },
    { name: 'NULL: NULL', xml: op('inside', { shape: 'rect', coords: '0,0,10,10' }, NULL), expect: null },
  ],
  lt: [
    { name: 'numeric, boolean', xml: op('lt', {}, i(1), f(1.5)), expect: B(true) },
    { name: 'NULL: NULL', xml: op('lt', {}, NULL, i(1)), expect: null },
  ],
  gt: [
    { name: 'numeric, boolean', xml: op('gt', {}, i(1), f(1.5)), expect: B(false) },
    { name: 'NULL: NULL', xml: op('gt', {}, i(1), NULL), expect: null },
  ],
  lte: [
    { name: 'equal counts', xml: op('lte', {}, i(2), f(2)), expect: B(true) },
    { name: 'NULL: NULL', xml: op('lte', {}, NULL, NULL), expect: null },
  ],
  gte: [
    { name: 'equal counts', xml: op('gte', {}, i(2), f(2)), expect: B(true) },
    { name: 'NULL: NULL', xml: op('gte', {}, NULL, i(1)), expect: null },
  ],
  durationLT: [
    { name: 'shorter: true', xml: op('durationLT', {}, dur('PT1M'), dur('PT61S')), expect: B(true) },
    { name: 'NULL: NULL', xml: op('durationLT', {}, NULL, dur('PT1S')), expect: null },
  ],
  durationGTE: [
    { name: 'equal: true', xml: op('durationGTE', {}, dur('PT1M'), dur('PT60S')), expect: B(true) },
    { name: 'NULL: NULL', xml: op('durationGTE', {}, dur('PT1S'), NULL), expect: null },
  ],
  sum: [
    { name: 'integers: a single integer', xml: op('sum', {}, i(1), i(2)), expect: I(3) },
    { name: 'any float: a single float', xml: op('sum', {}, i(1), f(2)), expect: F(3) },
    {
      name: 'containers are summed into a single value',
      xml: op('sum', {}, mult(i(1), i(2)), ord(i(3)), i(4)),
      expect: I(10),
    },
    { name: 'NULL: NULL', xml: op('sum', {}, i(1), NULL), expect: null },
    {
      name: 'an empty container is NULL: NULL',
      xml: op('sum', {}, i(1), v('RM')),
      options: { responses: { RM: [] } },
      expect: null,
    },
    { name: 'not a number: NULL', xml: op('sum', {}, i(1), s('2')), expect: null },
  ],
  product: [
    { name: 'integers: integer', xml: op('product', {}, i(2), i(3)), expect: I(6) },
    { name: 'a float: float', xml: op('product', {}, i(2), f(1.5)), expect: F(3) },
    { name: 'containers flattened', xml: op('product', {}, mult(i(2), i(3)), i(2)), expect: I(12) },
    { name: 'NULL: NULL', xml: op('product', {}, NULL, i(3)), expect: null },
  ],
  subtract: [
    { name: 'integers: integer', xml: op('subtract', {}, i(5), i(7)), expect: I(-2) },
    { name: 'a float: float', xml: op('subtract', {}, f(5.5), i(1)), expect: F(4.5) },
    { name: 'NULL: NULL', xml: op('subtract', {}, i(5), NULL), expect: null },
    {
      name: 'a container is not a single value: NULL',
      xml: op('subtract', {}, mult(i(5)), i(1)),
      expect: null,
    },
  ],
  divide: [
    { name: 'always a float', xml: op('divide', {}, i(6), i(3)), expect: F(2) },
    { name: 'by 0: NULL', xml: op('divide', {}, i(1), i(0)), expect: null },
    { name: 'NULL: NULL', xml: op('divide', {}, NULL, i(2)), expect: null },
  ],
  power: [
    { name: 'always a float', xml: op('power', {}, i(2), i(3)), expect: F(8) },
    { name: 'out of the floats: NULL', xml: op('power', {}, f(10), i(400)), expect: null },
    { name: 'not real: NULL', xml: op('power', {}, f(-8), f(0.5)), expect: null },
    { name: 'NULL: NULL', xml: op('power', {}, i(2), NULL), expect: null },
  ],
  integerDivide: [
    { name: 'rounded down, integer', xml: op('integerDivide', {}, i(7), i(2)), expect: I(3) },
    { name: 'negative: rounded down', xml: op('integerDivide', {}, i(-7), i(2)), expect: I(-4) },
    { name: 'by 0: NULL', xml: op('integerDivide', {}, i(7), i(0)), expect: null },
    { name: 'NULL: NULL', xml: op('integerDivide', {}, NULL, i(2)), expect: null },
  ],
  integerModulus: [
    { name: 'x - z*y, integer', xml: op('integerModulus', {}, i(7), i(2)), expect: I(1) },
    { name: 'negative x: x - floor(x/y)*y', xml: op('integerModulus', {}, i(-7), i(2)), expect: I(1) },
    { name: 'by 0: NULL', xml: op('integerModulus', {}, i(7), i(0)), expect: null },
    { name: 'NULL: NULL', xml: op('integerModulus', {}, i(7), NULL), expect: null },
  ],
  truncate: [
    { name: 'towards zero, integer', xml: op('truncate', {}, f(-6.8)), expect: I(-6) },
    {
      name: 'INF stays INF',
      xml: op('truncate', {}, f(Infinity).replace('Infinity', 'INF')),
      expect: I(Infinity),
    },
    { name: 'NULL: NULL', xml: op('truncate', {}, NULL), expect: null },
  ],
  round: [
    { name: '6.5 rounds up to 7, integer', xml: op('round', {}, f(6.5)), expect: I(7) },
    { name: '-6.5 rounds up to -6', xml: op('round', {}, f(-6.5)), expect: I(-6) },
    { name: '6.49 rounds down', xml: op('round', {}, f(6.49)), expect: I(6) },
    { name: '-INF stays -INF', xml: op('round', {}, bv('float', '-INF')), expect: I(-Infinity) },
    { name: 'NULL: NULL', xml: op('round', {}, NULL), expect: null },
  ],
  roundTo: [
    {
      name: 'significant figures, a float',
      xml: op('roundTo', { roundingMode: 'significantFigures', figures: 3 }, f(3.175)),
      expect: F(3.18),
    },
    {
      name: 'decimal places',
      xml: op('roundTo', { roundingMode: 'decimalPlaces', figures: 2 }, f(1.005)),
      expect: F(1.01),
    },
    {
      name: 'negative: the deciding digit rounds away from zero',
      xml: op('roundTo', { roundingMode: 'decimalPlaces', figures: 0 }, f(-2.5)),
      expect: F(-3),
    },
    {
      name: 'large numbers to significant figures',
      xml: op('roundTo', { roundingMode: 'significantFigures', figures: 2 }, i(12345)),
      expect: F(12000),
    },
    { name: 'INF stays INF', xml: op('roundTo', { figures: 2 }, bv('float', 'INF')), expect: F(Infinity) },
    { name: 'NULL: NULL', xml: op('roundTo', { figures: 2 }, NULL), expect: null },
  ],
  integerToFloat: [
    { name: 'a float', xml: op('integerToFloat', {}, i(3)), expect: F(3) },
    { name: 'NULL: NULL', xml: op('integerToFloat', {}, NULL), expect: null },
  ],
  max: [
    { name: 'integers: integer', xml: op('max', {}, i(1), i(3)), expect: I(3) },
    { name: 'a float: float', xml: op('max', {}, i(1), f(0.5)), expect: F(1) },
    { name: 'containers count', xml: op('max', {}, mult(i(1), i(9)), i(3)), expect: I(9) },
    { name: 'NULL: NULL', xml: op('max', {}, i(1), NULL), expect: null },
    { name: 'not a number: NULL', xml: op('max', {}, i(1), s('x')), expect: null },
  ],
  min: [
    { name: 'integers: integer', xml: op('min', {}, i(1), i(3)), expect: I(1) },
    { name: 'containers count', xml: op('min', {}, ord(f(1.5), f(-2))), expect: F(-2) },
    { name: 'NULL: NULL', xml: op('min', {}, NULL), expect: null },
  ],
  gcd: [
    { name: 'integer', xml: op('gcd', {}, i(12), i(18)), expect: I(6) },
    { name: 'gcd(0,0) = 0', xml: op('gcd', {}, i(0), i(0)), expect: I(0) },
    { name: 'gcd(0,n) = n', xml: op('gcd', {}, i(0), i(-4)), expect: I(4) },
    { name: 'containers count', xml: op('gcd', {}, mult(i(12), i(8)), i(6)), expect: I(2) },
    { name: 'NULL: NULL', xml: op('gcd', {}, i(4), NULL), expect: null },
    { name: 'a float: NULL (integers only)', xml: op('gcd', {}, i(4), f(2)), expect: null },
  ],
  lcm: [
    { name: 'integer', xml: op('lcm', {}, i(4), i(6)), expect: I(12) },
    { name: 'any 0: 0', xml: op('lcm', {}, i(0), i(6)), expect: I(0) },
    { name: 'NULL: NULL', xml: op('lcm', {}, NULL, i(6)), expect: null },
  ],
  repeat: [
    {
      name: 'an ordered container, numberRepeats times',
      xml: op('repeat', { numberRepeats: 2 }, id('A'), ord(id('B'), id('C'))),
      expect: containerOf(O('identifier', ['A', 'B', 'C', 'A', 'B', 'C'])),
    },
    {
      name: 'NULL operands are ignored',
      xml: op('repeat', { numberRepeats: 2 }, NULL, i(1)),
      expect: containerOf(O('integer', [1, 1])),
    },
    { name: 'all NULL: NULL', xml: op('repeat', { numberRepeats: 2 }, NULL), expect: null },
    { name: 'fewer than 1 repeat: NULL', xml: op('repeat', { numberRepeats: 0 }, i(1)), expect: null },
  ],
  mathOperator: [
    { name: 'sin: a float', xml: op('mathOperator', { name: 'sin' }, i(0)), expect: F(0) },
    { name: 'floor: an integer', xml: op('mathOperator', { name: 'floor' }, f(-1.5)), expect: I(-2) },
    { name: 'signum: an integer', xml: op('mathOperator', { name: 'signum' }, f(-3)), expect: I(-1) },
    {
      name: 'atan2 takes two',
      xml: op('mathOperator', { name: 'atan2' }, i(1), i(1)),
      expect: F(Math.PI / 4),
    },
    {
      name: 'log(0) is outside the domain: NULL',
      xml: op('mathOperator', { name: 'log' }, i(0)),
      expect: null,
    },
    { name: 'asin(2): NULL', xml: op('mathOperator', { name: 'asin' }, i(2)), expect: null },
    {
      name: 'floor(INF) is INF',
      xml: op('mathOperator', { name: 'floor' }, bv('float', 'INF')),
      expect: I(Infinity),
    },
    { name: 'NULL: NULL', xml: op('mathOperator', { name: 'cos' }, NULL), expect: null },
  ],
  statsOperator: [
    {
      name: 'mean: a float',
      xml: op('statsOperator', { name: 'mean' }, mult(i(1), i(2), i(3))),
      expect: F(2),
    },
    {
      name: 'sampleVariance',
      xml: op('statsOperator', { name: 'sampleVariance' }, ord(i(1), i(2), i(3))),
      expect: F(1),
    },
    {
      name: 'popVariance',
      xml: op('statsOperator', { name: 'popVariance' }, mult(i(1), i(2), i(3))),
      expect: F(2 / 3),
    },
    {
      name: 'sample statistics of one value: NULL',
      xml: op('statsOperator', { name: 'sampleSD' }, mult(i(1))),
      expect: null,
    },
    { name: 'NULL: NULL', xml: op('statsOperator', { name: 'mean' }, NULL), expect: null },
    {
      name: 'a NULL value in the container: NULL',
      xml: op('statsOperator', { name: 'mean' }, mult(i(1), NULL, i(3))),
      expect: null,
    },
    {
      name: 'an empty container: NULL',
      xml: op('statsOperator', { name: 'popSD' }, v('RM')),
      options: { responses: { RM: [] } },
      expect: null,
    },
    { name: 'a single value: NULL', xml: op('statsOperator', { name: 'mean' }, i(3)), expect: null },
    { name: 'not numbers: NULL', xml: op('statsOperator', { name: 'mean' }, mult(id('A'))), expect: null },
  ],
  customOperator: [
    {
      name: 'a registered vendor operator',
      xml: op('customOperator', { definition: 'qade:ParseCommaDecimal' }, s('3,14')),
      expect: F(3.14),
    },
    {
      name: 'Trim keeps a string',
      xml: op('customOperator', { definition: 'depcp:Trim' }, s(' a b ')),
      expect: S('a b'),
    },
    {
      name: 'an unregistered one: NULL',
      xml: op('customOperator', { class: 'x.Unknown' }, i(1)),
      expect: null,
    },
  ],
  numberCorrect: [
    { name: 'test-level only: refused in an item', xml: op('numberCorrect', {}), expect: 'refused' },
  ],
  testVariables: [
    {
      name: 'test-level only: refused in an item',
      xml: op('testVariables', { variableIdentifier: 'SCORE' }),
      expect: 'refused',
    },
  ],
  outcomeMaximum: [
    {
      name: 'test-level only: refused in an item',
      xml: op('outcomeMaximum', { outcomeIdentifier: 'SCORE' }),
      expect: 'refused',
    },
  ],
};

function check(actual: () => QtiValue, expected: Expected) {
  if (expected === 'refused') {
    expect(actual).toThrow(CompileError);
    return;
  }
  const value = actual();
  if (expected === null) {
    expect(value).toBeNull();
    return;
  }
  expect(value, 'a value, not NULL').not.toBeNull();
  expect(value!.cardinality).toBe(expected.cardinality);
  if (value!.cardinality !== 'record') expect(value!.baseType).toBe(expected.baseType);
  const json = toJson(value);
  if (typeof expected.value === 'number' && Number.isFinite(expected.value))
    expect(json as number).toBeCloseTo(expected.value, 10);
  else expect(json).toEqual(expected.value);
}

describe.each(Object.entries(RULES))('%s', (_operator, rows) => {
  it.each(rows)('$name', (row) => {
    check(() => evaluateQti(row.xml, { declarations: DECLARATIONS, ...row.options }), row.expect);
  });
});

it('every operator of the QTI 3 expression list has a table', () => {
  const listed = [
    ...'baseValue variable default correct mapResponse mapResponsePoint null randomInteger randomFloat'.split(
      ' ',
    ),
    ...'mathConstant multiple ordered containerSize isNull index fieldValue random member delete'.split(' '),
    ...'contains substring not and or anyN match stringMatch patternMatch equal equalRounded inside'.split(
      ' ',
    ),
    ...'lt gt lte gte durationLT durationGTE sum product subtract divide power integerDivide'.split(' '),
    ...'integerModulus truncate round roundTo integerToFloat max min gcd lcm repeat mathOperator'.split(' '),
    ...'statsOperator customOperator numberCorrect testVariables outcomeMaximum'.split(' '),
  ];
  expect(listed.filter((name) => !RULES[name]?.length)).toEqual([]);
});
