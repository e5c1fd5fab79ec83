/**
 * Classical test theory for one sitting: facility (p), point-biserial correlations (with the item
 * in the total and without it), the upper-lower 27% discrimination index, Cronbach's alpha (KR-20
 * for dichotomous items) and the standard error of measurement. Pure functions over a score matrix.
 *
 * Scores are item points in [0, max]; `null` means the item was not presented to that candidate
 * (random selection); such cells are left out of that item's statistics, and alpha uses only
 * candidates who saw every item.
 */

export interface ScoreMatrix {
  /** Item identifiers, one per column. */
  items: string[];
  /** Maximum points per item (1 for dichotomous items). */
  maxScores: number[];
  /** One row per candidate, one cell per item. */
  rows: (number | null)[][];
  /** Optional frequency of each row (pattern tables such as the LSAT data); default 1. */
  weights?: number[];
}

export interface ItemStatistics {
  item: string;
  /** Candidates who were presented the item. */
  n: number;
  /** Facility: mean score over the maximum (proportion correct for dichotomous items). */
  p: number;
  /** Pearson correlation of the item score with the total score including the item. */
  pointBiserial: number;
  /** The same with the item left out of the total (corrected item-total correlation). */
  pointBiserialCorrected: number;
  /** Facility in the top 27% by total score minus facility in the bottom 27%. */
  upperLower: number;
  /** Cronbach's alpha of the test without this item. */
  alphaIfDeleted: number;
}

export interface TestStatistics {
  n: number;
  items: number;
  mean: number;
  /** Sample standard deviation (n - 1) of total scores. */
  sd: number;
  min: number;
  max: number;
  median: number;
  /** Cronbach's alpha; equals KR-20 when every item is dichotomous. */
  alpha: number;
  /** Standard error of measurement: sd * sqrt(1 - alpha). */
  sem: number;
}

function weightOf(m: ScoreMatrix, r: number): number {
  return m.weights?.[r] ?? 1;
}

/** Weighted mean and sample variance (n - 1 in the denominator, n = sum of weights). */
function moments(values: number[], weights: number[]): { n: number; mean: number; variance: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    n += weights[i]!;
    sum += weights[i]! * values[i]!;
  }
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += weights[i]! * (values[i]! - mean) ** 2;
  return { n, mean, variance: n > 1 ? ss / (n - 1) : 0 };
}

/** Weighted Pearson correlation; 0 when either variable is constant. */
export function correlation(x: number[], y: number[], w?: number[]): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w?.[i] ?? 1;
    n += wi;
    sx += wi * x[i]!;
    sy += wi * y[i]!;
  }
  if (n === 0) return 0;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w?.[i] ?? 1;
    sxy += wi * (x[i]! - mx) * (y[i]! - my);
    sxx += wi * (x[i]! - mx) ** 2;
    syy += wi * (y[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Total score of each row over the presented items. */
export function totalScores(m: ScoreMatrix): number[] {
  return m.rows.map((row) => row.reduce<number>((sum, v) => sum + (v ?? 0), 0));
}

/** Cronbach's alpha over the rows that saw every item (KR-20 for 0/1 items). */
export function cronbachAlpha(m: ScoreMatrix, leaveOut = -1): number {
  const cols = m.items.map((_, j) => j).filter((j) => j !== leaveOut);
  const k = cols.length;
  if (k < 2) return 0;
  const complete = m.rows
    .map((row, r) => ({ row, w: weightOf(m, r) }))
    .filter((x) => x.row.every((v) => v !== null));
  const w = complete.map((x) => x.w);
  const itemVariance = cols.reduce(
    (sum, j) =>
      sum +
      moments(
        complete.map((x) => x.row[j] as number),
        w,
      ).variance,
    0,
  );
  const totals = complete.map((x) => cols.reduce((s, j) => s + (x.row[j] as number), 0));
  const totalVariance = moments(totals, w).variance;
  return totalVariance > 0 ? (k / (k - 1)) * (1 - itemVariance / totalVariance) : 0;
}

/** Indices of rows (expanded by weight) in the bottom and top `fraction` of totals, ties by order. */
function extremeGroups(
  totals: number[],
  weights: number[],
  fraction: number,
): { low: Map<number, number>; high: Map<number, number> } {
  const order = totals.map((t, i) => i).sort((a, b) => totals[a]! - totals[b]!);
  const n = weights.reduce((s, w) => s + w, 0);
  const size = Math.max(1, Math.round(n * fraction));
  const take = (indices: number[]) => {
    const picked = new Map<number, number>();
    let left = size;
    for (const i of indices) {
      if (left <= 0) break;
      const k = Math.min(left, weights[i]!);
      picked.set(i, k);
      left -= k;
    }
    return picked;
  };
  return { low: take(order), high: take([...order].reverse()) };
}

function facilityIn(group: Map<number, number>, m: ScoreMatrix, j: number): number {
  let n = 0;
  let sum = 0;
  for (const [r, w] of group) {
    const v = m.rows[r]![j];
    if (v === null || v === undefined) continue;
    n += w;
    sum += w * v;
  }
  const max = m.maxScores[j]! || 1;
  return n > 0 ? sum / n / max : 0;
}

/** Item statistics for every column. */
export function itemStatistics(m: ScoreMatrix, groupFraction = 0.27): ItemStatistics[] {
  const totals = totalScores(m);
  const weights = m.rows.map((_, r) => weightOf(m, r));
  const { low, high } = extremeGroups(totals, weights, groupFraction);
  return m.items.map((item, j) => {
    const x: number[] = [];
    const t: number[] = [];
    const rest: number[] = [];
    const w: number[] = [];
    m.rows.forEach((row, r) => {
      const v = row[j];
      if (v === null || v === undefined) return;
      x.push(v);
      t.push(totals[r]!);
      rest.push(totals[r]! - v);
      w.push(weights[r]!);
    });
    const { n, mean } = moments(x, w);
    return {
      item,
      n,
      p: mean / (m.maxScores[j]! || 1),
      pointBiserial: correlation(x, t, w),
      pointBiserialCorrected: correlation(x, rest, w),
      upperLower: facilityIn(high, m, j) - facilityIn(low, m, j),
      alphaIfDeleted: cronbachAlpha(m, j),
    };
  });
}

/** Test-level statistics: mean, spread, alpha and SEM of the total score. */
export function testStatistics(m: ScoreMatrix): TestStatistics {
  const totals = totalScores(m);
  const weights = m.rows.map((_, r) => weightOf(m, r));
  const { n, mean, variance } = moments(totals, weights);
  const sd = Math.sqrt(variance);
  const alpha = cronbachAlpha(m);
  const sorted = totals.map((t, i) => [t, weights[i]!] as const).sort((a, b) => a[0] - b[0]);
  let seen = 0;
  let median = 0;
  for (const [t, w] of sorted) {
    seen += w;
    if (seen >= n / 2) {
      median = t;
      break;
    }
  }
  return {
    n,
    items: m.items.length,
    mean,
    sd,
    min: sorted[0]?.[0] ?? 0,
    max: sorted.at(-1)?.[0] ?? 0,
    median,
    alpha,
    sem: sd * Math.sqrt(Math.max(0, 1 - alpha)),
  };
}
