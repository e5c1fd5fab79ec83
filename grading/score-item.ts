/**
 * Compile once, score many: `compileItem(item)` checks and compiles an item's template and
 * response processing; the returned scorer is pure and deterministic (random expressions use
 * the seed it is given).
 */
import type { AssessmentItem, Declaration } from '../item-bank/index.ts';
import { compileRules } from './processing/compile.ts';
import type { CompileEnv, ScoringState } from './processing/context.ts';
import { templateRules } from './processing/standard-templates.ts';
import { seededRandom } from './processing/seeded-random.ts';
import { ValueError, valueFromJson, valueFromRaw } from './values/parse-value.ts';
import { float, int, single, toJson, type QtiValue } from './values/value.ts';

export interface CompiledItem {
  identifier: string;
  declarations: Map<string, Declaration>;
  /** Scores responses given as typed values; returns every outcome variable. */
  score(responses: Map<string, QtiValue>, seed?: number): Map<string, QtiValue>;
  /** Scores responses in their JSON forms (identifier -> value); returns outcomes in JSON forms. */
  scoreJson(responses: Record<string, unknown>, seed?: number): Record<string, unknown>;
}

function initialValue(d: Declaration, defaults: Map<string, QtiValue>): QtiValue {
  const declared = defaults.get(d.identifier);
  if (declared !== undefined && declared !== null) return declared;
  if (
    d.kind === 'outcome' &&
    d.cardinality === 'single' &&
    (d.baseType === 'integer' || d.baseType === 'float') &&
    !d.lookupTable
  ) {
    return d.baseType === 'integer' ? int(0) : float(0);
  }
  return null;
}

export function compileItem(item: AssessmentItem): CompiledItem {
  const declarations = new Map(item.declarations.map((d) => [d.identifier, d]));
  const defaults = new Map(
    item.declarations.map((d) => [d.identifier, valueFromRaw(d.defaultValue, d.baseType, d.cardinality)]),
  );
  const correct = new Map(
    item.declarations.flatMap((d) =>
      d.kind === 'response'
        ? [[d.identifier, valueFromRaw(d.correctResponse, d.baseType, d.cardinality)] as const]
        : [],
    ),
  );
  const env: CompileEnv = { declarations, defaults, correct };
  const rp = item.responseProcessing;
  const responseRules = compileRules(
    rp ? (rp.template && !rp.rules.length ? templateRules(rp.template) : rp.rules) : [],
    env,
  );
  const templateRulesCompiled = item.templateProcessing
    ? compileRules(item.templateProcessing, env)
    : undefined;
  const outcomeRules = item.outcomeProcessing ? compileRules(item.outcomeProcessing, env) : undefined;
  const outcomeIds = item.declarations.filter((d) => d.kind === 'outcome').map((d) => d.identifier);

  const score = (responses: Map<string, QtiValue>, seed = 1) => {
    const state: ScoringState = { values: new Map(), random: seededRandom(seed) };
    for (const d of item.declarations)
      state.values.set(
        d.identifier,
        d.kind === 'response' ? (responses.get(d.identifier) ?? null) : initialValue(d, defaults),
      );
    state.values.set('numAttempts', int(1));
    state.values.set('duration', float(0));
    state.values.set('completionStatus', single('identifier', 'unknown'));
    templateRulesCompiled?.(state);
    responseRules(state);
    outcomeRules?.(state);
    return new Map(outcomeIds.map((id) => [id, state.values.get(id) ?? null]));
  };

  return {
    identifier: item.identifier,
    declarations,
    score,
    scoreJson(responses, seed) {
      const typed = new Map<string, QtiValue>();
      for (const [id, json] of Object.entries(responses)) {
        const d = declarations.get(id);
        if (d?.kind !== 'response') continue;
        try {
          typed.set(id, valueFromJson(json, d.baseType, d.cardinality));
        } catch (error) {
          // An answer that is not a value of its type (letters typed for a number) is no answer.
          if (!(error instanceof ValueError)) throw error;
          typed.set(id, null);
        }
      }
      return Object.fromEntries([...score(typed, seed)].map(([id, v]) => [id, toJson(v)]));
    },
  };
}
