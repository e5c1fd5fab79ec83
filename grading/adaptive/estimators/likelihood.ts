import { curves, logProbability } from '../models/curves.ts';
import type { ScoredResponse } from './response.ts';

/** Log-likelihood of the responses at θ and the pieces the estimators need. */
export interface LikelihoodTerms {
  logLikelihood: number;
  /** d log L / dθ = Σ P'_u / P_u. */
  score: number;
  /** Test (expected Fisher) information Σ_i Σ_k P'_k² / P_k. */
  information: number;
  /** Σ_i Σ_k P'_k P''_k / P_k: the J of Warm's (1989) bias correction. */
  warmJ: number;
}

export function likelihoodTerms(responses: readonly ScoredResponse[], theta: number): LikelihoodTerms {
  let logLikelihood = 0;
  let score = 0;
  let information = 0;
  let warmJ = 0;
  for (const { item, category } of responses) {
    const { p, dp, d2p } = curves(item, theta);
    const pu = Math.max(p[category]!, 1e-300);
    logLikelihood += Math.log(pu);
    score += dp[category]! / pu;
    for (let k = 0; k < p.length; k++) {
      if (p[k]! <= 1e-300) continue;
      information += (dp[k]! * dp[k]!) / p[k]!;
      warmJ += (dp[k]! * d2p[k]!) / p[k]!;
    }
  }
  return { logLikelihood, score, information, warmJ };
}

/** Log-likelihood only (SPRT, KL and EAP need no derivatives). */
export function logLikelihood(responses: readonly ScoredResponse[], theta: number): number {
  let sum = 0;
  for (const { item, category } of responses) sum += logProbability(item, category, theta);
  return sum;
}
