/**
 * Expressions found in items beyond the QTI standard (negations, aliases, shorthands that other
 * players accept). Each is small and maps onto standard semantics; none is needed to score
 * standard items, and none changes what a standard expression means.
 */
import type { BaseType, Mapping, ProcessingNode } from '../../item-bank/index.ts';
import { bool, type SingleValue } from '../values/value.ts';
import { CompileError, conditionHolds, type CompileEnv, type Expression } from './context.ts';
import { EXPRESSIONS, statsOf } from './expressions.ts';
import { mapValue } from './mapping.ts';

type Compiler = (node: ProcessingNode, args: Expression[], env: CompileEnv) => Expression;

/** mean(...), sampleVariance(...): statsOperator with that name, NULL rules included. */
const statsShorthand =
  (name: string): Compiler =>
  (_n, [a]) =>
  (s) =>
    statsOf(name, a!(s));

export const VENDOR_EXPRESSIONS: Record<string, Compiler> = {
  isNotNull: (n, args, env) => {
    const isNull = EXPRESSIONS.isNull!(n, args, env);
    return (s) => bool(!(isNull(s) as SingleValue).value);
  },
  notEqual: (n, args, env) => {
    const equal = EXPRESSIONS.equal!(n, args, env);
    return (s) => {
      const v = equal(s);
      return v === null ? null : bool(!(v as SingleValue).value);
    };
  },
  mod: (n, args, env) => EXPRESSIONS.integerModulus!(n, args, env),
  /** allN: every operand true; with min/max, how many may be true (anyN with min 0). */
  allN: (node, args, env) => {
    if (node.attributes.min !== undefined || node.attributes.max !== undefined)
      return EXPRESSIONS.anyN!({ ...node, attributes: { min: '0', ...node.attributes } }, args, env);
    return EXPRESSIONS.and!(node, args, env);
  },
  /** isTypeOf(value, "integer"): whether the value has that base type. */
  isTypeOf:
    (_n, [a, b]) =>
    (s) => {
      const v = a!(s);
      const t = b!(s);
      if (v === null || t === null || v.cardinality === 'record' || t.cardinality !== 'single') return null;
      return bool(v.baseType === (String(t.value) as BaseType));
    },
  mean: statsShorthand('mean'),
  sampleVariance: statsShorthand('sampleVariance'),
  sampleSD: statsShorthand('sampleSD'),
  popVariance: statsShorthand('popVariance'),
  popSD: statsShorthand('popSD'),
  /** preCondition used as an expression: the truth of its operand (NULL, 0 and "" are false). */
  preCondition:
    (_n, [a]) =>
    (s) =>
      bool(conditionHolds(a!(s))),
  /** mapOutcome: an outcome's value through the mapping declared on that outcome. */
  mapOutcome: (node, _args, env) => {
    const id = node.attributes.identifier ?? '';
    const d = env.declarations.get(id);
    const mapping = (d as { mapping?: Mapping } | undefined)?.mapping;
    if (d?.kind !== 'outcome' || !mapping)
      throw new CompileError(`${id} is not an outcome with a mapping`, node);
    const baseType = d.baseType ?? 'string';
    return (s) => mapValue(mapping, baseType, s.values.get(id) ?? null);
  },
};
