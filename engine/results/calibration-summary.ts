/**
 * What a calibration run reports, from the estimation and linking step's result
 * (grading/calibration/estimate-and-link.ts): one row per item (its label, model, anchor, n,
 * parameters, fit, flags, the content version and the stored parameter version) and the run's
 * summary (estimated, anchors, sample size, convergence, latent distribution, linking, flagged,
 * stored). The engine's command (commands/calibrate-items.ts) and `npm run calibrate -- --file`
 * (which runs the pure step alone) both shape their answer here. Pure.
 */
import type { adaptive, calibration } from '../../grading/index.ts';

type CalibrationModel = calibration.CalibrationModel;
type Linking = calibration.Linking;
type CalibrationReport = calibration.CalibrationReport;

export interface CalibratedItemRow {
  /** The item's identifier (its column label). */
  identifier: string;
  itemId: string;
  model: CalibrationModel;
  anchor: boolean;
  /** Responses the estimate rests on. */
  n: number;
  params: adaptive.ItemModel;
  fit: { infit: number; outfit: number; x2: number; df: number; p: number };
  flags: string[];
  /** The content version most responses were given to (stored sessions only). */
  itemVersionId: string | null;
  /** The parameter version written (store), else null. */
  storedVersion: number | null;
}

/** A run's answer: where the responses came from, the rows, and the summary over them. */
export type CalibrationRunOutcome = { source: string; items: CalibratedItemRow[] } & ReturnType<
  typeof calibrationSummary
>;

/** One row per report item; `labelOf` gives the column label (default the id). */
export function calibrationRows(
  report: CalibrationReport,
  labelOf: (id: string) => string | undefined = () => undefined,
  versions: readonly (string | null)[] = [],
): CalibratedItemRow[] {
  return report.items.map((item, j) => ({
    identifier: labelOf(item.id) ?? item.id,
    itemId: item.id,
    model: item.model,
    anchor: item.anchor,
    n: item.n,
    params: item.params,
    fit: { infit: item.fit.infit, outfit: item.fit.outfit, x2: item.fit.x2, df: item.fit.df, p: item.fit.p },
    flags: [...item.flags],
    itemVersionId: versions[j] ?? null,
    storedVersion: null,
  }));
}

/**
 * The run's summary over its rows (after storing, when it stored). `estimated` counts the items whose
 * estimates are new: every item not held as an anchor, and with `recalibrate` the anchors too.
 */
export function calibrationSummary(
  rows: readonly CalibratedItemRow[],
  report: CalibrationReport,
  linking: Linking,
) {
  return {
    estimated: rows.filter((r) => !r.anchor || linking.recalibrated).length,
    anchors: linking.anchors,
    sampleSize: report.sampleSize,
    converged: report.converged,
    iterations: report.iterations,
    logLikelihood: report.logLikelihood,
    latent: report.latent,
    linking,
    flagged: rows.filter((r) => r.flags.length).length,
    stored: rows.filter((r) => r.storedVersion !== null).length,
  };
}

/** The mean score as a share of the item's top category (facility p for a 0/1 item), from its counts. */
export function facilityOf(item: { counts: readonly number[]; n: number }): number | null {
  const top = item.counts.length - 1;
  if (!(item.n > 0) || top < 1) return null;
  return item.counts.reduce((s, c, k) => s + k * c, 0) / (item.n * top);
}
