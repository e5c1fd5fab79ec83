import { categoryCount } from '../models/item.ts';
import type { ScoredResponse } from './response.ts';

/**
 * 'low' when every response is in its item's lowest category, 'high' when every one is in the
 * highest: the patterns with no finite maximum-likelihood estimate. 'mixed' otherwise.
 */
export function patternKind(responses: readonly ScoredResponse[]): 'low' | 'high' | 'mixed' {
  if (responses.length === 0) return 'mixed';
  if (responses.every((r) => r.category === 0)) return 'low';
  if (responses.every((r) => r.category === categoryCount(r.item) - 1)) return 'high';
  return 'mixed';
}
