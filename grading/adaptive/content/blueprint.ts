import { cellOf } from '../pool.ts';

/**
 * A test blueprint ("ma trận đề"): a target per topic × cognitive-level cell, either as counts
 * (normalised to proportions, so a 30-item matrix also steers a test that stops at 18) or as
 * proportions. Pool items outside every cell are not administered when a blueprint is set.
 */
export interface Blueprint {
  unit: 'count' | 'proportion';
  cells: { topic: string; level: string; target: number }[];
}

/** Each cell's key and target proportion, in blueprint order. */
export function blueprintShares(blueprint: Blueprint): { cell: string; share: number }[] {
  const total = blueprint.cells.reduce((s, c) => s + c.target, 0);
  if (!(total > 0)) throw new Error('blueprint targets must add up to more than 0');
  return blueprint.cells.map((c) => ({ cell: cellOf(c), share: c.target / total }));
}

/**
 * Kingsbury & Zara (1989) style: the cell furthest below its share after the next item, i.e. the
 * largest share·(n + 1) - count, among cells that still have eligible items (ties: blueprint order).
 */
export function neediestCell(
  shares: readonly { cell: string; share: number }[],
  administeredCells: readonly string[],
  hasEligible: (cell: string) => boolean,
): string | null {
  const n = administeredCells.length;
  let best: string | null = null;
  let bestDeficit = -Infinity;
  for (const { cell, share } of shares) {
    if (!hasEligible(cell)) continue;
    const count = administeredCells.filter((c) => c === cell).length;
    const deficit = share * (n + 1) - count;
    if (deficit > bestDeficit + 1e-12) {
      best = cell;
      bestDeficit = deficit;
    }
  }
  return best;
}
