/** What compiled processing reads and writes while scoring one attempt. */
import type { Declaration, ProcessingNode } from '../../item-bank/index.ts';
import type { QtiValue } from '../values/value.ts';

export interface ScoringState {
  values: Map<string, QtiValue>;
  random: () => number;
}

export interface CompileEnv {
  declarations: Map<string, Declaration>;
  /** Compiled fragments and custom operators may need to read declared defaults and keys. */
  defaults: Map<string, QtiValue>;
  correct: Map<string, QtiValue>;
}

export type Expression = (state: ScoringState) => QtiValue;
export type Rule = (state: ScoringState) => 'exit' | void;

export class CompileError extends Error {
  constructor(
    message: string,
    readonly node: ProcessingNode,
  ) {
    super(`<${node.name}> at line ${node.location.line}: ${message}`);
    this.name = 'CompileError';
  }
}
