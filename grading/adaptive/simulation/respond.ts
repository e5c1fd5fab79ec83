import { categoryProbabilities } from '../models/curves.ts';
import type { ItemModel } from '../models/item.ts';
import type { Rng } from '../rng.ts';

/** A simulated response: the category drawn from the item's model at the simulee's true θ. */
export function simulatedResponse(item: ItemModel, theta: number, rng: Rng): number {
  const p = categoryProbabilities(item, theta);
  let u = rng();
  for (let k = 0; k < p.length - 1; k++) {
    u -= p[k]!;
    if (u < 0) return k;
  }
  return p.length - 1;
}
