/**
 * Compile once, score many: `compileItem(item)` checks and compiles an item's template and
 * response processing; the returned scorer is pure and deterministic (random expressions use
 * the seed it is given).
 */
import type { AssessmentItem, Declaration } from '../item-bank/index.ts';
import { compileRules } from './processing/compile.ts';
import type { CompileEnv, ScoringState } from './processing/context.ts';
import { templateRules, type TemplateName } from './processing/standard-templates.ts';
import { seededRandom } from './processing/seeded-random.ts';
import { ValueError, valueFromJson, valueFromRaw } from './values/parse-value.ts';
import { float, int, single, toJson, valuesEqual, type QtiValue } from './values/value.ts';

export interface CompiledItem {
  identifier: string;
  declarations: Map<string, Declaration>;
  /** Scores responses given as typed values; returns every outcome variable. */
  score(responses: Map<string, QtiValue>, seed?: number): Map<string, QtiValue>;
  /**
   * Whether every response with a declared correct response matches it (numberCorrect);
   * undefined when the item declares no correct response.
   */
  isCorrect(responses: Map<string, QtiValue>): boolean | undefined;
  /** Scores responses in their JSON forms (identifier -> value); returns outcomes in JSON forms. */
  scoreJson(responses: Record<string, unknown>, seed?: number): Record<string, unknown>;
}

function initialValue(d: Declaration, defaults: Map<string, QtiValue>): QtiValue {
  const declared = defaults.get(d.identifier);
  if (declared !== undefined && declared !== null) return declared;
  if (
    d.kind === 'outcome' &&
    d.cardinality === 'single' &&
    (d.baseType === 'integer' || d.baseType === 'float')
  ) {
    return d.baseType === 'integer' ? int(0) : float(0);
  }
  return null;
}

/** The template an item names, including the non-standard match_nothing some players accept. */
function templateOf(item: AssessmentItem): TemplateName | undefined {
  const rp = item.responseProcessing;
  if (!rp || rp.rules.length) return undefined;
  if (rp.template) return rp.template;
  const last = rp.templateUri
    ?.trim()
    .split(/[/\\]/)
    .pop()
    ?.replace(/\.xml$/i, '')
    .toLowerCase();
  return last === 'match_nothing' ? 'match_nothing' : undefined;
}

export function compileItem(item: AssessmentItem): CompiledItem {
  const template = templateOf(item);
  const itemDeclarations: Declaration[] = [...item.declarations];
  // The templates set SCORE; engines declare it implicitly when an item using one forgets to.
  if (template && !itemDeclarations.some((d) => d.identifier === 'SCORE'))
    itemDeclarations.push({
      kind: 'outcome',
      identifier: 'SCORE',
      cardinality: 'single',
      baseType: 'float',
      location: item.location,
    });
  const declarations = new Map(itemDeclarations.map((d) => [d.identifier, d]));
  const defaults = new Map(
    itemDeclarations.map((d) => [d.identifier, valueFromRaw(d.defaultValue, d.baseType, d.cardinality)]),
  );
  const correct = new Map(
    itemDeclarations.flatMap((d) =>
      d.kind === 'response'
        ? [[d.identifier, valueFromRaw(d.correctResponse, d.baseType, d.cardinality)] as const]
        : [],
    ),
  );
  const env: CompileEnv = { declarations, defaults, correct };
  const responseRules = compileRules(
    template ? templateRules(template) : (item.responseProcessing?.rules ?? []),
    env,
  );
  const templateRulesCompiled = item.templateProcessing
    ? compileRules(item.templateProcessing, env)
    : undefined;
  const outcomeRules = item.outcomeProcessing ? compileRules(item.outcomeProcessing, env) : undefined;
  const outcomeIds = itemDeclarations.filter((d) => d.kind === 'outcome').map((d) => d.identifier);

  const score = (responses: Map<string, QtiValue>, seed = 1) => {
    const state: ScoringState = { values: new Map(), random: seededRandom(seed) };
    for (const d of itemDeclarations)
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

  const keyed = [...correct].filter((entry): entry is [string, NonNullable<QtiValue>] => entry[1] !== null);
  return {
    identifier: item.identifier,
    declarations,
    score,
    isCorrect(responses) {
      if (!keyed.length) return undefined;
      return keyed.every(([id, key]) => valuesEqual(responses.get(id) ?? null, key));
    },
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
      const out: Record<string, unknown> = {};
      for (const [id, v] of score(typed, seed)) out[id] = toJson(v);
      return out;
    },
  };
}
