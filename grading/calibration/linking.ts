/**
 * Linking a separately calibrated form to the bank's scale through anchor items (items with
 * parameters on both scales): θ_bank = A θ_new + B, so a* = a / A, b* = A b + B, c* = c
 * (Kolen & Brennan 2014, ch. 6).
 * - mean/sigma (Marco 1977): A = sd(b_bank) / sd(b_new), B = mean(b_bank) - A mean(b_new), over
 *   every anchor difficulty (each threshold of a polytomous anchor);
 * - Stocking–Lord (1983): A and B minimising Σ_q w_q (Σ_j E_j(θ_q; bank) - Σ_j E_j(θ_q; new*))²,
 *   the squared distance of the anchors' test characteristic curves, on a grid of bank-scale
 *   abilities (default 41 points on [-4, 4] weighted by N(0, 1)), started from mean/sigma.
 * The alternative, fixing anchor parameters during estimation, is `anchor` in ./estimate.ts.
 */
import { categoryProbabilities } from '../adaptive/models/curves.ts';
import type { ItemModel } from '../adaptive/models/item.ts';
import { maximise } from './newton.ts';

export interface LinkingConstants {
  A: number;
  B: number;
}

export interface AnchorPair {
  bank: ItemModel;
  /** The same item's parameters from the new calibration. */
  new: ItemModel;
}

const thresholds = (item: ItemModel) => (typeof item.b === 'number' ? [item.b] : item.b);

/** Parameters of a new-scale item on the bank's scale. */
export function transformItem(item: ItemModel, { A, B }: LinkingConstants): ItemModel {
  switch (item.model) {
    case '2pl':
    case '3pl':
      return { ...item, a: item.a / A, b: A * item.b + B };
    case 'gpcm':
    case 'grm':
      return { ...item, a: item.a / A, b: item.b.map((b) => A * b + B) };
  }
}

function moments(list: number[]) {
  const mean = list.reduce((s, v) => s + v, 0) / list.length;
  const sd = Math.sqrt(list.reduce((s, v) => s + (v - mean) ** 2, 0) / list.length);
  return { mean, sd };
}

export function meanSigma(anchors: AnchorPair[]): LinkingConstants {
  if (anchors.length < 2) throw new Error('mean/sigma needs at least two anchor items');
  const bank = moments(anchors.flatMap((p) => thresholds(p.bank)));
  const fresh = moments(anchors.flatMap((p) => thresholds(p.new)));
  const A = bank.sd / fresh.sd;
  return { A, B: bank.mean - A * fresh.mean };
}

const expectedScore = (item: ItemModel, theta: number) =>
  categoryProbabilities(item, theta).reduce((s, p, k) => s + k * p, 0);

export function stockingLord(
  anchors: AnchorPair[],
  grid: { points?: number; range?: number } = {},
): LinkingConstants & { criterion: number } {
  const points = grid.points ?? 41;
  const range = grid.range ?? 4;
  const nodes = Array.from({ length: points }, (_, q) => -range + (2 * range * q) / (points - 1));
  const dens = nodes.map((t) => Math.exp(-0.5 * t * t));
  const total = dens.reduce((s, v) => s + v, 0);
  const w = dens.map((v) => v / total);
  const target = nodes.map((t) => anchors.reduce((s, p) => s + expectedScore(p.bank, t), 0));
  const criterion = (A: number, B: number) =>
    nodes.reduce((s, t, q) => {
      const tcc = anchors.reduce((sum, p) => sum + expectedScore(transformItem(p.new, { A, B }), t), 0);
      return s + w[q]! * (target[q]! - tcc) ** 2;
    }, 0);
  const start = meanSigma(anchors);
  // A = exp(α) keeps the slope ratio positive.
  const [alpha, B] = maximise(([al, b]) => -criterion(Math.exp(al!), b!), [Math.log(start.A), start.B], {
    steps: 100,
    maxStep: 0.5,
    tolerance: 1e-12,
  });
  const A = Math.exp(alpha!);
  return { A, B: B!, criterion: criterion(A, B!) };
}
