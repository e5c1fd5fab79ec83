/**
 * The grading engine behind delivery: each item version is compiled once and cached; SCORE is
 * the item's score and MAXSCORE (or SCORE's normalMaximum, or what the template implies) its
 * maximum. Items answered in free text, files or drawings without automatic processing wait for
 * a marker (pending).
 */
import {
  compileItem,
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

function maxScoreOf(item: AssessmentItem): number {
  const max = item.declarations.find((d) => d.identifier === 'MAXSCORE' && d.kind === 'outcome');
  const fromMax = max?.defaultValue?.[0] ? Number(max.defaultValue[0].text) : undefined;
  if (fromMax !== undefined && Number.isFinite(fromMax)) return fromMax;
  const score = item.declarations.find((d) => d.identifier === 'SCORE' && d.kind === 'outcome');
  if (score?.kind === 'outcome' && score.normalMaximum !== undefined) return score.normalMaximum;
  const template = item.responseProcessing?.template;
  const response = item.declarations.find((d) => d.identifier === 'RESPONSE');
  if (template === 'map_response' && response?.kind === 'response' && response.mapping) {
    const positive = response.mapping.entries.reduce((sum, e) => sum + Math.max(0, e.mappedValue), 0);
    return Math.min(response.mapping.upperBound ?? Infinity, positive);
  }
  if (template === 'map_response_point' && response?.kind === 'response' && response.areaMapping) {
    const positive = response.areaMapping.entries.reduce((sum, e) => sum + Math.max(0, e.mappedValue), 0);
    return Math.min(response.areaMapping.upperBound ?? Infinity, positive);
  }
  return 1;
}

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
        entry = {
          scorer: compileItem(item),
          max: maxScoreOf(item),
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
