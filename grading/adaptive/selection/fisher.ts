import { information } from '../models/curves.ts';
import type { ItemModel } from '../models/item.ts';

/** Maximum Fisher information: the criterion is the item's information at the current estimate. */
export function fisherCriterion(item: ItemModel, theta: number): number {
  return information(item, theta);
}
