/** One simulee's outcome. */
export interface SimulatedRun {
  trueTheta: number;
  theta: number;
  se: number;
  items: string[];
}

export interface CatMetrics {
  simulees: number;
  meanItems: number;
  rmse: number;
  /** Mean of θ̂ - θ. */
  bias: number;
  /** Squared correlation of θ̂ with the true θ (empirical reliability of the simulation). */
  reliability: number;
  /** Largest share of simulees who saw any one item. */
  maxExposure: number;
  /**
   * Mean number of items two simulees share, divided by the mean test length (the test overlap
   * rate of Way 1998 / Chen, Ankenmann & Spray 2003). Computed exactly over all pairs as
   * Σ_i C(n_i, 2) / C(N, 2), n_i = simulees who saw item i.
   */
  overlapRate: number;
  /** Exposure rate of each item that was given. */
  exposure: Record<string, number>;
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((s, v) => s + v, 0) / xs.length;
}

/** Squared Pearson correlation. */
export function squaredCorrelation(x: readonly number[], y: readonly number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : 0;
}

export function catMetrics(runs: readonly SimulatedRun[]): CatMetrics {
  const N = runs.length;
  const counts = new Map<string, number>();
  for (const run of runs) for (const id of run.items) counts.set(id, (counts.get(id) ?? 0) + 1);
  const meanItems = mean(runs.map((r) => r.items.length));
  let pairsShared = 0;
  for (const n of counts.values()) pairsShared += (n * (n - 1)) / 2;
  const exposure: Record<string, number> = {};
  for (const [id, n] of counts) exposure[id] = n / N;
  return {
    simulees: N,
    meanItems,
    rmse: Math.sqrt(mean(runs.map((r) => (r.theta - r.trueTheta) ** 2))),
    bias: mean(runs.map((r) => r.theta - r.trueTheta)),
    reliability: squaredCorrelation(
      runs.map((r) => r.trueTheta),
      runs.map((r) => r.theta),
    ),
    maxExposure: Math.max(0, ...counts.values()) / N,
    overlapRate: N > 1 && meanItems > 0 ? pairsShared / ((N * (N - 1)) / 2) / meanItems : 0,
    exposure,
  };
}
