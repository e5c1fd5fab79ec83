import type { ItemModel } from './models/item.ts';

/**
 * A pool item: its model and parameters, its blueprint cell (topic × cognitive level, the
 * "ma trận đề") and the ids of its enemies (items that must never share a test with it).
 */
export type PoolItem = ItemModel & {
  id: string;
  topic?: string;
  level?: string;
  enemies?: string[];
};

/** A pool with the look-ups every step needs, built once. */
export interface PreparedPool {
  items: readonly PoolItem[];
  indexOf: ReadonlyMap<string, number>;
  /** Enemy relation made symmetric: listing B as A's enemy makes A an enemy of B. */
  enemiesOf: readonly ReadonlySet<number>[];
}

export function cellOf(item: Pick<PoolItem, 'topic' | 'level'>): string {
  return `${item.topic ?? ''} × ${item.level ?? ''}`;
}

export function preparePool(items: readonly PoolItem[]): PreparedPool {
  const indexOf = new Map<string, number>();
  items.forEach((item, i) => {
    if (indexOf.has(item.id)) throw new Error(`duplicate item id in pool: ${item.id}`);
    indexOf.set(item.id, i);
  });
  const enemiesOf = items.map(() => new Set<number>());
  items.forEach((item, i) => {
    for (const id of item.enemies ?? []) {
      const j = indexOf.get(id);
      if (j === undefined || j === i) continue;
      enemiesOf[i]!.add(j);
      enemiesOf[j]!.add(i);
    }
  });
  return { items, indexOf, enemiesOf };
}
