/**
 * Seeded response matrices from known item parameters, for recovery checks and the README's
 * figures: θ ~ N(mean, sd²), each item presented with its own probability (pretest items
 * answered by a subset), categories drawn from the model's category probabilities.
 */
import { categoryProbabilities } from '../adaptive/models/curves.ts';
import type { ItemModel } from '../adaptive/models/item.ts';
import { normalDraw } from '../adaptive/rng.ts';
import { seededRandom } from '../processing/seeded-random.ts';

export interface SimulatedItem {
  params: ItemModel;
  /** Share of simulees presented the item; default 1. */
  presented?: number;
}

export function simulateResponses(
  items: SimulatedItem[],
  persons: number,
  seed: number,
  ability: { mean?: number; sd?: number } = {},
): { thetas: number[]; rows: (number | null)[][] } {
  const rng = seededRandom(seed);
  const thetas: number[] = [];
  const rows: (number | null)[][] = [];
  for (let i = 0; i < persons; i++) {
    const theta = (ability.mean ?? 0) + (ability.sd ?? 1) * normalDraw(rng);
    thetas.push(theta);
    rows.push(
      items.map((item) => {
        if (rng() >= (item.presented ?? 1)) return null;
        const p = categoryProbabilities(item.params, theta);
        let u = rng();
        for (let k = 0; k < p.length - 1; k++) {
          if (u < p[k]!) return k;
          u -= p[k]!;
        }
        return p.length - 1;
      }),
    );
  }
  return { thetas, rows };
}

/** Root mean square difference of two equally long lists. */
export function rmse(estimated: number[], truth: number[]): number {
  return Math.sqrt(estimated.reduce((s, v, i) => s + (v - truth[i]!) ** 2, 0) / estimated.length);
}
