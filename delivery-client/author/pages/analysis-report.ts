/** The item analysis of a sitting as `GET /api/reports/sittings/{id}/analysis` gives it. */

export type ItemFlag =
  | 'too_hard'
  | 'too_easy'
  | 'low_discrimination'
  | 'negative_discrimination'
  | 'low_upper_lower'
  | 'distractor_problem';

export interface FlagThresholds {
  minP: number;
  maxP: number;
  minPointBiserial: number;
  minUpperLower: number;
  /** Candidates an item must have been seen by before it is flagged. */
  minSample: number;
}

export interface OptionFigures {
  option: string;
  key: boolean;
  count: number;
  proportion: number;
  upper: number;
  lower: number;
  pointBiserial: number;
  problem?: 'never_chosen' | 'key_chosen_less_by_upper' | 'distractor_attracts_upper';
}

export interface ItemFigures {
  /** The analysis key (the delivered item version); itemTitles names it. */
  item: string;
  n: number;
  p: number;
  pointBiserial: number;
  /** The item-total correlation without the item: what the flags compare with minPointBiserial. */
  pointBiserialCorrected: number;
  upperLower: number;
  alphaIfDeleted: number;
  maxScore: number;
  options?: OptionFigures[];
  flags: ItemFlag[];
}

export interface AnalysisReport {
  /** Candidates with a final result (the analysis counts only those). */
  candidates: number;
  /** Results still being marked. */
  pending: number;
  thresholds: FlagThresholds;
  itemTitles: Record<string, string>;
  test: {
    n: number;
    items: number;
    mean: number;
    sd: number;
    min: number;
    max: number;
    median: number;
    alpha: number;
    sem: number;
  };
  items: ItemFigures[];
}
