/**
 * The item models a CAT pool may hold. Every model uses the logistic metric D = 1 by default,
 * like the calibration in ../../analysis/irt.ts; set `D: 1.702` on an item to use parameters
 * published in the normal-ogive metric.
 */

/** Dichotomous 2PL: P(θ) = 1 / (1 + exp(-D a (θ - b))). */
export interface TwoPl {
  model: '2pl';
  a: number;
  b: number;
  D?: number;
}

/** Dichotomous 3PL: P(θ) = c + (1 - c) / (1 + exp(-D a (θ - b))). */
export interface ThreePl {
  model: '3pl';
  a: number;
  b: number;
  c: number;
  D?: number;
}

/** Generalized partial credit (Muraki 1992): categories 0..m, step difficulties b[0..m-1]. */
export interface Gpcm {
  model: 'gpcm';
  a: number;
  b: number[];
  D?: number;
}

/** Graded response (Samejima 1969): categories 0..m, increasing thresholds b[0..m-1]. */
export interface Grm {
  model: 'grm';
  a: number;
  b: number[];
  D?: number;
}

export type ItemModel = TwoPl | ThreePl | Gpcm | Grm;

/** Score category of a response: 0/1 for dichotomous items, 0..m for polytomous ones. */
export type Category = number;

/** Number of score categories of an item. */
export function categoryCount(item: ItemModel): number {
  return item.model === '2pl' || item.model === '3pl' ? 2 : item.b.length + 1;
}

/** Probabilities of each category at θ with their first and second derivatives in θ. */
export interface CategoryCurves {
  p: number[];
  dp: number[];
  d2p: number[];
}
