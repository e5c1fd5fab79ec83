import type { PoolItem } from '../pool.ts';

/** Location of an item on θ: b, or the mean of the step/threshold parameters of a polytomous item. */
export function itemLocation(item: PoolItem): number {
  return typeof item.b === 'number' ? item.b : item.b.reduce((s, v) => s + v, 0) / item.b.length;
}

/**
 * a-stratification with b-blocking (Chang, Qian & Ying 2001): sort the pool by b, cut it into
 * blocks of `strata` consecutive items, and inside each block give the item with the i-th lowest
 * a to stratum i. Every stratum then spans the whole b range, and strata rise in a.
 * Returns the stratum (0 = lowest a) of each pool item.
 */
export function stratify(items: readonly PoolItem[], strata: number): number[] {
  const byB = items
    .map((_, i) => i)
    .sort((x, y) => itemLocation(items[x]!) - itemLocation(items[y]!) || x - y);
  const stratum = new Array<number>(items.length).fill(0);
  for (let start = 0; start < byB.length; start += strata) {
    const block = byB.slice(start, start + strata).sort((x, y) => items[x]!.a - items[y]!.a || x - y);
    block.forEach((i, rank) => (stratum[i] = rank));
  }
  return stratum;
}

/** Stage of the test: equal shares of the maximum length per stratum, low a first. */
export function currentStratum(answered: number, maxItems: number, strata: number): number {
  const perStratum = Math.max(1, Math.ceil(maxItems / strata));
  return Math.min(strata - 1, Math.floor(answered / perStratum));
}

/** Within a stratum the item whose b is nearest the estimate is best (criterion = -|b - θ̂|). */
export function bMatchCriterion(item: PoolItem, theta: number): number {
  return -Math.abs(itemLocation(item) - theta);
}
