import type { ThreePl, TwoPl, CategoryCurves } from './item.ts';
import { logistic } from './logistic.ts';

/** P(correct | θ) of a 2PL or 3PL item. */
export function probabilityCorrect(item: TwoPl | ThreePl, theta: number): number {
  const c = item.model === '3pl' ? item.c : 0;
  return c + (1 - c) * logistic((item.D ?? 1) * item.a * (theta - item.b));
}

/**
 * Fisher information of a 2PL/3PL item (Birnbaum 1968; Baker & Kim 2004, ch. 5):
 * I(θ) = (D a)² (Q / P) ((P - c) / (1 - c))².  For c = 0 this is (D a)² P Q.
 */
export function dichotomousInformation(item: TwoPl | ThreePl, theta: number): number {
  const c = item.model === '3pl' ? item.c : 0;
  const Da = (item.D ?? 1) * item.a;
  const l = logistic(Da * (theta - item.b));
  if (c === 0) return Da * Da * l * (1 - l);
  const p = c + (1 - c) * l;
  const q = 1 - p;
  if (p <= 0 || q <= 0) return 0;
  const r = (p - c) / (1 - c);
  return Da * Da * (q / p) * r * r;
}

/** Category curves [wrong, right] with first and second derivatives. */
export function dichotomousCurves(item: TwoPl | ThreePl, theta: number): CategoryCurves {
  const c = item.model === '3pl' ? item.c : 0;
  const Da = (item.D ?? 1) * item.a;
  const l = logistic(Da * (theta - item.b));
  const p = c + (1 - c) * l;
  const dp = (1 - c) * Da * l * (1 - l);
  const d2p = (1 - c) * Da * Da * l * (1 - l) * (1 - 2 * l);
  return { p: [1 - p, p], dp: [-dp, dp], d2p: [-d2p, d2p] };
}
