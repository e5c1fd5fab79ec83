/**
 * The calibration pipeline in one call: estimation (./estimate.ts), item fit (./fit.ts) and the
 * reviewer's flags (./flags.ts), and a CSV response matrix reader. Pure: the caller loads the data.
 */
import { estimateItems } from './estimate.ts';
import { itemFit, type ItemFit } from './fit.ts';
import { calibrationFlags, type CalibrationFlag, type CalibrationThresholds } from './flags.ts';
import { DICHOTOMOUS, type CalibrationModel } from './item-params.ts';
import type { CalibratedItem, Calibration, EstimationOptions, ResponseMatrix } from './types.ts';

export interface CalibrationReport extends Calibration {
  items: (CalibratedItem & { fit: ItemFit; flags: CalibrationFlag[] })[];
}

export function calibrateItems(
  data: ResponseMatrix,
  options: EstimationOptions & { thresholds?: Partial<CalibrationThresholds>; fitGroups?: number } = {},
): CalibrationReport {
  const calibration = estimateItems(data, options);
  const fits = itemFit(data, calibration, options.fitGroups);
  return {
    ...calibration,
    items: calibration.items.map((item, j) => ({
      ...item,
      fit: fits[j]!,
      flags: calibrationFlags(item, fits[j], calibration.converged, options.thresholds),
    })),
  };
}

const MISSING = new Set(['', '.', 'na', 'NA', 'null', '-']);

/**
 * A response matrix from CSV: a header of item ids (a first column named id, person, candidate
 * or student is kept as row labels), one row per candidate, score categories 0..m, and an empty
 * cell, `.`, `NA` or `-` where the item was not presented. Every item gets `model`, unless
 * `models` names its own; items scoring above 1 under a dichotomous default get `polytomous`.
 */
export function parseResponseCsv(
  text: string,
  model: CalibrationModel = '2pl',
  models: Record<string, CalibrationModel> = {},
  polytomous: CalibrationModel = 'gpcm',
): ResponseMatrix & { labels: string[] } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (!lines.length) throw new Error('empty response file');
  const split = (l: string) => l.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
  const header = split(lines[0]!);
  const labelled = /^(id|person|candidate|student)$/i.test(header[0] ?? '');
  const ids = labelled ? header.slice(1) : header;
  const labels: string[] = [];
  const rows = lines.slice(1).map((line, i) => {
    const cells = split(line);
    labels.push(labelled ? cells[0]! : String(i + 1));
    const values = labelled ? cells.slice(1) : cells;
    return ids.map((id, j) => {
      const cell = values[j] ?? '';
      if (MISSING.has(cell)) return null;
      const v = Number(cell);
      if (!Number.isInteger(v) || v < 0)
        throw new Error(`line ${i + 2}, item ${id}: "${cell}" is not a score category`);
      return v;
    });
  });
  const items = ids.map((id, j) => {
    const top = Math.max(0, ...rows.map((r) => r[j] ?? 0));
    const own = models[id] ?? (top > 1 && DICHOTOMOUS.includes(model) ? polytomous : model);
    return { id, model: own };
  });
  return { items, rows, labels };
}
