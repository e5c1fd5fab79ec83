/**
 * An item's maximum score: for a code item, its tasks' points (which the grader scales the tests'
 * weights to; the reader gives every imported task its points); otherwise what its model declares (item-bank's `declaredMaxScore`: MAXSCORE,
 * SCORE's normalMaximum, the bounds of its mapping), else, for processing too involved to read
 * (scores accumulated over several responses), what its correct response scores when every
 * response has one, else 1.
 */
import { declaredMaxScore, type AssessmentItem } from '../item-bank/index.ts';
import { compileItem, type CompiledItem } from './score-item.ts';
import { valueFromRaw } from './values/parse-value.ts';
import type { QtiValue } from './values/value.ts';

/** The responses an item declares correct; undefined unless every response declares one. */
export function correctResponses(item: AssessmentItem): Map<string, QtiValue> | undefined {
  const responses = item.declarations.filter((d) => d.kind === 'response');
  if (!responses.length || responses.some((d) => !d.correctResponse?.length)) return undefined;
  return new Map(
    responses.map((d) => [d.identifier, valueFromRaw(d.correctResponse, d.baseType, d.cardinality)]),
  );
}

export function maxScoreOf(item: AssessmentItem, compiled: CompiledItem): number {
  // A code item scores what its tasks' graders give, each out of its task's points.
  const tasks = item.codeTasks ?? [];
  if (tasks.length && tasks.every((t) => t.task.maxScore !== undefined))
    return tasks.reduce((sum, t) => sum + (t.task.maxScore ?? 0), 0);
  const declared = declaredMaxScore(item);
  if (declared !== undefined) return declared;
  const correct = correctResponses(item);
  if (correct) {
    try {
      const score = compiled.score(correct).get('SCORE');
      if (score?.cardinality === 'single' && typeof score.value === 'number' && score.value > 0)
        return score.value;
    } catch {
      // Processing that cannot run on its own key says nothing about the maximum.
    }
  }
  return 1;
}

/** `maxScoreOf` for an item not compiled yet; an item that does not compile scores at most what it declares, else 1. */
export function maxScoreOfItem(item: AssessmentItem): number {
  let compiled: CompiledItem;
  try {
    compiled = compileItem(item);
  } catch {
    return declaredMaxScore(item) ?? 1;
  }
  return maxScoreOf(item, compiled);
}
