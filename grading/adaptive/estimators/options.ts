/** Settings shared by the ability estimators. */
export interface EstimatorOptions {
  /** Estimates are kept inside [lower, upper]; default [-4, 4]. */
  bounds?: readonly [number, number];
  /** Normal prior of MAP and EAP; default N(0, 1). */
  prior?: { mean: number; sd: number };
  /** EAP rectangular quadrature: points on mean ± range·sd; default 41 points (a step of 0.2), range 4. */
  quadrature?: { points: number; range: number };
  /** Largest Newton / Fisher-scoring step in θ; default 1. */
  maxStep?: number;
  maxIterations?: number;
  tolerance?: number;
  /**
   * What MLE does before the pattern is mixed (all responses in the lowest or all in the highest
   * category, where the likelihood has no maximum): 'eap' (default) reports the EAP estimate and
   * its posterior SD; 'bound' reports the bound on the side of the pattern.
   */
  mleFallback?: 'eap' | 'bound';
}

export const DEFAULT_BOUNDS: readonly [number, number] = [-4, 4];

export function resolved(options: EstimatorOptions = {}) {
  return {
    bounds: options.bounds ?? DEFAULT_BOUNDS,
    prior: options.prior ?? { mean: 0, sd: 1 },
    quadrature: options.quadrature ?? { points: 41, range: 4 },
    maxStep: options.maxStep ?? 1,
    maxIterations: options.maxIterations ?? 100,
    tolerance: options.tolerance ?? 1e-10,
    mleFallback: options.mleFallback ?? 'eap',
  };
}

export const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x));
