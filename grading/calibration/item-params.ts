/**
 * Calibration models in slope–intercept form (D = 1, the metric of ../analysis/irt.ts and of the
 * CAT pool): the vector x an M-step optimises for one item, its category log-probabilities at θ,
 * and the conversion to and from the CAT pool's item models (a, b, c).
 *
 * - rasch: x = [d], a = 1;  1pl: x = [d], one slope shared by every 1PL item;
 * - 2pl: x = [a, d], P = σ(aθ + d), b = -d/a;
 * - 3pl: x = [a, d, γ], c = σ(γ), P = c + (1 - c) σ(aθ + d);
 * - gpcm: x = [a, d_1..d_m], log P_k ∝ Σ_{v≤k} (aθ + d_v), b_v = -d_v/a (Muraki 1992);
 * - grm: x = [a, d_1..d_m], d_1 > … > d_m, P*_k = σ(aθ + d_k), P_k = P*_k - P*_{k+1}, b_k = -d_k/a.
 */
import type { ItemModel } from '../adaptive/models/item.ts';

export type CalibrationModel = 'rasch' | '1pl' | '2pl' | '3pl' | 'gpcm' | 'grm';

export const DICHOTOMOUS: readonly CalibrationModel[] = ['rasch', '1pl', '2pl', '3pl'];

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const logSigmoid = (z: number) => (z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z)));
const FLOOR = -690; // log(1e-300)

/** Number of free parameters of one item (the 1PL's shared slope not counted). */
export function parameterCount(model: CalibrationModel, categories: number): number {
  switch (model) {
    case 'rasch':
    case '1pl':
      return 1;
    case '2pl':
      return 2;
    case '3pl':
      return 3;
    default:
      return categories; // a and m = categories - 1 intercepts
  }
}

/** Slope of the item: x[0], or the shared slope for 1PL, or 1 for Rasch. */
export function slopeOf(model: CalibrationModel, x: ArrayLike<number>, shared: number): number {
  return model === 'rasch' ? 1 : model === '1pl' ? shared : x[0]!;
}

/**
 * Writes log P(k | θ) for k = 0..K-1 into out[offset..offset+K).
 */
export function logProbabilities(
  model: CalibrationModel,
  x: ArrayLike<number>,
  shared: number,
  theta: number,
  out: Float64Array,
  offset = 0,
): void {
  switch (model) {
    case 'rasch':
    case '1pl': {
      const z = slopeOf(model, x, shared) * theta + x[0]!;
      out[offset] = logSigmoid(-z);
      out[offset + 1] = logSigmoid(z);
      return;
    }
    case '2pl': {
      const z = x[0]! * theta + x[1]!;
      out[offset] = logSigmoid(-z);
      out[offset + 1] = logSigmoid(z);
      return;
    }
    case '3pl': {
      const c = sigmoid(x[2]!);
      const p = c + (1 - c) * sigmoid(x[0]! * theta + x[1]!);
      out[offset] = p >= 1 ? FLOOR : Math.log(1 - p);
      out[offset + 1] = Math.log(p);
      return;
    }
    case 'gpcm': {
      const a = x[0]!;
      const m = x.length - 1;
      let z = 0;
      let top = 0;
      out[offset] = 0;
      for (let k = 1; k <= m; k++) {
        z += a * theta + x[k]!;
        out[offset + k] = z;
        if (z > top) top = z;
      }
      let sum = 0;
      for (let k = 0; k <= m; k++) sum += Math.exp(out[offset + k]! - top);
      const log = top + Math.log(sum);
      for (let k = 0; k <= m; k++) out[offset + k] = out[offset + k]! - log;
      return;
    }
    case 'grm': {
      const a = x[0]!;
      const m = x.length - 1;
      let upper = 1;
      for (let k = 0; k <= m; k++) {
        const lower = k < m ? sigmoid(a * theta + x[k + 1]!) : 0;
        const p = upper - lower;
        out[offset + k] = p > 1e-300 ? Math.log(p) : FLOOR;
        upper = lower;
      }
      return;
    }
  }
}

/** Starting values: intercepts from the observed category proportions, slope 1, c = 0.2. */
export function startingValues(model: CalibrationModel, counts: number[]): number[] {
  const total = counts.reduce((s, v) => s + v, 0) || 1;
  const logit = (p: number) => {
    const q = Math.min(0.99, Math.max(0.01, p));
    return Math.log(q / (1 - q));
  };
  const m = counts.length - 1;
  switch (model) {
    case 'rasch':
    case '1pl':
      return [logit(counts[1]! / total)];
    case '2pl':
      return [1, logit(counts[1]! / total)];
    case '3pl':
      return [1, logit((counts[1]! / total - 0.2) / 0.8), Math.log(0.2 / 0.8)];
    case 'grm': {
      // d_k = logit P(X >= k), kept strictly decreasing.
      const x = [1];
      let above = total;
      for (let k = 1; k <= m; k++) {
        above -= counts[k - 1]!;
        const d = logit(above / total);
        x.push(k > 1 ? Math.min(d, x[k - 1]! - 0.1) : d);
      }
      return x;
    }
    case 'gpcm': {
      // d_k = log(n_k / n_{k-1}) with empty categories smoothed.
      const x = [1];
      for (let k = 1; k <= m; k++)
        x.push(Math.max(-4, Math.min(4, Math.log((counts[k]! + 0.5) / (counts[k - 1]! + 0.5)))));
      return x;
    }
  }
}

/** The CAT pool's item model (D = 1) of calibrated parameters. */
export function toItemModel(model: CalibrationModel, x: ArrayLike<number>, shared: number): ItemModel {
  const a = slopeOf(model, x, shared);
  switch (model) {
    case 'rasch':
    case '1pl':
      return { model: '2pl', a, b: -x[0]! / a };
    case '2pl':
      return { model: '2pl', a, b: -x[1]! / a };
    case '3pl':
      return { model: '3pl', a, b: -x[1]! / a, c: sigmoid(x[2]!) };
    case 'gpcm':
      return {
        model: 'gpcm',
        a,
        b: Array.from(x)
          .slice(1)
          .map((d) => -d / a),
      };
    case 'grm':
      return {
        model: 'grm',
        a,
        b: Array.from(x)
          .slice(1)
          .map((d) => -d / a),
      };
  }
}

/** The calibration model and vector of a known item (an anchor): D folded into the slope. */
export function fromItemModel(item: ItemModel): { model: CalibrationModel; x: number[] } {
  const a = (item.D ?? 1) * item.a;
  switch (item.model) {
    case '2pl':
      return { model: '2pl', x: [a, -a * item.b] };
    case '3pl': {
      const c = Math.min(1 - 1e-9, Math.max(1e-9, item.c));
      return { model: '3pl', x: [a, -a * item.b, Math.log(c / (1 - c))] };
    }
    case 'gpcm':
    case 'grm':
      return { model: item.model, x: [a, ...item.b.map((b) => -a * b)] };
  }
}
