/**
 * The item analysis of one sitting, assembled from its finalised results: test statistics,
 * per-item statistics with distractor analysis and flags, and (when every item is scored 0/1 or
 * can be dichotomised at its maximum, and enough candidates sat) a Rasch or 2PL calibration with
 * each candidate's EAP ability. Items of an adaptive section are kept out of all of that (each
 * candidate was given different ones): they get exposure and mean θ instead (adaptive-items.ts).
 * Pure: the caller loads the results.
 */
import { analyseAdaptiveItems, type AdaptiveSectionAnalysis } from './adaptive-items.ts';
import {
  itemStatistics,
  testStatistics,
  totalScores,
  type ItemStatistics,
  type TestStatistics,
} from './classical.ts';
import { distractorAnalysis, type OptionStatistics } from './distractors.ts';
import { flagItem, type FlagThresholds, type ItemFlag } from './flags.ts';
import { calibrate, estimateAbility, normalQuadrature, type Calibration, type IrtModel } from './irt.ts';

export interface AnalysisItem {
  ref: string;
  maxScore: number;
  /** For choice items: option identifiers and the key, for the distractor analysis. */
  options?: string[];
  key?: string[];
  /** An item of an adaptive section's pool: the section's identifier. */
  adaptiveSection?: string;
}

export interface AnalysisCandidate {
  id: string;
  /** Item score by item ref; a missing ref means the item was not presented. */
  scores: Record<string, number>;
  /** Chosen option(s) by item ref, for choice items. */
  choices?: Record<string, string | string[] | null>;
  /** The ability (θ) of the candidate's result in each adaptive section they sat. */
  abilities?: Record<string, number>;
}

export interface AnalysisOptions {
  thresholds?: Partial<FlagThresholds>;
  /** IRT model to calibrate; none below `minIrtSample` candidates. */
  irtModel?: IrtModel | 'none';
  minIrtSample?: number;
}

export interface SittingAnalysis {
  test: TestStatistics;
  items: (ItemStatistics & { maxScore: number; options?: OptionStatistics[]; flags: ItemFlag[] })[];
  irt?: Omit<Calibration, 'items'> & { items: (Calibration['items'][number] & { ref: string })[] };
  abilities?: Record<string, { eap: number; se: number }>;
  /** Score histogram of totals over unit-wide bins from 0 to the maximum. */
  histogram: { from: number; to: number; count: number }[];
  /** Adaptive sections: per pool item given, exposure and mean θ; classical figures not applicable. */
  adaptive?: AdaptiveSectionAnalysis[];
}

export function analyseSitting(
  allItems: AnalysisItem[],
  candidates: AnalysisCandidate[],
  options: AnalysisOptions = {},
): SittingAnalysis {
  const items = allItems.filter((i) => !i.adaptiveSection);
  const adaptiveItems = allItems.filter((i) => i.adaptiveSection);
  const matrix = {
    items: items.map((i) => i.ref),
    maxScores: items.map((i) => i.maxScore),
    rows: candidates.map((c) => items.map((i) => c.scores[i.ref] ?? null)),
  };
  const test = testStatistics(matrix);
  const totals = totalScores(matrix);
  const stats = itemStatistics(matrix);
  const analysed = stats.map((s, j) => {
    const item = items[j]!;
    const optionStats =
      item.options && item.key
        ? distractorAnalysis({
            options: item.options,
            key: item.key,
            choices: candidates.map((c) => (item.ref in c.scores ? (c.choices?.[item.ref] ?? '') : null)),
            totals,
          })
        : undefined;
    return {
      ...s,
      maxScore: item.maxScore,
      options: optionStats,
      flags: flagItem(s, optionStats, options.thresholds),
    };
  });
  const result: SittingAnalysis = { test, items: analysed, histogram: histogram(totals, items) };
  if (adaptiveItems.length)
    result.adaptive = analyseAdaptiveItems(
      adaptiveItems.map((i) => ({ ref: i.ref, section: i.adaptiveSection! })),
      candidates.flatMap((c) =>
        Object.entries(c.abilities ?? {}).map(([section, theta]) => ({
          theta,
          given: adaptiveItems
            .filter((i) => i.adaptiveSection === section && i.ref in c.scores)
            .map((i) => i.ref),
        })),
      ),
    );
  const model = options.irtModel ?? 'rasch';
  if (model !== 'none' && candidates.length >= (options.minIrtSample ?? 30) && items.length >= 2) {
    // Dichotomise: full marks is a success.
    const rows = matrix.rows.map((row) =>
      row.map((v, j) => (v === null ? null : v >= items[j]!.maxScore ? 1 : 0)),
    );
    const fit = calibrate({ rows }, { model });
    const quad = normalQuadrature();
    result.irt = { ...fit, items: fit.items.map((p, j) => ({ ...p, ref: items[j]!.ref })) };
    result.abilities = Object.fromEntries(
      candidates.map((c, r) => {
        const est = estimateAbility(rows[r]!, fit.items, quad);
        return [c.id, { eap: est.eap, se: est.eapSe }];
      }),
    );
  }
  return result;
}

function histogram(totals: number[], items: AnalysisItem[]): SittingAnalysis['histogram'] {
  const max = Math.max(
    1,
    items.reduce((s, i) => s + i.maxScore, 0),
  );
  const bins = Math.min(20, Math.ceil(max));
  const width = max / bins;
  const out = Array.from({ length: bins }, (_, b) => ({ from: b * width, to: (b + 1) * width, count: 0 }));
  for (const t of totals) out[Math.min(bins - 1, Math.floor(t / width))]!.count++;
  return out;
}
