/**
 * Flags a reviewer should look at before a calibrated item joins an operational pool.
 * Thresholds are in the D = 1 logistic metric (a 1.0 here is 0.59 in the normal-ogive metric).
 */
import type { ItemFit } from './fit.ts';
import type { CalibratedItem } from './types.ts';

export type CalibrationFlag =
  | 'few_responses'
  | 'empty_category'
  | 'low_discrimination'
  | 'negative_discrimination'
  | 'extreme_difficulty'
  | 'high_guessing'
  | 'poor_fit'
  | 'not_converged';

export interface CalibrationThresholds {
  /** Fewer responses than this (default 200; Rasch/1PL items 100, 3PL items 500 unless set). */
  minResponses?: number;
  /** a below this (default 0.5, logistic metric). */
  minDiscrimination: number;
  /** |b| above this, any threshold (default 3). */
  maxAbsDifficulty: number;
  /** c above this (default 0.35). */
  maxGuessing: number;
  /** Infit or outfit outside [lo, hi] (default [0.7, 1.3]) ... */
  meanSquare: [number, number];
  /** ... or Q1's p-value below this (default 0.001). */
  minFitP: number;
}

export const DEFAULT_CALIBRATION_THRESHOLDS: CalibrationThresholds = {
  minDiscrimination: 0.5,
  maxAbsDifficulty: 3,
  maxGuessing: 0.35,
  meanSquare: [0.7, 1.3],
  minFitP: 0.001,
};

const MIN_RESPONSES = { rasch: 100, '1pl': 100, '2pl': 200, '3pl': 500, gpcm: 200, grm: 200 };

export function calibrationFlags(
  item: CalibratedItem,
  fit: ItemFit | undefined,
  converged: boolean,
  thresholds: Partial<CalibrationThresholds> = {},
): CalibrationFlag[] {
  const t = { ...DEFAULT_CALIBRATION_THRESHOLDS, ...thresholds };
  const flags: CalibrationFlag[] = [];
  if (item.anchor) return flags;
  if (item.n < (t.minResponses ?? MIN_RESPONSES[item.model])) flags.push('few_responses');
  if (item.counts.some((c) => c === 0)) flags.push('empty_category');
  const a = item.params.a;
  if (a < 0) flags.push('negative_discrimination');
  else if (a < t.minDiscrimination) flags.push('low_discrimination');
  const bs = typeof item.params.b === 'number' ? [item.params.b] : item.params.b;
  if (bs.some((b) => !Number.isFinite(b) || Math.abs(b) > t.maxAbsDifficulty))
    flags.push('extreme_difficulty');
  if (item.params.model === '3pl' && item.params.c > t.maxGuessing) flags.push('high_guessing');
  if (
    fit &&
    (fit.infit < t.meanSquare[0] ||
      fit.infit > t.meanSquare[1] ||
      fit.outfit < t.meanSquare[0] ||
      fit.outfit > t.meanSquare[1] ||
      fit.p < t.minFitP)
  )
    flags.push('poor_fit');
  if (!converged) flags.push('not_converged');
  return flags;
}
