/** What compiled processing reads and writes while scoring one attempt. */
import type { Declaration, ProcessingNode } from '../../item-bank/index.ts';
import type { QtiValue } from '../values/value.ts';

export interface ScoringState {
  values: Map<string, QtiValue>;
  random: () => number;
  /** Correct responses set by template processing (setCorrectResponse) for this attempt. */
  correct?: Map<string, QtiValue>;
  /** Default values set by template processing (setDefaultValue with an expression) for this attempt. */
  defaults?: Map<string, QtiValue>;
  /** Test-level context: what test-level expressions read (absent while scoring an item). */
  test?: unknown;
}

/** Compiles test-level expressions (numberCorrect, testVariables...); present only for assessmentTests. */
export type TestExpressionCompiler = (node: ProcessingNode, env: CompileEnv) => Expression | undefined;

export interface CompileEnv {
  declarations: Map<string, Declaration>;
  /** Compiled fragments and custom operators may need to read declared defaults and keys. */
  defaults: Map<string, QtiValue>;
  correct: Map<string, QtiValue>;
  /** Set when compiling an assessmentTest's outcome processing. */
  testExpressions?: TestExpressionCompiler;
}

export type Expression = (state: ScoringState) => QtiValue;
/**
 * What a rule tells the rules around it: 'exit' (exitResponse, exitTemplate...) ends processing;
 * 'restart' (a templateConstraint that does not hold) starts template processing again.
 */
export type Rule = (state: ScoringState) => 'exit' | 'restart' | void;

export class CompileError extends Error {
  constructor(
    message: string,
    readonly node: ProcessingNode,
  ) {
    super(`<${node.name}> at line ${node.location.line}: ${message}`);
    this.name = 'CompileError';
  }
}

/** Effective truth of a condition: NULL is false, numbers are true unless 0, strings unless empty. */
export function conditionHolds(v: QtiValue): boolean {
  if (v === null) return false;
  if (v.cardinality === 'record') return Object.keys(v.fields).length > 0;
  if (v.cardinality !== 'single') return v.values.length > 0;
  const x = v.value;
  if (typeof x === 'boolean') return x;
  if (typeof x === 'number') return x !== 0 && !Number.isNaN(x);
  if (typeof x === 'string') return x !== '';
  return true;
}

/** The correct response of a variable for this attempt (template processing may have set it). */
export function correctOf(s: ScoringState, env: CompileEnv, id: string): QtiValue {
  return s.correct?.has(id) ? s.correct.get(id)! : (env.correct.get(id) ?? null);
}

/** The default value of a variable for this attempt (template processing may have set it). */
export function declaredDefault(s: ScoringState, env: CompileEnv, id: string): QtiValue {
  return s.defaults?.has(id) ? s.defaults.get(id)! : (env.defaults.get(id) ?? null);
}
