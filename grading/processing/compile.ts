/**
 * Compiles processing trees once per item version into closures. Unknown elements, undeclared
 * variables and malformed values are reported here, with the element and its line, not while
 * scoring. Custom operators come from a registry (`custom-operators.ts`).
 */
import type { ProcessingNode } from '../../item-bank/index.ts';
import { int, type QtiValue, type SingleValue } from '../values/value.ts';
import {
  CompileError,
  conditionHolds,
  declaredDefault,
  type CompileEnv,
  type Expression,
  type Rule,
  type ScoringState,
} from './context.ts';
import { findCustomOperator } from './custom-operators.ts';
import { EXPRESSIONS } from './expressions.ts';
import { lookupTarget, tableFromNode } from './lookup.ts';
import { VENDOR_EXPRESSIONS } from './vendor-expressions.ts';

export { customOperators, type CustomOperator } from './custom-operators.ts';

/** Expressions that only an assessmentTest's outcome processing may use. */
export const TEST_LEVEL_EXPRESSIONS = new Set([
  'numberCorrect',
  'numberIncorrect',
  'numberPresented',
  'numberResponded',
  'numberSelected',
  'testVariables',
  'outcomeMaximum',
  'outcomeMinimum',
]);

const fail = (node: ProcessingNode, message: string): never => {
  throw new CompileError(message, node);
};

/** Expressions whose children are not all expressions: they compile their own parts. */
const STRUCTURED: Record<string, (node: ProcessingNode, env: CompileEnv) => Expression> = {
  customOperator(node, env) {
    const args = node.children.map((c) => compileExpression(c, env));
    const op = findCustomOperator(node);
    if (!op) return () => null;
    return (s) =>
      op(
        args.map((a) => a(s)),
        node,
      );
  },
  /** A record built from `fieldValue fieldIdentifier="x"` children, each holding one expression. */
  record(node, env) {
    const fields = node.children.map((c) => {
      const id = c.attributes.fieldIdentifier ?? fail(c, 'a record field needs a fieldIdentifier');
      return [
        id,
        compileExpression(c.children[0] ?? fail(c, 'a record field needs an expression'), env),
      ] as const;
    });
    return (s) => {
      const out: Record<string, SingleValue | null> = {};
      for (const [id, expr] of fields) {
        const v = expr(s);
        out[id] = v && v.cardinality === 'single' ? v : null;
      }
      return { cardinality: 'record', fields: out };
    };
  },
  /** lookupTable(expression, matchTable | interpolationTable): a table lookup as an expression. */
  lookupTable(node, env) {
    const [source, tableNode] = node.children;
    const expr = compileExpression(source ?? fail(node, 'needs an expression'), env);
    const table = tableFromNode(tableNode ?? fail(node, 'needs a matchTable or interpolationTable'));
    return (s) => lookupTarget(table, 'float', expr(s));
  },
};

export function compileExpression(node: ProcessingNode, env: CompileEnv): Expression {
  const structured = STRUCTURED[node.name];
  if (structured) return structured(node, env);
  const testLevel = env.testExpressions?.(node, env);
  if (testLevel) return testLevel;
  if (TEST_LEVEL_EXPRESSIONS.has(node.name))
    throw new CompileError('is a test-level expression: only an assessmentTest may use it', node);
  const compiler = EXPRESSIONS[node.name] ?? VENDOR_EXPRESSIONS[node.name];
  if (!compiler) throw new CompileError(`unknown expression`, node);
  return compiler(
    node,
    node.children.map((c) => compileExpression(c, env)),
    env,
  );
}

function compileBranch(nodes: ProcessingNode[], env: CompileEnv): Rule[] {
  return nodes.map((n) => compileRule(n, env));
}

function runAll(rules: Rule[], s: ScoringState): 'exit' | 'restart' | void {
  for (const rule of rules) {
    const r = rule(s);
    if (r) return r;
  }
}

/** A value converted to the declared base type where QTI converts (integer into float, float into integer). */
function toDeclared(baseType: string | undefined): (v: QtiValue) => QtiValue {
  if (baseType === 'float')
    return (v) => {
      if (v && v.cardinality === 'single' && typeof v.value === 'number' && v.baseType !== 'float')
        return { cardinality: 'single', baseType: 'float', value: v.value };
      if (v && (v.cardinality === 'multiple' || v.cardinality === 'ordered') && v.baseType === 'integer')
        return { ...v, baseType: 'float' };
      return v;
    };
  if (baseType === 'integer')
    return (v) =>
      v && v.cardinality === 'single' && typeof v.value === 'number' && v.baseType !== 'integer'
        ? int(Math.trunc(v.value))
        : v;
  return (v) => v;
}

type Target = 'value' | 'correct' | 'default';

function setValue(node: ProcessingNode, env: CompileEnv, target: Target): Rule {
  const id = node.attributes.identifier ?? '';
  const declaration = env.declarations.get(id);
  if (!declaration) throw new CompileError(`the variable ${id} is not declared`, node);
  const expr = compileExpression(node.children[0] ?? fail(node, 'needs an expression'), env);
  const convert = toDeclared(declaration.baseType);
  if (target === 'correct')
    return (s) => {
      (s.correct ??= new Map()).set(id, convert(expr(s)));
    };
  if (target === 'default')
    return (s) => {
      const v = convert(expr(s));
      (s.defaults ??= new Map()).set(id, v);
      // Outcomes not yet set start from their (new) default.
      if (declaration.kind !== 'response') s.values.set(id, v);
    };
  return (s) => {
    s.values.set(id, convert(expr(s)));
  };
}

export function compileRule(node: ProcessingNode, env: CompileEnv): Rule {
  switch (node.name) {
    case 'responseCondition':
    case 'outcomeCondition':
    case 'templateCondition': {
      const branches = node.children.map((c) => {
        const isElse = /Else$/.test(c.name) && !/ElseIf$/.test(c.name);
        const test = isElse
          ? undefined
          : compileExpression(c.children[0] ?? fail(c, 'needs a condition'), env);
        const body = compileBranch(isElse ? c.children : c.children.slice(1), env);
        return { test, body };
      });
      return (s) => {
        for (const b of branches) {
          // A condition that is not boolean counts as its truth value (NULL, 0 and "" are false).
          if (!b.test || conditionHolds(b.test(s))) return runAll(b.body, s);
        }
      };
    }
    case 'setDefaultValue':
      if (!node.children.length) {
        // Without an expression: put the variable back to its declared default.
        const id = node.attributes.identifier ?? '';
        if (!env.declarations.has(id)) throw new CompileError(`the variable ${id} is not declared`, node);
        return (s) => {
          s.values.set(id, declaredDefault(s, env, id));
        };
      }
      return setValue(node, env, 'default');
    case 'setCorrectResponse':
      return setValue(node, env, 'correct');
    case 'setOutcomeValue':
    case 'setTemplateValue':
    case 'setResponseValue':
      return setValue(node, env, 'value');
    case 'lookupOutcomeValue': {
      const id = node.attributes.identifier ?? '';
      const declaration = env.declarations.get(id);
      if (declaration?.kind !== 'outcome' || !declaration.lookupTable)
        throw new CompileError(`${id} has no lookup table`, node);
      const table = declaration.lookupTable;
      const baseType = declaration.baseType ?? 'float';
      const expr = compileExpression(node.children[0] ?? fail(node, 'needs an expression'), env);
      return (s) => {
        s.values.set(id, lookupTarget(table, baseType, expr(s)));
      };
    }
    case 'templateConstraint': {
      // False or NULL (or anything that is not true as a condition): template processing restarts.
      const test = compileExpression(node.children[0] ?? fail(node, 'needs an expression'), env);
      return (s) => (conditionHolds(test(s)) ? undefined : 'restart');
    }
    case 'exitResponse':
    case 'exitTest':
    case 'exitTemplate':
      return () => 'exit';
    case 'responseProcessingFragment':
    case 'outcomeProcessingFragment': {
      const rules = compileBranch(node.children, env);
      return (s) => runAll(rules, s);
    }
    case 'include':
      throw new CompileError(
        `xi:include of "${node.attributes.href ?? ''}" is not resolved: processing rules must be written inline`,
        node,
      );
    default:
      throw new CompileError('unknown rule', node);
  }
}

function restoreMap<K, V>(target: Map<K, V>, saved: Map<K, V> | undefined): void {
  target.clear();
  for (const [k, v] of saved ?? []) target.set(k, v);
}

/** At most this many runs of template processing until its templateConstraints hold (the spec's 100). */
export const TEMPLATE_CONSTRAINT_ATTEMPTS = 100;

const hasConstraint = (nodes: ProcessingNode[]): boolean =>
  nodes.some((n) => n.name === 'templateConstraint' || hasConstraint(n.children));

/**
 * Rules with templateConstraints: a constraint that fails puts every variable back as it was
 * before template processing began (the declared defaults) and starts again, so new random
 * values are drawn; after TEMPLATE_CONSTRAINT_ATTEMPTS failures the declared defaults stand and
 * processing goes on after the failing constraint (a constraint nested in a condition counts as
 * its top-level rule).
 */
function constrained(rules: Rule[]): (s: ScoringState) => void {
  return (s) => {
    const start = {
      values: new Map(s.values),
      correct: s.correct && new Map(s.correct),
      defaults: s.defaults && new Map(s.defaults),
    };
    let failures = 0;
    let from = 0;
    for (;;) {
      let restartAt = -1;
      for (let i = from; i < rules.length; i++) {
        const r = rules[i]!(s);
        if (r === 'exit') return;
        if (r === 'restart') {
          restartAt = i;
          break;
        }
      }
      if (restartAt < 0) return;
      // In place: whoever holds the state keeps reading the same maps.
      restoreMap(s.values, start.values);
      if (s.correct) restoreMap(s.correct, start.correct);
      if (s.defaults) restoreMap(s.defaults, start.defaults);
      failures++;
      from = failures < TEMPLATE_CONSTRAINT_ATTEMPTS ? 0 : restartAt + 1;
    }
  };
}

export function compileRules(nodes: ProcessingNode[], env: CompileEnv): (s: ScoringState) => void {
  const rules = compileBranch(nodes, env);
  if (hasConstraint(nodes)) return constrained(rules);
  if (rules.length === 1) {
    const [only] = rules as [Rule];
    return (s) => {
      only(s);
    };
  }
  return (s) => {
    runAll(rules, s);
  };
}
