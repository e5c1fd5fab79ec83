import { dichotomousCurves, dichotomousInformation, probabilityCorrect } from './dichotomous.ts';
import { gpcmCurves } from './gpcm.ts';
import { grmCurves } from './grm.ts';
import type { CategoryCurves, ItemModel } from './item.ts';

/** Category probabilities and their derivatives for any pool model. */
export function curves(item: ItemModel, theta: number): CategoryCurves {
  switch (item.model) {
    case '2pl':
    case '3pl':
      return dichotomousCurves(item, theta);
    case 'gpcm':
      return gpcmCurves(item, theta);
    case 'grm':
      return grmCurves(item, theta);
  }
}

/** Probability of each category at θ. */
export function categoryProbabilities(item: ItemModel, theta: number): number[] {
  return curves(item, theta).p;
}

/**
 * Fisher information I(θ) = Σ_k P'_k² / P_k (Samejima 1969), which reduces to the closed forms of
 * each model; dichotomous items take the allocation-free closed form because selection calls it
 * for every pool item at every step.
 */
export function information(item: ItemModel, theta: number): number {
  if (item.model === '2pl' || item.model === '3pl') return dichotomousInformation(item, theta);
  const { p, dp } = curves(item, theta);
  let info = 0;
  for (let k = 0; k < p.length; k++) if (p[k]! > 1e-300) info += (dp[k]! * dp[k]!) / p[k]!;
  return info;
}

/** log P(category | θ), without building the curves for dichotomous items (EAP calls it per node). */
export function logProbability(item: ItemModel, category: number, theta: number): number {
  if (item.model === '2pl' || item.model === '3pl') {
    const p = probabilityCorrect(item, theta);
    return Math.log(Math.max(category === 1 ? p : 1 - p, 1e-300));
  }
  return Math.log(Math.max(curves(item, theta).p[category]!, 1e-300));
}
