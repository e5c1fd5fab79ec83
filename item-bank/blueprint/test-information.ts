/**
 * Item and test information under the 1PL/2PL/3PL logistic models, at a fixed grid of
 * abilities; parallel forms should carry about the same information at every point.
 */
export interface IrtItem {
  /** Discrimination; 1 for Rasch/1PL. */
  a: number;
  b: number;
  /** Guessing; 0 unless 3PL. */
  c: number;
}

/** Abilities where the information of forms is compared. */
export const THETA_GRID = [-2, -1, 0, 1, 2] as const;

/** Fisher information of one item at ability theta (D = 1.7 scaling). */
export function itemInformation(item: IrtItem, theta: number): number {
  const d = 1.7;
  const p = item.c + (1 - item.c) / (1 + Math.exp(-d * item.a * (theta - item.b)));
  const q = 1 - p;
  return (d * d * item.a * item.a * q * (p - item.c) ** 2) / (p * (1 - item.c) ** 2);
}

/** Information of a set of items at every ability of the grid. */
export function informationCurve(items: IrtItem[]): number[] {
  return THETA_GRID.map((theta) => items.reduce((sum, i) => sum + itemInformation(i, theta), 0));
}

/**
 * The largest difference between two forms' information at one ability, relative to the larger
 * of the two there: 0 means identical curves.
 */
export function informationSpread(curves: number[][]): number {
  let worst = 0;
  THETA_GRID.forEach((_, k) => {
    const values = curves.map((c) => c[k]!);
    const high = Math.max(...values);
    if (high > 0) worst = Math.max(worst, (high - Math.min(...values)) / high);
  });
  return worst;
}
