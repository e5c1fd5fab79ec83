/**
 * Item fit after calibration. Each response is compared with its predictive distribution given
 * the candidate's OTHER responses: P(x_ij = k | x_i,-j) = Σ_q π_i,-j(q) P_jk(θ_q), where π_i,-j is the
 * posterior over the quadrature nodes without item j (the idea of S-X² (Orlando & Thissen 2000),
 * which conditions on the rest score; a posterior stands in for the rest score because pretest
 * items are answered by subsets, so summed scores are not comparable). With E and Var of the item
 * score under that distribution:
 * - outfit = mean of (x - E)² / Var and infit = Σ (x - E)² / Σ Var (the mean squares of Wright &
 *   Masters 1982 with predictive moments): both 1 in expectation under the model;
 * - X² over `groups` ability groups of equal size, ordered by the rest posterior mean:
 *   Σ_g Σ_k (O_gk - E_gk)² / E_gk with E_gk the sum of the predictive probabilities (candidates with
 *   the same other responses are never split between groups); referred to a
 *   chi-square with df = groups × (K - 1) - free parameters (approximate, as for S-X²).
 */
import { chiSquareSurvival } from './chi-square.ts';
import { logProbabilities, parameterCount } from './item-params.ts';
import type { Calibration, ResponseMatrix } from './types.ts';

export interface ItemFit {
  infit: number;
  outfit: number;
  /** The grouped X² statistic, its degrees of freedom and p-value (NaN when df < 1). */
  x2: number;
  df: number;
  p: number;
}

interface Prediction {
  weight: number;
  u: number;
  /** Mean of the posterior without this item. */
  theta: number;
  p: number[];
}

export function itemFit(data: ResponseMatrix, calibration: Calibration, groups = 10): ItemFit[] {
  const { nodes, weights } = calibration.quadrature;
  const Q = nodes.length;
  const shared = calibration.sharedSlope ?? 1;
  const logP = calibration.items.map((item) => {
    const out = new Float64Array(Q * item.categories);
    for (let q = 0; q < Q; q++)
      logProbabilities(item.model, item.x, shared, nodes[q]!, out, q * item.categories);
    return out;
  });
  const predictions: Prediction[][] = calibration.items.map(() => []);
  const logW = weights.map((w) => Math.log(w));
  const full = new Float64Array(Q);
  const rest = new Float64Array(Q);
  data.rows.forEach((row, r) => {
    const weight = data.weights?.[r] ?? 1;
    for (let q = 0; q < Q; q++) full[q] = logW[q]!;
    row.forEach((u, j) => {
      if (u === null || u === undefined) return;
      const K = calibration.items[j]!.categories;
      for (let q = 0; q < Q; q++) full[q] = full[q]! + logP[j]![q * K + u]!;
    });
    row.forEach((u, j) => {
      if (u === null || u === undefined) return;
      const K = calibration.items[j]!.categories;
      let top = -Infinity;
      for (let q = 0; q < Q; q++) {
        rest[q] = full[q]! - logP[j]![q * K + u]!;
        if (rest[q]! > top) top = rest[q]!;
      }
      let sum = 0;
      for (let q = 0; q < Q; q++) {
        rest[q] = Math.exp(rest[q]! - top);
        sum += rest[q]!;
      }
      let theta = 0;
      const p = new Array<number>(K).fill(0);
      for (let q = 0; q < Q; q++) {
        const w = rest[q]! / sum;
        theta += w * nodes[q]!;
        for (let k = 0; k < K; k++) p[k] = p[k]! + w * Math.exp(logP[j]![q * K + k]!);
      }
      predictions[j]!.push({ weight, u, theta, p });
    });
  });

  return calibration.items.map((item, j) => {
    const K = item.categories;
    const list = predictions[j]!;
    let sumZ2 = 0;
    let sumSq = 0;
    let sumVar = 0;
    let n = 0;
    for (const { weight, u, p } of list) {
      const e = p.reduce((s, v, k) => s + k * v, 0);
      const v = p.reduce((s, pk, k) => s + pk * (k - e) ** 2, 0);
      if (v > 1e-12) sumZ2 += (weight * (u - e) ** 2) / v;
      sumSq += weight * (u - e) ** 2;
      sumVar += weight * v;
      n += weight;
    }
    const sorted = [...list].sort((x, y) => x.theta - y.theta);
    const perGroup = n / groups;
    let x2 = 0;
    let used = 0;
    let observed = new Array<number>(K).fill(0);
    let expected = new Array<number>(K).fill(0);
    let size = 0;
    const close = () => {
      if (size > 0) {
        for (let k = 0; k < K; k++)
          if (expected[k]! > 1e-9) x2 += (observed[k]! - expected[k]!) ** 2 / expected[k]!;
        used++;
      }
      observed = new Array<number>(K).fill(0);
      expected = new Array<number>(K).fill(0);
      size = 0;
    };
    let cumulative = 0;
    sorted.forEach(({ weight, u, p, theta }, i) => {
      observed[u] = observed[u]! + weight;
      for (let k = 0; k < K; k++) expected[k] = expected[k]! + weight * p[k]!;
      size += weight;
      cumulative += weight;
      // Candidates with the same rest posterior (the same other responses) stay in one group.
      const tie = i + 1 < sorted.length && sorted[i + 1]!.theta - theta < 1e-12;
      if (!tie && cumulative >= perGroup * (used + 1) - 1e-9 && used < groups - 1) close();
    });
    close();
    const df = used * (K - 1) - (item.anchor ? 0 : parameterCount(item.model, K));
    return {
      infit: sumVar > 0 ? sumSq / sumVar : NaN,
      outfit: n > 0 ? sumZ2 / n : NaN,
      x2,
      df,
      p: df >= 1 ? chiSquareSurvival(x2, df) : NaN,
    };
  });
}
