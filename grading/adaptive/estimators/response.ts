import type { ItemModel } from '../models/item.ts';

/** One scored response: the item's model and the category obtained (0/1, or 0..m). */
export interface ScoredResponse {
  item: ItemModel;
  category: number;
}

/** What an estimator returns: the ability and its standard error. */
export interface AbilityEstimate {
  theta: number;
  se: number;
  method: 'mle' | 'map' | 'eap' | 'wle';
  /** Set when MLE could not be used (no mixed pattern yet) and another rule gave the value. */
  fallback?: 'eap' | 'bound';
}
