import type { PreparedPool } from '../pool.ts';

/** Pool indices barred because they are enemies of an item already administered. */
export function barredByEnemies(pool: PreparedPool, administered: readonly number[]): Set<number> {
  const barred = new Set<number>();
  for (const i of administered) for (const j of pool.enemiesOf[i] ?? []) barred.add(j);
  return barred;
}
