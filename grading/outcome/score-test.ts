/**
 * Test-level outcome processing, compiled once per test: `compileTest(model)` returns a scorer
 * that takes a candidate's item sessions (after response processing) and gives the test's
 * outcome variables. `sessionTotals` adds up scores per section and per category, weighted.
 */
import type { Declaration } from '../../item-bank/index.ts';
import { compileRules } from '../processing/compile.ts';
import type { CompileEnv, ScoringState } from '../processing/context.ts';
import { seededRandom } from '../processing/seeded-random.ts';
import { valueFromRaw } from '../values/parse-value.ts';
import { float, int, toJson, type QtiValue } from '../values/value.ts';
import { compileTestExpression, type ItemSessionResult, type TestContext } from './test-expressions.ts';
import type { AssessmentTestModel, TestItemRef } from './test-model.ts';

export interface CompiledTest {
  identifier: string;
  itemRefs: TestItemRef[];
  /** The test's outcome variables for one candidate's item sessions. */
  score(sessions: ItemSessionResult[], seed?: number): Map<string, QtiValue>;
  /** The same, in JSON forms. */
  scoreJson(sessions: ItemSessionResult[], seed?: number): Record<string, unknown>;
}

export function compileTest(test: AssessmentTestModel): CompiledTest {
  const declarations = new Map<string, Declaration>(test.declarations.map((d) => [d.identifier, d]));
  const defaults = new Map(
    test.declarations.map((d) => [d.identifier, valueFromRaw(d.defaultValue, d.baseType, d.cardinality)]),
  );
  const env: CompileEnv = {
    declarations,
    defaults,
    correct: new Map(),
    testExpressions: compileTestExpression,
  };
  const rules = compileRules(test.outcomeProcessing, env);
  const refs = new Map(test.itemRefs.map((r) => [r.identifier, r]));
  const score = (sessions: ItemSessionResult[], seed = 1) => {
    const context: TestContext = { refs, sessions };
    const state: ScoringState = { values: new Map(), random: seededRandom(seed), test: context };
    for (const d of test.declarations) {
      const v = defaults.get(d.identifier) ?? null;
      const numeric = d.cardinality === 'single' && (d.baseType === 'integer' || d.baseType === 'float');
      state.values.set(d.identifier, v ?? (numeric ? (d.baseType === 'integer' ? int(0) : float(0)) : null));
    }
    rules(state);
    return new Map(test.declarations.map((d) => [d.identifier, state.values.get(d.identifier) ?? null]));
  };
  return {
    identifier: test.identifier,
    itemRefs: test.itemRefs,
    score,
    scoreJson: (sessions, seed) =>
      Object.fromEntries([...score(sessions, seed)].map(([id, v]) => [id, toJson(v)])),
  };
}

/** One scored item as delivery holds it. */
export interface ScoredItem {
  sections: string[];
  categories: string[];
  /** Multiplies score and maximum; 1 when absent. */
  weight?: number;
  score: number;
  maxScore: number;
}

export interface Total {
  score: number;
  maxScore: number;
  items: number;
}

export interface SessionTotals {
  total: Total;
  /** Per section identifier (an item counts in every section that encloses it). */
  sections: Record<string, Total>;
  /** Per category (an item counts in each of its categories). */
  categories: Record<string, Total>;
}

/** Weighted totals of a candidate's scored items: overall, per section and per category. */
export function sessionTotals(items: ScoredItem[]): SessionTotals {
  const total: Total = { score: 0, maxScore: 0, items: 0 };
  const sections: Record<string, Total> = {};
  const categories: Record<string, Total> = {};
  const add = (t: Total, score: number, max: number) => {
    t.score += score;
    t.maxScore += max;
    t.items++;
  };
  for (const item of items) {
    const w = item.weight ?? 1;
    const score = item.score * w;
    const max = item.maxScore * w;
    add(total, score, max);
    for (const s of new Set(item.sections))
      add((sections[s] ??= { score: 0, maxScore: 0, items: 0 }), score, max);
    for (const c of new Set(item.categories))
      add((categories[c] ??= { score: 0, maxScore: 0, items: 0 }), score, max);
  }
  return { total, sections, categories };
}
