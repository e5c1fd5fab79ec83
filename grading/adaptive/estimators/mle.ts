import { eapEstimate } from './eap.ts';
import { likelihoodTerms } from './likelihood.ts';
import { patternKind } from './pattern.ts';
import type { AbilityEstimate, ScoredResponse } from './response.ts';
import { clamp, resolved, type EstimatorOptions } from './options.ts';

/**
 * Maximum likelihood by Fisher scoring (θ += score / I, each step at most maxStep, kept in the
 * bounds); SE = 1 / sqrt(I(θ̂)). Before the pattern is mixed the MLE does not exist, so the
 * `mleFallback` rule answers (EAP by default).
 */
export function mleEstimate(
  responses: readonly ScoredResponse[],
  options?: EstimatorOptions,
): AbilityEstimate {
  const o = resolved(options);
  const kind = patternKind(responses);
  if (kind !== 'mixed' || responses.length === 0) {
    if (o.mleFallback === 'eap')
      return { ...eapEstimate(responses, options), method: 'mle', fallback: 'eap' };
    const theta = kind === 'low' ? o.bounds[0] : o.bounds[1];
    const info = likelihoodTerms(responses, theta).information;
    return { theta, se: info > 0 ? 1 / Math.sqrt(info) : Infinity, method: 'mle', fallback: 'bound' };
  }
  let theta = clamp(0, o.bounds);
  for (let i = 0; i < o.maxIterations; i++) {
    const t = likelihoodTerms(responses, theta);
    if (!(t.information > 0)) break;
    const step = Math.max(-o.maxStep, Math.min(o.maxStep, t.score / t.information));
    const next = clamp(theta + step, o.bounds);
    const moved = Math.abs(next - theta);
    theta = next;
    if (moved < o.tolerance) break;
  }
  const info = likelihoodTerms(responses, theta).information;
  return { theta, se: 1 / Math.sqrt(info), method: 'mle' };
}
