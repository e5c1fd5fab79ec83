import { likelihoodTerms } from './likelihood.ts';
import type { AbilityEstimate, ScoredResponse } from './response.ts';
import { resolved, type EstimatorOptions } from './options.ts';

/**
 * Weighted likelihood (Warm 1989): the root of score(θ) + J(θ) / (2 I(θ)) = 0, found by bisection
 * inside the bounds (the function falls with θ; bisection needs no step rule and cannot diverge).
 * It is finite for all-right and all-wrong 2PL patterns; if it has no root inside the bounds the
 * bound is returned. SE = 1 / sqrt(I(θ̂)), the asymptotic SE Warm gives (catR uses the same).
 */
export function wleEstimate(
  responses: readonly ScoredResponse[],
  options?: EstimatorOptions,
): AbilityEstimate {
  const o = resolved(options);
  const f = (theta: number) => {
    const t = likelihoodTerms(responses, theta);
    return t.score + t.warmJ / (2 * t.information);
  };
  let [lo, hi] = o.bounds;
  let theta: number;
  if (responses.length === 0) theta = 0;
  else if (f(lo) <= 0) theta = lo;
  else if (f(hi) >= 0) theta = hi;
  else {
    for (let i = 0; i < 200 && hi - lo > o.tolerance; i++) {
      const mid = (lo + hi) / 2;
      if (f(mid) > 0) lo = mid;
      else hi = mid;
    }
    theta = (lo + hi) / 2;
  }
  const info = likelihoodTerms(responses, theta).information;
  return { theta, se: info > 0 ? 1 / Math.sqrt(info) : Infinity, method: 'wle' };
}
