import type { CategoryCurves, Grm } from './item.ts';
import { logistic } from './logistic.ts';

/**
 * Graded response curves: P_k = P*_k - P*_{k+1} with the boundary curves
 * P*_k = 1 / (1 + exp(-D a (θ - b_k))), P*_0 = 1 and P*_{m+1} = 0.
 */
export function grmCurves(item: Grm, theta: number): CategoryCurves {
  const Da = (item.D ?? 1) * item.a;
  const m = item.b.length;
  const star = [1];
  const dstar = [0];
  const d2star = [0];
  for (let k = 0; k < m; k++) {
    const s = logistic(Da * (theta - item.b[k]!));
    star.push(s);
    dstar.push(Da * s * (1 - s));
    d2star.push(Da * Da * s * (1 - s) * (1 - 2 * s));
  }
  star.push(0);
  dstar.push(0);
  d2star.push(0);
  const p: number[] = [];
  const dp: number[] = [];
  const d2p: number[] = [];
  for (let k = 0; k <= m; k++) {
    p.push(star[k]! - star[k + 1]!);
    dp.push(dstar[k]! - dstar[k + 1]!);
    d2p.push(d2star[k]! - d2star[k + 1]!);
  }
  return { p, dp, d2p };
}
