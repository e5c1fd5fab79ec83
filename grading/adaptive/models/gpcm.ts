import type { CategoryCurves, Gpcm } from './item.ts';

/**
 * Generalized partial credit curves: P_k ∝ exp(Σ_{v≤k} D a (θ - b_v)), P_0 ∝ 1.
 * Derivatives use dP_k/dθ = D a P_k (k - E[k]) and d²P_k/dθ² = (D a)² P_k ((k - E[k])² - Var[k]).
 */
export function gpcmCurves(item: Gpcm, theta: number): CategoryCurves {
  const Da = (item.D ?? 1) * item.a;
  const m = item.b.length;
  const z = new Array<number>(m + 1);
  z[0] = 0;
  for (let k = 1; k <= m; k++) z[k] = z[k - 1]! + Da * (theta - item.b[k - 1]!);
  const top = Math.max(...z);
  let sum = 0;
  const p = z.map((v) => {
    const e = Math.exp(v - top);
    sum += e;
    return e;
  });
  let mean = 0;
  for (let k = 0; k <= m; k++) {
    p[k] = p[k]! / sum;
    mean += k * p[k]!;
  }
  let variance = 0;
  for (let k = 0; k <= m; k++) variance += (k - mean) ** 2 * p[k]!;
  const dp = p.map((pk, k) => Da * pk * (k - mean));
  const d2p = p.map((pk, k) => Da * Da * pk * ((k - mean) ** 2 - variance));
  return { p, dp, d2p };
}
