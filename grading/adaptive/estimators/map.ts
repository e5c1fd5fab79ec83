import { likelihoodTerms } from './likelihood.ts';
import type { AbilityEstimate, ScoredResponse } from './response.ts';
import { clamp, resolved, type EstimatorOptions } from './options.ts';

/**
 * Posterior mode under a normal prior (Bayes modal, catR's "BM") by Fisher scoring;
 * SE = 1 / sqrt(I(θ̂) + 1/σ²) with the expected test information, as catR's semTheta does.
 */
export function mapEstimate(
  responses: readonly ScoredResponse[],
  options?: EstimatorOptions,
): AbilityEstimate {
  const o = resolved(options);
  const precision = 1 / (o.prior.sd * o.prior.sd);
  let theta = clamp(o.prior.mean, o.bounds);
  for (let i = 0; i < o.maxIterations; i++) {
    const t = likelihoodTerms(responses, theta);
    const step = (t.score - (theta - o.prior.mean) * precision) / (t.information + precision);
    const next = clamp(theta + Math.max(-o.maxStep, Math.min(o.maxStep, step)), o.bounds);
    const moved = Math.abs(next - theta);
    theta = next;
    if (moved < o.tolerance) break;
  }
  const info = likelihoodTerms(responses, theta).information;
  return { theta, se: 1 / Math.sqrt(info + precision), method: 'map' };
}
