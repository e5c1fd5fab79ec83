/**
 * Estimation and linking as one step, the rule `npm run calibrate` and the author page's route share
 * (through engine/results/commands/calibrate-items.ts): with anchors and `fixed` linking the anchors'
 * parameters are held during estimation (the new items and the ability distribution come out on the
 * bank's scale); with `mean-sigma` or `stocking-lord` every item is estimated freely and the new items
 * are then moved to the bank's scale by the constants the anchors give (the anchors keep their bank
 * parameters); `none` (or no anchor) estimates on N(0, 1). With `recalibrate` (mean/sigma or
 * Stocking–Lord only) the anchors are re-estimated too: every item is estimated freely, the constants
 * come from the anchors' stored against their fresh parameters, and every item, anchors included, gets
 * its fresh estimate moved to the bank's scale (the usual recalibration of a bank's items: the stored
 * parameters define the scale, the new ones are put on it). Fixed linking cannot re-estimate an item
 * whose parameters it holds, so it refuses `recalibrate`. Pure.
 */
import { calibrateItems, type CalibrationReport } from './calibrate-items.ts';
import type { CalibrationThresholds } from './flags.ts';
import { meanSigma, stockingLord, transformItem, type LinkingConstants } from './linking.ts';
import type { ItemModel } from '../adaptive/models/item.ts';
import type { EstimationOptions, ResponseMatrix } from './types.ts';

export const LINK_METHODS = ['fixed', 'mean-sigma', 'stocking-lord', 'none'] as const;
export type LinkMethod = (typeof LINK_METHODS)[number];

export interface Linking {
  /** The method used: the one asked for, or `none` when no column had anchor parameters. */
  method: LinkMethod;
  anchors: number;
  /** Fixed linking: the ability distribution on the bank's scale. */
  mean?: number;
  sd?: number;
  /** Mean/sigma and Stocking–Lord: θ_bank = A·θ_new + B. */
  A?: number;
  B?: number;
  /** The anchors were re-estimated too (on the bank's scale), not kept at their stored parameters. */
  recalibrated?: boolean;
}

export class LinkingError extends Error {
  constructor(
    readonly code: 'too_few_anchors' | 'recalibrate_fixed',
    message: string,
  ) {
    super(message);
    this.name = 'LinkingError';
  }
}

export function estimateAndLink(
  matrix: ResponseMatrix,
  anchors: ReadonlyMap<string, ItemModel>,
  link: LinkMethod,
  options: EstimationOptions & { thresholds?: Partial<CalibrationThresholds>; recalibrate?: boolean } = {},
): { report: CalibrationReport; linking: Linking } {
  const anchored = matrix.items.filter((i) => anchors.has(i.id)).length;
  const base = { method: anchored ? link : 'none', anchors: anchored } as const;
  if (options.recalibrate && anchored && link === 'fixed')
    throw new LinkingError(
      'recalibrate_fixed',
      'recalibrating items with stored parameters needs mean/sigma or Stocking–Lord linking (fixed linking holds them)',
    );
  if (anchored && link === 'fixed') {
    const report = calibrateItems(
      {
        ...matrix,
        items: matrix.items.map((i) => ({
          ...i,
          ...(anchors.has(i.id) ? { anchor: anchors.get(i.id) } : {}),
        })),
      },
      options,
    );
    return { report, linking: { ...base, mean: report.latent.mean, sd: report.latent.sd } };
  }
  const report = calibrateItems(matrix, options);
  if (!anchored || link === 'none') return { report, linking: base };
  const pairs = report.items
    .filter((i) => anchors.has(i.id))
    .map((i) => ({ bank: anchors.get(i.id)!, new: i.params }));
  if (pairs.length < 2)
    throw new LinkingError('too_few_anchors', 'mean/sigma and Stocking–Lord need at least two anchor items');
  const k: LinkingConstants = link === 'mean-sigma' ? meanSigma(pairs) : stockingLord(pairs);
  report.items = report.items.map((i) =>
    anchors.has(i.id)
      ? { ...i, params: options.recalibrate ? transformItem(i.params, k) : anchors.get(i.id)!, anchor: true }
      : { ...i, params: transformItem(i.params, k) },
  );
  return {
    report,
    linking: { ...base, A: k.A, B: k.B, ...(options.recalibrate ? { recalibrated: true } : {}) },
  };
}
