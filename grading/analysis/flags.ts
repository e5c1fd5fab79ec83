/**
 * Flags items whose statistics suggest a problem: too easy, too hard, weakly or negatively
 * discriminating (a negative value often means a wrong key), or with a distractor that draws the
 * strongest candidates. Thresholds are configurable per sitting; the defaults follow common
 * classroom practice (p in [0.2, 0.9], corrected point-biserial at least 0.2, D at least 0.2).
 * An item seen by fewer than `minSample` candidates is not flagged: a p-value or a correlation over
 * a handful of answers says nothing about the item.
 */
import type { ItemStatistics } from './classical.ts';
import type { OptionStatistics } from './distractors.ts';

export interface FlagThresholds {
  minP: number;
  maxP: number;
  minPointBiserial: number;
  minUpperLower: number;
  /** Candidates an item must have been seen by before its statistics raise flags. */
  minSample: number;
}

export const DEFAULT_FLAG_THRESHOLDS: FlagThresholds = {
  minP: 0.2,
  maxP: 0.9,
  minPointBiserial: 0.2,
  minUpperLower: 0.2,
  minSample: 5,
};

export type ItemFlag =
  | 'too_hard'
  | 'too_easy'
  | 'low_discrimination'
  | 'negative_discrimination'
  | 'low_upper_lower'
  | 'distractor_problem';

/** Flags of one item; an empty list means nothing to look at. */
export function flagItem(
  stats: ItemStatistics,
  options: OptionStatistics[] | undefined,
  thresholds: Partial<FlagThresholds> = {},
): ItemFlag[] {
  const t = { ...DEFAULT_FLAG_THRESHOLDS, ...thresholds };
  const flags: ItemFlag[] = [];
  if (stats.n < t.minSample) return flags;
  if (stats.p < t.minP) flags.push('too_hard');
  if (stats.p > t.maxP) flags.push('too_easy');
  if (stats.pointBiserialCorrected < 0) flags.push('negative_discrimination');
  else if (stats.pointBiserialCorrected < t.minPointBiserial) flags.push('low_discrimination');
  if (stats.upperLower < t.minUpperLower) flags.push('low_upper_lower');
  if (
    options?.some(
      (o) => o.problem === 'distractor_attracts_upper' || o.problem === 'key_chosen_less_by_upper',
    )
  )
    flags.push('distractor_problem');
  return flags;
}
