/**
 * Compiles processing trees once per item version into closures. Unknown elements, undeclared
 * variables and malformed values are reported here, with the element and its line, not while
 * scoring. Custom operators come from a registry.
 */
import type { ProcessingNode } from '../../item-bank/index.ts';
import type { QtiValue } from '../values/value.ts';
import { CompileError, type CompileEnv, type Expression, type Rule, type ScoringState } from './context.ts';
import { EXPRESSIONS } from './expressions.ts';
import { lookupTarget } from './lookup.ts';

export type CustomOperator = (args: QtiValue[], node: ProcessingNode) => QtiValue;

const firstString = (args: QtiValue[]) => {
  const v = args[0];
  return v && v.cardinality === 'single' ? String(v.value) : undefined;
};
const trim: CustomOperator = (args) => {
  const text = firstString(args);
  return text === undefined ? null : { cardinality: 'single', baseType: 'string', value: text.trim() };
};
const parseCommaDecimal: CustomOperator = (args) => {
  const text = firstString(args)?.trim().replace(',', '.');
  const n = text === undefined || text === '' ? NaN : Number(text);
  return Number.isFinite(n) ? { cardinality: 'single', baseType: 'float', value: n } : null;
};

/** Custom operators by class name; the ones common in Dutch and Vietnamese item banks are built in. */
export const customOperators = new Map<string, CustomOperator>([
  ['qade:Trim', trim],
  ['depcp:Trim', trim],
  ['depcp:ParseCommaDecimal', parseCommaDecimal],
  ['qade:ParseCommaDecimal', parseCommaDecimal],
]);

export function compileExpression(node: ProcessingNode, env: CompileEnv): Expression {
  if (node.name === 'customOperator') {
    const key = node.attributes.class ?? node.attributes.definition ?? '';
    const op = customOperators.get(key);
    if (!op) throw new CompileError(`no custom operator is registered for "${key}"`, node);
    const args = node.children.map((c) => compileExpression(c, env));
    return (s) =>
      op(
        args.map((a) => a(s)),
        node,
      );
  }
  const compiler = EXPRESSIONS[node.name];
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

function runAll(rules: Rule[], s: ScoringState): 'exit' | void {
  for (const rule of rules) if (rule(s) === 'exit') return 'exit';
}

function setValue(node: ProcessingNode, env: CompileEnv): Rule {
  const id = node.attributes.identifier ?? '';
  const declaration = env.declarations.get(id);
  if (!declaration) throw new CompileError(`the variable ${id} is not declared`, node);
  const expr = compileExpression(node.children[0] ?? fail(node, 'needs an expression'), env);
  const asFloat = declaration.baseType === 'float';
  const asInteger = declaration.baseType === 'integer';
  return (s) => {
    let v = expr(s);
    // A float variable set from an integer expression holds a float (and the reverse truncates).
    if (v && v.cardinality === 'single' && typeof v.value === 'number') {
      if (asFloat && v.baseType !== 'float') v = { ...v, baseType: 'float' };
      else if (asInteger && v.baseType !== 'integer')
        v = { ...v, baseType: 'integer', value: Math.trunc(v.value) };
    }
    s.values.set(id, v);
  };
}

function fail(node: ProcessingNode, message: string): never {
  throw new CompileError(message, node);
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
          if (!b.test) return runAll(b.body, s);
          const v = b.test(s);
          if (v && v.cardinality === 'single' && v.value === true) return runAll(b.body, s);
        }
      };
    }
    case 'setDefaultValue':
      if (!node.children.length) {
        // Without an expression: put the variable back to its declared default.
        const id = node.attributes.identifier ?? '';
        if (!env.declarations.has(id)) throw new CompileError(`the variable ${id} is not declared`, node);
        return (s) => {
          s.values.set(id, env.defaults.get(id) ?? null);
        };
      }
      return setValue(node, env);
    case 'setOutcomeValue':
    case 'setTemplateValue':
    case 'setCorrectResponse':
    case 'setResponseValue':
      return setValue(node, env);
    case 'lookupOutcomeValue': {
      const id = node.attributes.identifier ?? '';
      const declaration = env.declarations.get(id);
      if (declaration?.kind !== 'outcome' || !declaration.lookupTable)
        throw new CompileError(`${id} has no lookup table`, node);
      const expr = compileExpression(node.children[0] ?? fail(node, 'needs an expression'), env);
      return (s) => {
        s.values.set(id, lookupTarget(declaration, expr(s)));
      };
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
    default:
      throw new CompileError('unknown rule', node);
  }
}

export function compileRules(nodes: ProcessingNode[], env: CompileEnv): (s: ScoringState) => void {
  const rules = compileBranch(nodes, env);
  return (s) => {
    runAll(rules, s);
  };
}
