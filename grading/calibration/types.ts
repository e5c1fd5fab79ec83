import type { ItemModel } from '../adaptive/models/item.ts';
import type { CalibrationModel } from './item-params.ts';

/** One column of a response matrix. */
export interface CalibrationItemSpec {
  id: string;
  model: CalibrationModel;
  /** Score categories 0..K-1; default 2 for dichotomous models, the highest observed + 1 otherwise. */
  categories?: number;
  /**
   * An anchor: its parameters on the bank's scale, held fixed during estimation, so the new items
   * and the ability distribution (mean and SD then estimated) come out on the bank's scale.
   */
  anchor?: ItemModel;
}

/** Responses as score categories (0/1, or 0..m), null where the item was not presented. */
export interface ResponseMatrix {
  items: CalibrationItemSpec[];
  rows: (number | null)[][];
  /** Frequency of each row (response-pattern counts); default 1. */
  weights?: number[];
}

export interface Priors {
  /** log a ~ N(meanLog, sdLog²) on free slopes; default for 3PL items only: N(0, 0.5²) (BILOG-MG). */
  a?: { meanLog: number; sdLog: number } | null;
  /** c ~ Beta(alpha, beta) on 3PL asymptotes; default Beta(5, 17): mean 0.2 weighing 20 responses (BILOG-MG). */
  c?: { alpha: number; beta: number } | null;
}

export interface EstimationOptions {
  /** Rectangular quadrature on [-range, range]; default 61 points on [-6, 6], as ../analysis/irt.ts. */
  points?: number;
  range?: number;
  maxIterations?: number;
  /** Stop when no parameter (slope–intercept metric), latent mean or SD moves more than this in a cycle; default 1e-5. */
  tolerance?: number;
  priors?: Priors;
  /**
   * The ability distribution: fixed N(0, 1) (the scale's definition) unless there are anchors,
   * then its mean and SD are estimated (fixed-parameter calibration). `fixed` forces N(0, 1).
   */
  latent?: 'fixed' | 'estimate';
}

export interface CalibratedItem {
  id: string;
  model: CalibrationModel;
  /** Parameters as the CAT pool takes them (D = 1): a, b (thresholds for GPCM/GRM), c for 3PL. */
  params: ItemModel;
  /** Slope–intercept vector the estimation used. */
  x: number[];
  categories: number;
  /** Responses (sum of row weights) and their count per category. */
  n: number;
  counts: number[];
  anchor: boolean;
}

export interface Calibration {
  items: CalibratedItem[];
  /** The 1PL items' common slope (when there are any). */
  sharedSlope?: number;
  /** Marginal log-likelihood (priors not included) at the estimates. */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  sampleSize: number;
  /** Ability distribution on the calibrated scale: N(0, 1) unless anchors set it. */
  latent: { mean: number; sd: number };
  /** EAP ability and posterior SD of each row. */
  persons: { theta: number; se: number }[];
  quadrature: { nodes: number[]; weights: number[] };
}
