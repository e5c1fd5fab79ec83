/**
 * Item statistics over past sittings (the bank browser's view of an item's use): classical
 * statistics computed within each sitting, where the total score is meaningful, then pooled over
 * sittings weighted by the candidates who saw the item. Facility and mean score pool exactly; the
 * point-biserial is the candidate-weighted mean of the per-sitting correlations (correlations of
 * different tests cannot be merged into one). An item given by an adaptive section (each
 * candidate given other items, chosen by ability) is left out of all of that: its uses there are
 * counted apart (`adaptiveItemUses`). Pure: the caller loads the scores.
 */
import { itemStatistics } from './classical.ts';
import { flagItem, type FlagThresholds, type ItemFlag } from './flags.ts';

export interface HistorySitting {
  id: string;
  /** When the sitting was taken (ISO date-time); the latest one is the item's last use. */
  usedAt: string;
  /** Every item of the sitting's forms; `key` groups uses of one bank item (its id). */
  items: { ref: string; key: string; maxScore: number; adaptive?: boolean }[];
  candidates: {
    /** Item score by ref; a missing ref (or null) means not presented or not scored yet. */
    scores: Record<string, number | null>;
    /** Refs presented to the candidate and left without an answer. */
    omitted?: string[];
  }[];
}

export interface ItemHistory {
  key: string;
  /** Sittings in which at least one scored candidate saw the item. */
  sittings: number;
  /** Scored candidates who saw it, over all sittings. */
  candidates: number;
  /** Facility: mean score over the maximum. */
  p: number;
  /** Corrected item-total correlation (item left out of the total), pooled. */
  discrimination: number;
  /** Item-total correlation with the item in the total, pooled. */
  pointBiserial: number;
  /** Upper-lower 27% index, pooled. */
  upperLower: number;
  /** Mean points scored. */
  meanScore: number;
  maxScore: number;
  /** Share of candidates who saw the item and left it unanswered. */
  omitRate: number;
  lastUsed: string;
  flags: ItemFlag[];
}

interface Sums {
  sittings: Set<string>;
  n: number;
  p: number;
  discrimination: number;
  pointBiserial: number;
  upperLower: number;
  score: number;
  maxScore: number;
  omitted: number;
  lastUsed: string;
}

export function itemHistory(
  sittings: HistorySitting[],
  thresholds: Partial<FlagThresholds> = {},
): ItemHistory[] {
  const sums = new Map<string, Sums>();
  for (const sitting of sittings) {
    // Classical figures only over the items every candidate could be given (not an adaptive pool's).
    const items = sitting.items.filter((i) => !i.adaptive);
    if (!items.length || !sitting.candidates.length) continue;
    const rows = sitting.candidates.map((c) => items.map((i) => c.scores[i.ref] ?? null));
    const stats = itemStatistics({
      items: items.map((i) => i.ref),
      maxScores: items.map((i) => i.maxScore),
      rows,
    });
    items.forEach((item, j) => {
      const s = stats[j]!;
      if (s.n === 0) return;
      const sum = sums.get(item.key) ?? {
        sittings: new Set<string>(),
        n: 0,
        p: 0,
        discrimination: 0,
        pointBiserial: 0,
        upperLower: 0,
        score: 0,
        maxScore: 0,
        omitted: 0,
        lastUsed: sitting.usedAt,
      };
      sum.sittings.add(sitting.id);
      sum.n += s.n;
      sum.p += s.p * s.n;
      sum.discrimination += s.pointBiserialCorrected * s.n;
      sum.pointBiserial += s.pointBiserial * s.n;
      sum.upperLower += s.upperLower * s.n;
      sum.score += rows.reduce((total, row) => total + (row[j] ?? 0), 0);
      sum.maxScore = Math.max(sum.maxScore, item.maxScore);
      sum.omitted += sitting.candidates.filter(
        (c, r) => rows[r]![j] !== null && c.omitted?.includes(item.ref),
      ).length;
      if (sitting.usedAt > sum.lastUsed) sum.lastUsed = sitting.usedAt;
      sums.set(item.key, sum);
    });
  }
  return [...sums].map(([key, s]) => {
    const pooled = {
      item: key,
      n: s.n,
      p: s.p / s.n,
      pointBiserial: s.pointBiserial / s.n,
      pointBiserialCorrected: s.discrimination / s.n,
      upperLower: s.upperLower / s.n,
      alphaIfDeleted: 0,
    };
    return {
      key,
      sittings: s.sittings.size,
      candidates: s.n,
      p: pooled.p,
      discrimination: pooled.pointBiserialCorrected,
      pointBiserial: pooled.pointBiserial,
      upperLower: pooled.upperLower,
      meanScore: s.score / s.n,
      maxScore: s.maxScore,
      omitRate: s.omitted / s.n,
      lastUsed: s.lastUsed,
      // Pooled over every sitting, so the minimum sample counts all who saw it (flagItem checks it).
      flags: flagItem(pooled, undefined, thresholds).filter((f) => f !== 'low_upper_lower'),
    };
  });
}

/** An item's uses in adaptive sections: no classical figure applies to them. */
export interface AdaptiveItemUse {
  key: string;
  /** Sittings whose adaptive section gave the item to at least one scored candidate. */
  sittings: number;
  /** Scored candidates given the item there. */
  exposures: number;
  lastUsed: string;
}

export function adaptiveItemUses(sittings: HistorySitting[]): AdaptiveItemUse[] {
  const uses = new Map<string, { sittings: Set<string>; exposures: number; lastUsed: string }>();
  for (const sitting of sittings)
    for (const item of sitting.items) {
      if (!item.adaptive) continue;
      const exposures = sitting.candidates.filter((c) => typeof c.scores[item.ref] === 'number').length;
      if (!exposures) continue;
      const use = uses.get(item.key) ?? {
        sittings: new Set<string>(),
        exposures: 0,
        lastUsed: sitting.usedAt,
      };
      use.sittings.add(sitting.id);
      use.exposures += exposures;
      if (sitting.usedAt > use.lastUsed) use.lastUsed = sitting.usedAt;
      uses.set(item.key, use);
    }
  return [...uses].map(([key, u]) => ({
    key,
    sittings: u.sittings.size,
    exposures: u.exposures,
    lastUsed: u.lastUsed,
  }));
}
