/**
 * The grading engine behind delivery: each item version is compiled once and cached; SCORE is
 * the item's score and grading's `maxScoreOf` its maximum (MAXSCORE, SCORE's normalMaximum, a
 * mapping's best answer within its bounds, else what the correct response scores). Items answered in free text, files or drawings without automatic processing wait for
 * a marker (pending).
 */
import {
  compileItem,
  maxScoreOf,
  ratingOf,
  toTenPointScale,
  type CodeGrader,
  type CompiledItem,
} from '../../grading/index.ts';
import { gradeCodeItem } from '../delivery/code-items.ts';
import type { AssessmentItem } from '../../item-bank/index.ts';
import type { ItemScore, ItemScorer } from '../delivery/item-scorer.ts';

const MANUAL = new Set([
  'extendedTextInteraction',
  'uploadInteraction',
  'drawingInteraction',
  'customInteraction',
  'portableCustomInteraction',
]);

/** The QTI scorer; with a code grader, code-task items are graded in its sandboxes. */
export function createQtiScorer(options: { codeGrader?: CodeGrader } = {}): ItemScorer {
  const compiled = new Map<string, { scorer: CompiledItem; max: number; manual: boolean }>();
  return {
    scoreItem(model, responses, context): ItemScore {
      let entry = compiled.get(context.versionId);
      if (!entry) {
        const item = model as AssessmentItem;
        const automatic = Boolean(
          item.responseProcessing &&
          (item.responseProcessing.template || item.responseProcessing.rules.length),
        );
        const scorer = compileItem(item);
        entry = {
          scorer,
          max: maxScoreOf(item, scorer),
          manual: !automatic && item.interactions.some((i) => MANUAL.has(i.type)),
        };
        compiled.set(context.versionId, entry);
      }
      const outcomes = entry.scorer.scoreJson(responses ?? {}, context.seed);
      const score = typeof outcomes.SCORE === 'number' ? outcomes.SCORE : 0;
      return { outcomes, score, maxScore: entry.max, pending: entry.manual };
    },
    ...(options.codeGrader
      ? { gradeCode: (model, responses) => gradeCodeItem(options.codeGrader!, model, responses) }
      : {}),
    toTenPointScale: (raw, max, scale) => toTenPointScale(raw, max, scale),
    rate: (score) => ratingOf(score),
  };
}
