import type { Cat } from '../session/cat.ts';
import type { SimulatedRun } from './metrics.ts';

/**
 * The largest distance, over simulees and blueprint cells, between the items a test gave in a cell
 * and the cell's share of that test's length (|count - share·n|); 0 without a blueprint.
 */
export function blueprintDeviation(cat: Cat, runs: readonly SimulatedRun[]): number {
  if (!cat.shares) return 0;
  let worst = 0;
  for (const run of runs) {
    const n = run.items.length;
    const counts = new Map<string, number>();
    for (const id of run.items) {
      const cell = cat.cells[cat.pool.indexOf.get(id)!]!;
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
    }
    for (const { cell, share } of cat.shares)
      worst = Math.max(worst, Math.abs((counts.get(cell) ?? 0) - share * n));
  }
  return worst;
}
